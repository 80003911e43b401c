import type { EventEmitter } from 'events';
import { CLOSE_DEADLINE_MS, withinDeadline } from '../deadline';
import { clip, type NodeStatus } from '../status';
import type { NodeRedNode } from './node-red';

export interface SharedConnectionSpec<C> {
  /** How log lines and errors name the config node's kind, e.g. "Kafka broker". */
  kind: string;
  /** Builds the client when the first user comes; throws an Error a person can act on for settings that cannot work. */
  open(): C;
  /** Ends the client when the last user has left or the config node closes. */
  close(client: C): Promise<void> | void;
  /**
   * A standing caveat of this connection (certificate verification turned off, ...): logged once when the client
   * opens and shown on every user's status while it is healthy, so it cannot go unseen.
   */
  caveat?: string;
  closeDeadlineMs?: number;
}

type Listener = (...args: never[]) => void;

/** One user's hold on the shared client. Everything it registered through the lease ends with the lease. */
export class Lease<C> {
  private readonly listeners: [EventEmitter, string, Listener][] = [];
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  released = false;

  constructor(readonly user: NodeRedNode, readonly client: C, private readonly owner: SharedConnection<C>) {}

  /** Adds a listener that is removed again when this user leaves. */
  listen(emitter: EventEmitter, event: string, listener: Listener): void {
    emitter.on(event, listener as (...args: unknown[]) => void);
    this.listeners.push([emitter, event, listener]);
  }

  /** Work to do when this user leaves (its own consumer or stream), before the shared client may close. */
  onRelease(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  /** Shows a status on the user, with the connection's caveat. */
  status(status: NodeStatus): void {
    this.user.status(this.owner.decorate(status));
  }

  release(): Promise<void> {
    return this.owner.release(this.user);
  }

  /** @internal Runs the cleanups and removes the listeners; never rejects (problems are reported as warnings). */
  async end(report: (message: string) => void): Promise<void> {
    this.released = true;
    for (const [emitter, event, listener] of this.listeners.splice(0)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    for (const cleanup of this.cleanups.splice(0)) {
      try {
        await cleanup();
      } catch (err) {
        report((err as Error).message);
      }
    }
  }
}

/**
 * How a config node owns one client shared by its users, the way Node-RED's MQTT broker node does: the client
 * is built for the first user and ended with the last; status reaches every user; listeners a user or the
 * config node registered through it are removed when they leave; and closing always ends within a deadline,
 * whatever the peer does.
 */
export class SharedConnection<C> {
  private current: C | undefined;
  private readonly leases = new Map<string, Lease<C>>();
  private readonly clientListeners: [EventEmitter, string, Listener][] = [];
  private readonly deadlineMs: number;
  private caveatLogged = false;
  /** Set while close() ends everything at once, so releases on the way do not end the client a second time. */
  private closingAll = false;
  /** Releases under way; the client ends after the last of them. */
  private readonly releasing = new Set<Promise<void>>();

  constructor(private readonly owner: NodeRedNode, private readonly spec: SharedConnectionSpec<C>) {
    this.deadlineMs = spec.closeDeadlineMs ?? CLOSE_DEADLINE_MS;
  }

  get userCount(): number {
    return this.leases.size;
  }

  /** The client, while someone uses it. */
  get client(): C | undefined {
    return this.current;
  }

  get caveat(): string | undefined {
    return this.spec.caveat;
  }

  private get name(): string {
    return `${this.spec.kind} "${this.owner.name || this.owner.id}"`;
  }

  /**
   * The client for a user, built if it is the first. Settings that cannot work are shown on the user (red) and
   * logged there, and undefined is returned: the user stays idle until the config is fixed and redeployed.
   */
  acquire(user: NodeRedNode): Lease<C> | undefined {
    const existing = this.leases.get(user.id);
    if (existing) return existing;
    const client = this.ensure(user);
    if (client === undefined) return undefined;
    const lease = new Lease(user, client, this);
    this.leases.set(user.id, lease);
    return lease;
  }

  /** The client without a user (an admin endpoint asking for a list); it is closed with the config node. */
  peek(): C | undefined {
    return this.ensure(this.owner);
  }

  /** Adds a listener on the client's side that is removed when the client closes. */
  listen(emitter: EventEmitter, event: string, listener: Listener): void {
    emitter.on(event, listener as (...args: unknown[]) => void);
    this.clientListeners.push([emitter, event, listener]);
  }

  /** Shows a status on every user; `render` may tailor it per user or return undefined to leave one alone. */
  broadcast(render: NodeStatus | ((user: NodeRedNode) => NodeStatus | undefined)): void {
    for (const lease of this.leases.values()) {
      const status = typeof render === 'function' ? render(lease.user) : render;
      if (status) lease.status(status);
    }
  }

  /** A status with this connection's caveat: a healthy (green) status turns yellow and names it first. */
  decorate(status: NodeStatus): NodeStatus {
    const caveat = this.spec.caveat;
    if (!caveat || status.fill !== 'green') return status;
    return { fill: 'yellow', shape: status.shape, text: clip(status.text ? `${caveat} · ${status.text}` : caveat) };
  }

  /** A user leaves: its cleanups run, its listeners go, and the client ends with the last user. Never rejects. */
  release(user: NodeRedNode): Promise<void> {
    const lease = this.leases.get(user.id);
    if (!lease) return Promise.resolve();
    this.leases.delete(user.id);
    const tracked: Promise<void> = this.bounded(lease.end((m) => user.warn(m)), `${this.name}: releasing ${user.type} ${user.id}`, user)
      .then(async () => {
        this.releasing.delete(tracked);
        if (this.leases.size === 0 && this.releasing.size === 0 && !this.closingAll) await this.end();
      });
    this.releasing.add(tracked);
    return tracked;
  }

  /**
   * The config node closes: every user released and the client ended, all within the deadline. Node-RED closes
   * every node of a flow at once, so releases already under way (a stream deleting its subscription with the
   * shared token) are waited for before the client ends. Never rejects.
   */
  async close(): Promise<void> {
    this.closingAll = true;
    try {
      const leases = [...this.leases.values()];
      this.leases.clear();
      const work = (async () => {
        await Promise.all([...leases.map((lease) => lease.end((m) => lease.user.warn(m))), ...this.releasing]);
        await this.endClient();
      })();
      await this.bounded(work, `${this.name}: closing`, this.owner);
    } finally {
      this.closingAll = false;
    }
  }

  private ensure(user: NodeRedNode): C | undefined {
    if (this.current !== undefined) return this.current;
    try {
      this.current = this.spec.open();
    } catch (err) {
      const problem = (err as Error).message;
      user.status({ fill: 'red', shape: 'dot', text: clip(`error: ${problem}`) });
      user.error(`${this.name}: ${problem}`);
      return undefined;
    }
    if (this.spec.caveat && !this.caveatLogged) {
      this.caveatLogged = true;
      this.owner.warn(`${this.name}: ${this.spec.caveat}`);
    }
    return this.current;
  }

  private async end(): Promise<void> {
    await this.bounded(this.endClient(), `${this.name}: closing`, this.owner);
  }

  private async endClient(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    for (const [emitter, event, listener] of this.clientListeners.splice(0)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    if (client !== undefined) await this.spec.close(client);
  }

  private async bounded(work: Promise<void>, what: string, reporter: NodeRedNode): Promise<void> {
    try {
      await withinDeadline(work, this.deadlineMs, what);
    } catch (err) {
      reporter.warn((err as Error).message);
    }
  }
}

/**
 * Registers a node's close handler so that Node-RED's done() is always called, and within the deadline, however
 * the work ends.
 */
export function onClose(node: NodeRedNode, work: (removed: boolean) => Promise<void> | void, deadlineMs = CLOSE_DEADLINE_MS): void {
  node.on('close', (removed: boolean, done: () => void) => {
    let finished: Promise<void>;
    try {
      finished = Promise.resolve(work(removed));
    } catch (err) {
      finished = Promise.reject(err);
    }
    withinDeadline(finished, deadlineMs, `closing ${node.type} ${node.id}`).then(() => done(), (err: Error) => {
      node.warn(err.message);
      done();
    });
  });
}
