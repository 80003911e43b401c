/**
 * One data-publisher WebSocket (digest §5, §14.2): the guids it streams, the '--heartbeat--' text and JSON heartbeat
 * it sends every heartbeatMs, and the watchdog that closes it when the client's '--heartbeat--' stops.
 */
import WebSocket, { RawData } from 'ws';
import { isPlainObject } from '../../shared/describe';
import { CLOSE, CloseCode } from './close-codes';
import { SimContext } from './context';
import { HEARTBEAT_FRAME, KEEPALIVE_TEXT } from './frames';
import { handleClientMessage } from './redirects';
import { SubscriptionRecord } from './subscriptions';

export class PublisherSession {
  /** The user of the first accepted redirect: one socket per supervisor. */
  username?: string;
  lastClientHeartbeatAt?: number;
  private readonly streaming = new Map<string, SubscriptionRecord>();
  private readonly keepaliveTimer: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private closing = false;
  private closedWith?: CloseCode;
  private markClosed!: () => void;
  /** Settles once the connection is gone, whoever closed it. */
  readonly closed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(private readonly ctx: SimContext, private readonly socket: WebSocket) {
    socket.on('message', (data) => this.onMessage(data));
    socket.on('close', (code, reason) => this.onClose(code, reason.toString()));
    socket.on('error', (err) => ctx.log(`socket error: ${err.message}`));
    this.keepaliveTimer = ctx.timers.every(ctx.opts.heartbeatMs, () => this.sendText(KEEPALIVE_TEXT));
    this.armWatchdog();
  }

  get guids(): string[] {
    return [...this.streaming.keys()];
  }

  streams(): SubscriptionRecord[] {
    return [...this.streaming.values()];
  }

  isStreaming(guid: string): boolean {
    return this.streaming.has(guid);
  }

  startStream(record: SubscriptionRecord): void {
    this.streaming.set(record.guid, record);
    record.redirected = true;
    // The JSON heartbeat runs once a subscription succeeds (§5.3).
    this.heartbeatTimer ??= this.ctx.timers.every(this.ctx.opts.heartbeatMs, () => this.sendText(HEARTBEAT_FRAME));
  }

  stopStream(guid: string): void {
    const record = this.streaming.get(guid);
    if (!record) return;
    this.streaming.delete(guid);
    record.redirected = false;
    if (this.streaming.size === 0) {
      this.ctx.timers.cancel(this.heartbeatTimer);
      this.heartbeatTimer = undefined;
    }
  }

  sendText(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  close(how: CloseCode): void {
    if (this.closing) return;
    this.closing = true;
    this.closedWith = how;
    this.stopAll();
    this.socket.close(how.code, how.reason);
  }

  /** Drops the TCP connection without a close frame (the peer sees 1006). */
  terminate(): void {
    this.closing = true;
    this.stopAll();
    this.socket.terminate();
  }

  private onMessage(data: RawData): void {
    if (this.closing) return;
    const text = rawText(data);
    if (text.trim() === KEEPALIVE_TEXT) {
      this.lastClientHeartbeatAt = this.ctx.now();
      this.armWatchdog();
      this.ctx.notify('client-heartbeat', this.username === undefined ? {} : { username: this.username });
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.ctx.log('ignored a message that is neither JSON nor --heartbeat--');
      return;
    }
    if (isPlainObject(message)) handleClientMessage(this.ctx, this, message);
    else this.ctx.log('ignored a JSON message that is not an object');
  }

  private armWatchdog(): void {
    this.ctx.timers.cancel(this.watchdog);
    this.watchdog = this.ctx.timers.after(this.ctx.opts.clientHeartbeatTimeoutMs, () => {
      this.ctx.log(`closing a socket of ${this.username ?? 'an unknown user'}: no --heartbeat-- for ${this.ctx.opts.clientHeartbeatTimeoutMs} ms`);
      this.close(CLOSE.clientHeartbeatTimeout);
    });
  }

  private stopAll(): void {
    for (const timer of [this.keepaliveTimer, this.heartbeatTimer, this.watchdog]) this.ctx.timers.cancel(timer);
    for (const guid of this.guids) this.stopStream(guid);
  }

  private onClose(code: number, reason: string): void {
    this.closing = true;
    this.stopAll();
    this.ctx.hub.remove(this);
    // The code we closed with, not the peer's echo of it; a peer's own close (or a dropped link) as received.
    const how = this.closedWith ?? { code, reason };
    this.ctx.notify('socket-closed', { code: how.code, reason: how.reason });
    this.markClosed();
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
