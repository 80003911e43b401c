import type { NodeRedNode } from '../shared/node/node-red';
import { Lease, SharedConnection } from '../shared/node/shared-connection';
import type { NodeStatus } from '../shared/status';
import { GcSession, type GcSessionOptions } from './client/gc-session';
import type { GcLinkChange } from './client/gc-link-state';
import { linkStatus } from './finesse-status';

/** Turns a link change into what one user shows; undefined leaves its status alone (a config node shows none). */
export type LinkRender = (change: GcLinkChange) => NodeStatus | undefined;

/** What a node shows of the GC link unless it renders it itself: the link alone. */
export const showLink: LinkRender = (change) => linkStatus(change.to, change.reason, undefined, change.event === 'start');

/** The caveat every user of a GC shows while the broker's certificate is not checked. */
export const UNVERIFIED_CERTIFICATE = 'certificate NOT verified';

/**
 * The GC session behind one cc-finesse-gc, shared by every agent and node on it through SharedConnection:
 * started with the first user and stopped with the last (or when the config node closes, within the deadline),
 * each link change fanned out to every user as that user renders it, and a standing caveat (certificate not
 * verified) logged once and shown on all of them.
 */
export class GcConnection {
  readonly shared: SharedConnection<GcSession>;
  private readonly renders = new Map<string, LinkRender>();

  constructor(private readonly owner: NodeRedNode, options: () => GcSessionOptions, caveat?: string) {
    this.shared = new SharedConnection<GcSession>(owner, {
      kind: 'GC',
      caveat,
      open: () => this.open(options()),
      close: (session) => session.stop(),
    });
  }

  /** A lease on the session for `user`, its status set at once from the link as it stands. */
  acquire(user: NodeRedNode, render: LinkRender = showLink): Lease<GcSession> | undefined {
    const lease = this.shared.acquire(user);
    if (!lease) return undefined;
    if (!this.renders.has(user.id)) lease.onRelease(() => { this.renders.delete(user.id); });
    this.renders.set(user.id, render);
    const session = lease.client;
    const status = render({ from: 'idle', to: session.state, event: 'start', reason: session.link.reason });
    if (status) lease.status(status);
    return lease;
  }

  /** Every user released and the session stopped, within the deadline, whatever the broker or GC does. */
  close(): Promise<void> {
    return this.shared.close();
  }

  private open(options: GcSessionOptions): GcSession {
    const session = new GcSession(options);
    this.shared.listen(session, 'link', (change: GcLinkChange) => this.linkChanged(session, change));
    this.shared.listen(session, 'pending-limit', (limit: number) => {
      this.owner.warn(`${limit} commands wait for GC's answer at once, the limit of this GC session: further commands are refused (too-many-pending) until GC answers`);
    });
    this.shared.listen(session, 'handling-failed', (message: string) => this.owner.error(message));
    session.start();
    return session;
  }

  private linkChanged(session: GcSession, change: GcLinkChange): void {
    if (change.event === 'broker-lost' || change.to === 'out-of-service') this.owner.warn(`GC link ${change.to}: ${change.reason ?? ''}`);
    else if (change.to === 'in-service') this.owner.log(`GC link in service (client destination ${session.clientDestination})`);
    this.shared.broadcast((user) => this.renders.get(user.id)?.(change));
  }
}
