import { EventEmitter } from 'events';
import { Backoff } from '../../shared/backoff';
import {
  ADMIN_PRODUCER_ID, describeRestError, parseDictionary, parseDimensionData, parseLogin, parseProducers, parseSources,
  parseSubscriptionResponse, subscriptionRequest, type AnalyticsFilter, type AnalyticsProducer, type AnalyticsSource, type AnalyticsSubscription,
} from '../schema';
import { checkPlainLink } from './plain-link';
import { RestPacer } from './rest-pacer';
import { RequestCancelledError, type HttpResponse } from '../../shared/http/http-request';
import { RestTransport } from './rest-transport';
import { checkedRestBase, SOCKET_EXPOSES, type AnalyticsServerSettings } from './server-settings';

/** The server answered with an error status: the status and its reason (never a token or password). */
export class AnalyticsRestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'AnalyticsRestError';
  }
}

/** The server refused the supervisor's credentials: retrying the same ones cannot help. */
export class AnalyticsLoginError extends AnalyticsRestError {}

/** Both spellings the document gives; the plural is what its examples use (digest §3.1). */
const LOGIN_PATHS = ['/users/login', '/user/login'];
/** Log in again when less than this share of the token's life is left. */
const RELOGIN_AT = 0.9;

/**
 * The REST side of one Analytics server (digest §4): logs the supervisor in, keeps the JWT, logs in again when
 * it is near its end or a call is refused, and spaces every request at least 100 ms from the previous one.
 * After a refused login, callers wait out a capped backoff instead of trying again at once. An unencrypted base
 * URL to another machine is refused when the session is made, before anything is looked up or sent.
 */
export class AnalyticsSession extends EventEmitter {
  private readonly base: string;
  /** Every request of every node on this server waits its turn here: 100 ms apart, at most 100 waiting. */
  private readonly pacer: RestPacer;
  private readonly transport: RestTransport;
  private token: string | undefined;
  private reloginAt = Infinity;
  private loggingIn: Promise<string> | undefined;
  private loginPath = LOGIN_PATHS[0];
  private blockedUntil = 0;
  private lastLoginError: Error | undefined;
  private readonly backoff = new Backoff({ initialMs: 2000, maxMs: 60000, jitter: 0.3 });
  private logins = 0;

  constructor(readonly settings: AnalyticsServerSettings) {
    super();
    this.base = checkedRestBase(settings);
    this.pacer = new RestPacer();
    this.transport = new RestTransport(new URL(this.base), settings.rejectUnauthorized);
  }

  /** Ends every request waiting or in flight: they fail at once with RequestCancelledError. Later calls work. */
  cancel(reason: string): void {
    this.pacer.cancel(reason);
    this.transport.cancel();
  }

  /** As cancel(), closes the connections, and every later call fails at once. */
  close(): void {
    this.pacer.close();
    this.transport.close();
  }

  get username(): string {
    return this.settings.username;
  }

  get loginCount(): number {
    return this.logins;
  }

  /** A token fresh enough to use now (the WebSocket redirect carries it too). */
  async currentToken(): Promise<string> {
    if (this.token && Date.now() < this.reloginAt) return this.token;
    return this.login();
  }

  /** Forget the token: the next call logs in again (after a lost connection, digest §5.6). */
  invalidate(): void {
    this.token = undefined;
  }

  async sources(): Promise<AnalyticsSource[]> {
    return parseSources((await this.get(`/sources?tenant=${this.tenant}`)).text);
  }

  async producers(sourceId: string, locale?: string): Promise<AnalyticsProducer[]> {
    const query = `tenant=${this.tenant}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`;
    return parseProducers((await this.get(`/sources/${enc(sourceId)}/producers?${query}`)).text);
  }

  async dictionary(sourceId: string, producerId: string, locale: string): Promise<unknown> {
    return parseDictionary((await this.get(`/sources/${enc(sourceId)}/producers/${enc(producerId)}/dictionaries?locale=${encodeURIComponent(locale)}`)).text);
  }

  async dimensionData(sourceId: string, type: string): Promise<Record<string, unknown>[]> {
    // In this release the name and the type of the dimension data are the same (digest §4.7).
    return parseDimensionData((await this.get(`/sources/${enc(sourceId)}/producers/${enc(ADMIN_PRODUCER_ID)}/dimdata/${enc(type)}/datatype/${enc(type)}`)).text);
  }

  async subscribe(sourceId: string, producerId: string, filters: { dimensionFilters?: AnalyticsFilter[]; measureFilters?: AnalyticsFilter[] } = {}): Promise<AnalyticsSubscription> {
    const body = JSON.stringify(subscriptionRequest({ sourceId, producerId, username: this.settings.username, ...filters }));
    const response = await this.call('POST', `/sources/${enc(sourceId)}/producers/${enc(producerId)}/subscriptions`, body, `subscribe to ${producerId}`);
    return parseSubscriptionResponse(response.text);
  }

  async unsubscribe(sourceId: string, producerId: string, timeoutMs = 3000): Promise<void> {
    await this.call('DELETE', `/sources/${enc(sourceId)}/producers/${enc(producerId)}/subscriptions`, undefined, `unsubscribe from ${producerId}`, timeoutMs);
  }

  /**
   * The WebSocket URL for an endpoint the server handed out: http(s) becomes ws(s), a relative one is resolved
   * against the base. An unencrypted one to another machine is refused (UnencryptedLinkError) unless allowed: the
   * redirect sent on it carries the token.
   */
  socketUrl(endpoint: string): string {
    const url = new URL(endpoint, `${this.base}/`);
    if (url.protocol === 'https:') url.protocol = 'wss:';
    if (url.protocol === 'http:') url.protocol = 'ws:';
    checkPlainLink(url, this.settings.allowUnencrypted, 'data publisher endpoint', SOCKET_EXPOSES);
    return url.toString();
  }

  private get tenant(): string {
    return encodeURIComponent(this.settings.tenant || '0');
  }

  private get(path: string): Promise<HttpResponse> {
    return this.call('GET', path, undefined, `read ${path.split('?')[0]}`);
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, body: string | undefined, what: string, timeoutMs?: number): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.currentToken();
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await this.pacer.run(() => this.transport.request({ method, url: `${this.base}${path}`, headers, body, timeoutMs }));
      // A refused call may be a token the server no longer takes: log in again, once.
      if ((response.status === 401 || response.status === 403) && attempt === 0) {
        if (this.token === token) this.token = undefined;
        continue;
      }
      if (response.status < 200 || response.status >= 300) throw new AnalyticsRestError(`could not ${what}: ${describeRestError(response.status, response.text)}`, response.status);
      return response;
    }
  }

  private login(): Promise<string> {
    if (this.loggingIn) return this.loggingIn;
    if (Date.now() < this.blockedUntil && this.lastLoginError) return Promise.reject(this.lastLoginError);
    this.loggingIn = this.loginOnce().finally(() => { this.loggingIn = undefined; });
    return this.loggingIn;
  }

  /**
   * The vendor document gives one login form, GET with tenant, username and password in the query string (its
   * login section, sequence diagram and curl examples; no body or header form), so that is what is sent; the
   * session only exists over TLS, to this machine, or where a person allowed unencrypted links.
   */
  private async loginOnce(): Promise<string> {
    const query = `tenant=${this.tenant}&username=${encodeURIComponent(this.settings.username)}&password=${encodeURIComponent(this.settings.password)}`;
    try {
      for (const path of [this.loginPath, ...LOGIN_PATHS.filter((p) => p !== this.loginPath)]) {
        // The URL holds the password: the transport's errors name host and path only, never the URL.
        const response = await this.pacer.run(() => this.transport.request({ method: 'GET', url: `${this.base}${path}?${query}`, headers: { accept: 'application/json' } }));
        if (response.status === 404) continue;
        if (response.status === 401 || response.status === 403) {
          throw new AnalyticsLoginError(`the server refused supervisor "${this.settings.username}": ${describeRestError(response.status, response.text)}`, response.status);
        }
        if (response.status < 200 || response.status >= 300) throw new AnalyticsRestError(`login failed: ${describeRestError(response.status, response.text)}`, response.status);
        const login = parseLogin(response.text);
        this.loginPath = path;
        this.token = login.token;
        const now = Date.now();
        this.reloginAt = login.expiresAt ? now + (login.expiresAt - now) * RELOGIN_AT : Infinity;
        this.logins++;
        this.backoff.reset();
        this.blockedUntil = 0;
        this.lastLoginError = undefined;
        this.emit('login');
        return login.token;
      }
      throw new AnalyticsRestError(`login failed: neither ${LOGIN_PATHS.join(' nor ')} exists under ${this.base}`, 404);
    } catch (err) {
      const problem = this.withoutPassword(err as Error);
      // Ended by cancel() or close(): nothing was refused, so nothing to wait out.
      if (problem instanceof RequestCancelledError) throw problem;
      this.lastLoginError = problem;
      this.blockedUntil = Date.now() + this.backoff.next();
      if (problem instanceof AnalyticsLoginError) this.emit('refused', problem.message);
      throw problem;
    }
  }

  /**
   * The error with the password taken out wherever it shows, as typed or URL-encoded: a server may echo the login
   * request in its error text in a form the general redaction does not recognise.
   */
  private withoutPassword(err: Error): Error {
    const password = this.settings.password;
    const forms = [...new Set([password, encodeURIComponent(password), encodeURIComponent(password).replace(/%20/g, '+')])].filter((f) => f.length > 0);
    const clean = (text: string) => forms.reduce((out, form) => out.split(form).join('[redacted]'), text);
    if (!forms.some((f) => err.message.includes(f) || err.stack?.includes(f))) return err;
    err.message = clean(err.message);
    if (err.stack) err.stack = clean(err.stack);
    return err;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
