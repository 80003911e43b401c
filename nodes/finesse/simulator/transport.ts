/**
 * The simulator's one STOMP connection: consumes the command queue, publishes events, and when the broker goes
 * away reconnects with capped backoff and subscribes again, like a GC process that kept running.
 */
import { EventEmitter } from 'events';
import type { Client } from 'stompit';
import { Backoff } from '../../shared/backoff';
import { connectStomp, StompEndpoint } from '../client/stomp-connection';

export type CommandListener = (headers: Record<string, string>, body: string) => void;

const SUBSCRIPTION_ID = 'gc-simulator-commands';
const DISCONNECT_GRACE_MS = 2000;

/** stompit's messages carry their frame headers; its type declarations leave them out. */
const headersOf = (message: object): Record<string, string> => (message as { headers: Record<string, string> }).headers;

export class CommandTransport extends EventEmitter {
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private readonly backoff = new Backoff({ initialMs: 100, maxMs: 5000, jitter: 0.3 });

  constructor(
    private readonly endpoint: StompEndpoint,
    private readonly queue: string,
    private readonly onCommand: CommandListener,
    private readonly log: (line: string) => void,
  ) {
    super();
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Resolves once the command queue subscription is confirmed by a receipt; rejects if the first attempt fails. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) await closeGracefully(client);
  }

  /** Publishes a text event: empty `type` (JMS-Type NULL), no content-length so ActiveMQ delivers a TextMessage. */
  publish(destination: string, body: string, correlationId?: string, extra?: Record<string, string>): boolean {
    const client = this.client;
    if (!client) return false;
    const headers: Record<string, string> = { destination, type: '', ...extra };
    if (correlationId !== undefined) headers['correlation-id'] = correlationId;
    client.send(headers).end(body);
    return true;
  }

  private async open(): Promise<void> {
    const client = await connectStomp(this.endpoint);
    client.on('error', (err: Error) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      if (!this.stopped) await subscribe(client, `/queue/${this.queue}`, this.onCommand, this.log);
    } catch (err) {
      client.destroy(err as Error);
      throw err;
    }
    // stop() may have come while this attempt was under way.
    if (this.stopped) {
      await closeGracefully(client);
      return;
    }
    this.client = client;
    this.backoff.reset();
    this.emit('connected');
  }

  private lost(client: Client, err: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    client.destroy(err);
    this.log(`broker connection lost: ${err.message}`);
    this.emit('disconnected', err);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.open().catch((err: Error) => {
        this.log(`reconnect failed: ${err.message}`);
        this.reconnectLater();
      });
    }, this.backoff.next());
  }
}

/** SUBSCRIBE with a receipt, so the caller knows commands sent from now on reach the listener. */
function subscribe(client: Client, destination: string, onCommand: CommandListener, log: (line: string) => void): Promise<void> {
  client.setImplicitSubscription(SUBSCRIPTION_ID as unknown as number, 'auto', (err, message) => {
    if (err) return;
    const headers = headersOf(message);
    // Every body must be read to the end, or stompit stops delivering.
    message.readString('utf-8', (readErr, body) => {
      if (readErr) log(`unreadable command: ${readErr.message}`);
      else onCommand(headers, body ?? '');
    });
  });
  return new Promise((resolve, reject) => {
    client.sendFrame('SUBSCRIBE', { destination, id: SUBSCRIPTION_ID, ack: 'auto' }, { onReceipt: () => resolve(), onError: reject }).end();
  });
}

function closeGracefully(client: Client): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.destroy(new Error('no DISCONNECT receipt'));
      resolve();
    }, DISCONNECT_GRACE_MS);
    client.on('error', () => undefined);
    client.disconnect(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
