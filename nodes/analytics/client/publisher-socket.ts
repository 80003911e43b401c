import { EventEmitter } from 'events';
import WebSocket from 'ws';
import { KEEPALIVE } from '../schema';
import { frameBuffer } from '../../shared/ws-frame';

export interface PublisherSocketOptions {
  url: string;
  /** Sent as a Bearer header on the handshake too, for publishers that check it there (digest §3.2). */
  token?: string;
  rejectUnauthorized: boolean;
  /** The client's own '--heartbeat--' goes at least this often (digest §5.5: every 8 s). */
  heartbeatMs: number;
  /** No frame at all for this long means the link is dead (about three server heartbeats). */
  livenessMs: number;
}

const QUIET = () => undefined;

/**
 * One WebSocket to the Data Publisher, which may carry several subscriptions (digest §5.1): echoes the server's
 * '--heartbeat--', sends its own at least every heartbeat interval, and gives up on a link that goes silent.
 * Emits 'open', 'frame' (text) and 'closed' (reason) — the last exactly once.
 */
export class PublisherSocket extends EventEmitter {
  private readonly ws: WebSocket;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private livenessTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: PublisherSocketOptions) {
    super();
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    this.ws = new WebSocket(options.url, { headers, rejectUnauthorized: options.rejectUnauthorized, handshakeTimeout: 10000, maxPayload: 16 * 1024 * 1024 });
    let error = '';
    this.ws.on('open', () => {
      this.heartbeatTimer = setInterval(() => this.send(KEEPALIVE), options.heartbeatMs);
      this.alive();
      this.emit('open');
    });
    this.ws.on('message', (data: WebSocket.RawData) => {
      this.alive();
      const text = frameBuffer(data).toString('utf8');
      if (text === KEEPALIVE) {
        this.send(KEEPALIVE);
        return;
      }
      this.emit('frame', text);
    });
    this.ws.on('error', (err: Error) => { error = err.message; });
    this.ws.on('close', (code: number, reason: Buffer) => this.finish(error || reason.toString('utf8') || `closed with code ${code}`));
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(text);
    if (text !== KEEPALIVE) return;
    // Any heartbeat restarts the interval: the server needs one per period, not more.
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => this.send(KEEPALIVE), this.options.heartbeatMs);
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'unsubscribed');
    else this.ws.terminate();
    this.finish('closed by the client');
  }

  private alive(): void {
    clearTimeout(this.livenessTimer);
    this.livenessTimer = setTimeout(() => {
      this.ws.terminate();
      this.finish(`no frame for ${this.options.livenessMs} ms`);
    }, this.options.livenessMs);
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.livenessTimer);
    this.ws.removeAllListeners();
    this.ws.on('error', QUIET);
    this.emit('closed', reason);
  }
}
