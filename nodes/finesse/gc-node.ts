import { hostname } from 'os';
import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { normalizePem } from '../shared/pem';
import type { NodeStatus } from '../shared/status';
import { GcSession, type GcSessionOptions } from './client/gc-session';
import type { GcLinkChange } from './client/gc-link-state';
import { linkStatus } from './finesse-status';

export interface FinesseGcDefinition extends NodeDefinition {
  host: string;
  port: number | string;
  tls: boolean;
  rejectUnauthorized?: boolean;
  vhost: string;
  commandQueue: string;
  clientDestination: string;
  /** Seconds. */
  helloTimeout: number | string;
  /** Seconds. */
  beatInterval: number | string;
  /** Seconds; 0 = commands never expire. */
  ttl: number | string;
}

export const FINESSE_GC_CREDENTIALS = {
  login: { type: 'password' },
  passcode: { type: 'password' },
  ca: { type: 'password' },
} as const;

export class GcSettingsError extends Error {}

function seconds(value: number | string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value === '') return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new GcSettingsError(`${name} must be a number of seconds ≥ ${min}, not "${String(value)}"`);
  return Math.round(n * 1000);
}

/** A destination name GC can route to: no '#' or ',' (they split GC's fields) and no blanks. */
function checkName(value: string, name: string): string {
  if (!/^[A-Za-z0-9_.\-]+$/.test(value)) throw new GcSettingsError(`${name} "${value}" may only hold letters, digits, '_', '.' and '-'`);
  return value;
}

/** The client topic when none is set: unique per Node-RED host and config node, as GC requires (digest §1.1). */
export function defaultClientDestination(nodeId: string): string {
  return `NR_${hostname().replace(/[^A-Za-z0-9_.\-]/g, '_')}_${nodeId.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function gcSessionOptions(config: FinesseGcDefinition, credentials: Record<string, string | undefined>): GcSessionOptions {
  const host = String(config.host ?? '').trim();
  if (!host) throw new GcSettingsError('no broker host set');
  const port = Number(config.port || 61613);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new GcSettingsError(`port must be 1-65535, not "${String(config.port)}"`);
  return {
    endpoint: {
      host,
      port,
      tls: config.tls ? { rejectUnauthorized: config.rejectUnauthorized !== false, ...(credentials.ca ? { ca: normalizePem(credentials.ca) } : {}) } : false,
      login: credentials.login || undefined,
      passcode: credentials.passcode || undefined,
      vhost: config.vhost || undefined,
    },
    commandQueue: checkName(String(config.commandQueue || 'Connector1').trim(), 'command queue'),
    clientDestination: checkName(String(config.clientDestination || '').trim() || defaultClientDestination(config.id), 'client destination'),
    helloTimeoutMs: seconds(config.helloTimeout, 3, 'Hello timeout', 0.1),
    beatIntervalMs: seconds(config.beatInterval, 10, 'Beat interval', 0.1),
    ttlMs: seconds(config.ttl, 10, 'command time-to-live', 0),
  };
}

/** What a user of the GC sees: the shared session, and the link status rendered for its own node. */
export interface GcUser {
  node: NodeRedNode;
  /** Called on every link change; the user decides what its status shows (the default is the link). */
  linkChanged?(change: GcLinkChange): void;
}

/** What cc-finesse-agent, cc-finesse-events and cc-finesse-command see of their cc-finesse-gc. */
export interface FinesseGcNode extends NodeRedNode {
  acquire(user: GcUser): GcSession | undefined;
  release(user: GcUser): Promise<void>;
  /** The agent config nodes on this GC, by agent login id. */
  readonly agents: Map<string, unknown>;
}

/**
 * The state behind one cc-finesse-gc: one GC session shared by every user (Node-RED's MQTT broker node is
 * the model), started with the first user and stopped with the last, its link state shown on all of them.
 */
export class GcSessionUsers {
  private session: GcSession | undefined;
  private readonly users = new Map<string, GcUser>();

  constructor(private readonly owner: NodeRedNode, private readonly options: () => GcSessionOptions) {}

  get userCount(): number {
    return this.users.size;
  }

  acquire(user: GcUser): GcSession | undefined {
    if (!this.session) {
      let options: GcSessionOptions;
      try {
        options = this.options();
      } catch (err) {
        const problem = `GC "${this.owner.name || this.owner.id}": ${(err as Error).message}`;
        user.node.status({ fill: 'red', shape: 'dot', text: (err as Error).message.slice(0, 60) });
        user.node.error(problem);
        return undefined;
      }
      this.session = new GcSession(options);
      this.session.on('link', (change: GcLinkChange) => this.broadcast(change));
      this.session.start();
    }
    this.users.set(user.node.id, user);
    this.show(user, { from: 'idle', to: this.session.state, event: 'start', reason: this.session.link.reason });
    return this.session;
  }

  async release(user: GcUser): Promise<void> {
    this.users.delete(user.node.id);
    if (this.users.size > 0) return;
    await this.close();
  }

  /** Stops the session whoever still uses it (the config node itself is closing). */
  async close(): Promise<void> {
    this.users.clear();
    if (!this.session) return;
    const session = this.session;
    this.session = undefined;
    await session.stop();
    session.removeAllListeners();
  }

  private broadcast(change: GcLinkChange): void {
    if (change.event === 'broker-lost' || change.to === 'out-of-service') this.owner.warn(`GC link ${change.to}: ${change.reason ?? ''}`);
    else if (change.to === 'in-service') this.owner.log(`GC link in service (client destination ${this.session?.clientDestination})`);
    for (const user of this.users.values()) this.show(user, change);
  }

  private show(user: GcUser, change: GcLinkChange): void {
    if (user.linkChanged) user.linkChanged(change);
    else user.node.status(linkStatus(change.to, change.reason, undefined, change.event === 'start') as NodeStatus);
  }
}
