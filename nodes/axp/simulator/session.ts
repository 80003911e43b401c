/**
 * One WebSocket session (digest §9.2): the auth timer, the authentication check, pong, the ping watchdog that
 * closes with 4000 and sets the subscription INACTIVE, and the close that reports its code.
 */
import WebSocket, { RawData } from 'ws';
import { isPlainObject } from '../../shared/describe';
import { AuthOutcome, checkAuthentication, PathIds } from './auth-check';
import { AUTH_CONFIRMED } from './auth-status';
import { CLOSE, CloseCode } from './close-codes';
import { SimContext } from './context';
import { SubscriptionRecord } from './subscriptions';
import { TokenRecord } from './tokens';

type SessionState = 'awaiting-auth' | 'authenticated' | 'closing';

export class WsSession {
  private state: SessionState = 'awaiting-auth';
  private bound?: SubscriptionRecord;
  private readonly authTimer: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private tokenTimer?: NodeJS.Timeout;
  private closedWith?: CloseCode;
  private markClosed!: () => void;
  /** Settles once the connection is gone, whoever closed it. */
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(private readonly ctx: SimContext, private readonly socket: WebSocket, private readonly path: PathIds) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    // RFC 6455 ping frames are answered by hand, so stopPongs() can silence them as well.
    socket.on('ping', (data) => {
      if (!ctx.faults.pongsStopped) socket.pong(data);
    });
    socket.on('close', (code, reason) => this.onClose(code, reason.toString()));
    socket.on('error', (err) => ctx.log(`socket error: ${err.message}`));
    this.authTimer = ctx.timers.after(ctx.opts.authTimeoutMs, () => this.close(CLOSE.authTimeout));
  }

  get authenticated(): boolean {
    return this.state === 'authenticated';
  }

  get subscription(): SubscriptionRecord | undefined {
    return this.bound;
  }

  /** Sends a notification unless the session stopped streaming meanwhile (a delay may have passed). */
  sendNotification(text: string, delayMs: number): void {
    if (delayMs > 0) this.ctx.timers.after(delayMs, () => this.sendNotification(text, 0));
    else if (this.authenticated) this.sendText(text);
  }

  /** Raw frames bypass every rule (malformed and oversized frame tests). */
  sendText(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  close(how: CloseCode): void {
    if (this.state === 'closing') return;
    this.state = 'closing';
    this.closedWith = how;
    this.stopTimers();
    this.ctx.hub.unbind(this);
    this.socket.close(how.code, how.reason);
  }

  /** Drops the TCP connection without a close frame (the peer sees 1006). */
  terminate(): void {
    this.state = 'closing';
    this.stopTimers();
    this.ctx.hub.unbind(this);
    this.socket.terminate();
  }

  tokenExpired(): void {
    if (this.authenticated) this.close(CLOSE.tokenExpired);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const text = isBinary ? undefined : rawText(data);
    if (this.state === 'awaiting-auth') {
      this.authenticate(text);
      return;
    }
    if (this.state !== 'authenticated') return;
    const message = parseObject(text);
    if (message?.event === 'authentication') this.authenticate(text);
    else if (message && isPing(message)) this.onPing();
    else this.ctx.log(`ignored a malformed message on subscription ${this.bound?.subscriptionId}`);
  }

  /** A repeated authentication gets a fresh response (SIM: the document does not describe it). */
  private authenticate(text: string | undefined): void {
    this.ctx.timers.cancel(this.authTimer);
    const injected = this.ctx.faults.takeAuth();
    const outcome: AuthOutcome = injected
      ? { status: injected, subscriptionId: claimedSubscription(text), reason: 'injected fault' }
      : checkAuthentication(text, this.path, this.ctx.tokens, this.ctx.subscriptions);
    if (outcome.status !== AUTH_CONFIRMED) {
      this.ctx.log(`authentication failed: ${outcome.status} (${outcome.reason})`);
      const id = outcome.status === 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION' && outcome.subscriptionId ? { subscriptionId: outcome.subscriptionId } : {};
      this.sendJson({ event: 'authenticationResponse', status: outcome.status, ...id });
      this.close(outcome.status === 'CONNECTION_FAILED_INTERNAL_SERVER_ERROR' ? CLOSE.internalError : CLOSE.authFailed);
      return;
    }
    const { subscription, token } = outcome;
    this.state = 'authenticated';
    this.bound = subscription;
    this.ctx.hub.bind(this, subscription);
    this.sendJson({
      event: 'authenticationResponse', status: AUTH_CONFIRMED, subscriptionId: subscription.subscriptionId,
      pingInterval: this.ctx.opts.pingIntervalS, expiresInterval: Math.max(0, Math.ceil((subscription.expiresAt - this.ctx.now()) / 1000)),
    });
    this.armPingWatchdog();
    this.watchToken(token);
    this.ctx.notify('authenticated', subscription.subscriptionId);
  }

  private onPing(): void {
    this.armPingWatchdog();
    this.ctx.notify('ping', this.bound?.subscriptionId ?? '');
    if (!this.ctx.faults.pongsStopped) this.sendJson({ event: 'pong' });
  }

  /** No ping within pingInterval: the socket closes and the subscription turns INACTIVE (DOC). */
  private armPingWatchdog(): void {
    this.ctx.timers.cancel(this.pingTimer);
    this.pingTimer = this.ctx.timers.after(this.ctx.opts.pingIntervalS * 1000, () => {
      if (this.bound) this.ctx.subscriptions.deactivate(this.bound);
      this.close(CLOSE.pingTimeout);
    });
  }

  private watchToken(token: TokenRecord): void {
    this.ctx.timers.cancel(this.tokenTimer);
    if (this.ctx.opts.closeOnTokenExpiry) this.tokenTimer = this.ctx.timers.after(token.expiresAt - this.ctx.now(), () => this.tokenExpired());
  }

  private sendJson(value: unknown): void {
    this.sendText(JSON.stringify(value));
  }

  private stopTimers(): void {
    for (const timer of [this.authTimer, this.pingTimer, this.tokenTimer]) this.ctx.timers.cancel(timer);
  }

  private onClose(code: number, reason: string): void {
    this.state = 'closing';
    this.stopTimers();
    this.ctx.hub.remove(this);
    // The code we closed with, not the peer's echo of it; a peer's own close (or a dropped TCP link) as received.
    const how = this.closedWith ?? { code, reason };
    this.ctx.notify('socket-closed', { code: how.code, reason: how.reason, subscriptionId: this.bound?.subscriptionId });
    this.markClosed();
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Schema Ping: event "ping", an optional string subscriptionId, nothing else. */
function isPing(message: Record<string, unknown>): boolean {
  if (message.event !== 'ping') return false;
  if (Object.keys(message).some((k) => k !== 'event' && k !== 'subscriptionId')) return false;
  return message.subscriptionId === undefined || typeof message.subscriptionId === 'string';
}

function claimedSubscription(text: string | undefined): string | undefined {
  const id = parseObject(text)?.subscriptionId;
  return typeof id === 'string' ? id : undefined;
}
