import { EventEmitter } from 'events';
import { Backoff } from '../../shared/backoff';
import { HttpTransportError } from '../../shared/http/http-request';
import { describeProblem, parseTokenResponse } from '../schema';
import { tokenUrlOf, type AxpAccountSettings } from './account-settings';
import { axpRequest } from './axp-request';
import { UnencryptedLinkError } from '../../shared/http/unencrypted-links';
import { waitWithin, type WaitLimits } from './bounded-wait';

/** The identity provider refused the client's credentials: retrying the same ones cannot help until a person changes them. */
export class AxpCredentialsError extends Error {}

/** Renew when less than this share of the token's lifetime is left. */
const RENEW_AT_REMAINING = 0.2;

/**
 * One OAuth2 client-credentials token per account, shared by REST calls and WebSocket authentication: fetched
 * on first use, reused while fresh, fetched again before it runs out or when a server says it is invalid.
 * Concurrent callers share one request; after a refusal, callers wait out a capped backoff instead of
 * hammering the identity provider.
 *
 * Emits 'refused' (message) and 'issued' (never the token itself). close() cancels a request under way.
 */
export class AxpTokenSource extends EventEmitter {
  private token: string | undefined;
  private renewAt = 0;
  private expiresAt = 0;
  private inFlight: Promise<string> | undefined;
  private blockedUntil = 0;
  private lastError: Error | undefined;
  private readonly backoff = new Backoff({ initialMs: 2000, maxMs: 60000, jitter: 0.3 });
  private issued = 0;
  /** Aborted by close(): the request under way is cancelled, its socket destroyed. */
  private readonly life = new AbortController();

  constructor(private readonly settings: AxpAccountSettings, private readonly now: () => number = Date.now) {
    super();
    this.setMaxListeners(0);
  }

  /** How many tokens were fetched (tests and status use it). */
  get issuedCount(): number {
    return this.issued;
  }

  /**
   * A token fresh enough to use now. The request for it is shared by every caller; `limits` bound how long this
   * caller waits for it (a closing node must not wait for a frozen identity provider).
   */
  async get(limits: WaitLimits = {}): Promise<string> {
    if (this.life.signal.aborted) throw new HttpTransportError('the AXP account is closed');
    if (this.token && this.now() < this.renewAt) return this.token;
    if (!this.inFlight) {
      if (this.now() < this.blockedUntil && this.lastError) return this.stillValid(this.lastError);
      this.inFlight = this.fetch().finally(() => { this.inFlight = undefined; });
    }
    try {
      return await waitWithin(this.inFlight, limits, 'an access token');
    } catch (err) {
      return this.stillValid(err as Error);
    }
  }

  /** A renewal that failed on the way (not a refusal) leaves the current token usable until it really expires. */
  private stillValid(err: Error): string {
    if (!(err instanceof AxpCredentialsError) && this.token && this.now() < this.expiresAt) return this.token;
    throw err;
  }

  /** A server refused the current token: the next get() fetches a new one. */
  invalidate(token?: string): void {
    if (token === undefined || token === this.token) {
      this.token = undefined;
      this.renewAt = 0;
    }
  }

  /** Whether a token is held that has not expired (the WebSocket keeps streaming on it). */
  get valid(): boolean {
    return Boolean(this.token) && this.now() < this.expiresAt;
  }

  /** The account closes: a token request under way is cancelled and the token forgotten. */
  close(): void {
    this.life.abort();
    this.token = undefined;
    this.removeAllListeners();
  }

  private async fetch(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.settings.clientId, client_secret: this.settings.clientSecret });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.settings.appKey) headers.appkey = this.settings.appKey;
    try {
      const response = await axpRequest({
        method: 'POST', url: tokenUrlOf(this.settings), headers, body: form.toString(), rejectUnauthorized: this.settings.rejectUnauthorized,
        signal: this.life.signal, allowUnencrypted: this.settings.allowUnencrypted, link: 'the token URL', exposes: 'the client secret',
      });
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new AxpCredentialsError(`the identity provider refused the client credentials: ${describeProblem(response.status, response.text)}`);
      }
      if (response.status < 200 || response.status >= 300) throw new Error(`token request failed: ${describeProblem(response.status, response.text)}`);
      const token = parseTokenResponse(response.text);
      const lifetimeMs = token.expiresInS * 1000;
      const issuedAt = this.now();
      this.token = token.accessToken;
      this.expiresAt = issuedAt + lifetimeMs;
      this.renewAt = issuedAt + lifetimeMs * (1 - RENEW_AT_REMAINING);
      this.issued++;
      this.backoff.reset();
      this.blockedUntil = 0;
      this.lastError = undefined;
      this.emit('issued', { expiresInS: token.expiresInS });
      return token.accessToken;
    } catch (err) {
      const error = err instanceof AxpCredentialsError || err instanceof HttpTransportError || err instanceof UnencryptedLinkError
        ? err : new Error(`token request failed: ${(err as Error).message}`);
      this.lastError = error;
      this.blockedUntil = this.now() + this.backoff.next();
      if (error instanceof AxpCredentialsError) this.emit('refused', error.message);
      throw error;
    }
  }
}
