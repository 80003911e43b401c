import { hostname } from 'os';
import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { normalizePem } from '../shared/pem';
import type { Lease } from '../shared/node/shared-connection';
import type { GcSession, GcSessionOptions } from './client/gc-session';
import { UNVERIFIED_CERTIFICATE, type GcConnection, type LinkRender } from './gc-connection';

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

/** What cc-finesse-agent, cc-finesse-events and cc-finesse-command see of their cc-finesse-gc. */
export interface FinesseGcNode extends NodeRedNode {
  /**
   * A lease on the shared GC session: everything a user adds through it (listeners, cleanups) ends when it
   * releases the lease or the GC node closes. `render` turns each link change into the user's status.
   */
  acquire(user: NodeRedNode, render?: LinkRender): Lease<GcSession> | undefined;
  /** The agent config nodes on this GC, by agent login id. */
  readonly agents: Map<string, unknown>;
  /** The session and its users (tests look at the session's listeners through it). */
  readonly connection: GcConnection;
}

/** The standing caveat of a configuration: TLS with the broker's certificate left unchecked. */
export function gcCaveat(config: FinesseGcDefinition): string | undefined {
  return config.tls && config.rejectUnauthorized === false ? UNVERIFIED_CERTIFICATE : undefined;
}
