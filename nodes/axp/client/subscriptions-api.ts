import type { HttpResponse } from '../../shared/http/http-request';
import { describeProblem, parseSubscription, subscriptionRequest, type AxpSubscription } from '../schema';
import { apiBase, type AxpAccountSettings } from './account-settings';
import { axpRequest } from './axp-request';
import type { AxpTokenSource } from './token-source';

/** The Notification API answered with an error status (status and the server's reason, never a token). */
export class AxpApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'AxpApiError';
  }
}

/**
 * The Notification REST API for one account (digest §3): create, get, renew and delete subscriptions. A 401
 * means the token went stale: it is dropped and the call made once more with a fresh one. The API is shared by
 * every stream of the account; a stream's `signal` cancels its own calls (token wait included) when it stops.
 */
export class AxpSubscriptionsApi {
  private readonly base: string;

  constructor(private readonly settings: AxpAccountSettings, private readonly tokens: AxpTokenSource) {
    this.base = `${apiBase(settings.apiHost)}/api/notification/v1/accounts/${encodeURIComponent(settings.accountId)}/subscriptions`;
  }

  async create(events: readonly string[], signal?: AbortSignal): Promise<AxpSubscription> {
    let request: string;
    try {
      request = JSON.stringify(subscriptionRequest(events));
    } catch (err) {
      // The API would refuse it too (more than 25 names, an empty one): a setting to fix, not a reason to retry soon.
      throw new AxpApiError(`cannot subscribe: ${(err as Error).message}`, 400);
    }
    const response = await this.call('POST', this.base, request, 'create the subscription', { signal });
    return parseSubscription(JSON.parse(response.text));
  }

  async get(subscriptionId: string, signal?: AbortSignal): Promise<AxpSubscription> {
    const response = await this.call('GET', `${this.base}/${encodeURIComponent(subscriptionId)}`, undefined, 'read the subscription', { signal });
    return parseSubscription(JSON.parse(response.text));
  }

  /** POST …/{id}:renew — the colon suffix is part of the path, as the API defines it. */
  async renew(subscriptionId: string, signal?: AbortSignal): Promise<AxpSubscription> {
    const response = await this.call('POST', `${this.base}/${encodeURIComponent(subscriptionId)}:renew`, undefined, 'renew the subscription', { signal });
    return parseSubscription(JSON.parse(response.text));
  }

  /** Bounded as a whole (token included): it runs while Node-RED waits for a node to close. */
  async delete(subscriptionId: string, timeoutMs = 4000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.call('DELETE', `${this.base}/${encodeURIComponent(subscriptionId)}`, undefined, 'delete the subscription', { deadline });
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', url: string, body: string | undefined, what: string, bounds: { deadline?: number; signal?: AbortSignal }): Promise<HttpResponse> {
    const { deadline, signal } = bounds;
    const left = () => (deadline === undefined ? undefined : Math.max(1, deadline - Date.now()));
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get({ timeoutMs: left(), signal });
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (this.settings.appKey) headers.appkey = this.settings.appKey;
      const response = await axpRequest({
        method, url, headers, body, rejectUnauthorized: this.settings.rejectUnauthorized, timeoutMs: left(), signal,
        allowUnencrypted: this.settings.allowUnencrypted, link: 'the API host', exposes: 'the bearer token',
      });
      if (response.status === 401 && attempt === 0) {
        this.tokens.invalidate(token);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        throw new AxpApiError(`could not ${what}: ${describeProblem(response.status, response.text)}`, response.status);
      }
      return response;
    }
  }
}
