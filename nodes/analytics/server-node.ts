import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { SharedConnection } from '../shared/node/shared-connection';
import { AnalyticsFeed, type AnalyticsFeedOptions } from './client/analytics-feed';
import { AnalyticsSession } from './client/analytics-session';
import { isLoopbackHost } from '../shared/http/unencrypted-links';
import { AnalyticsSettingsError, checkServer, restBase, type AnalyticsServerSettings } from './client/server-settings';
import { DEFAULT_CONTACT_IDLE_MS, DEFAULT_MAX_ROWS } from './schema';

export interface AnalyticsServerDefinition extends NodeDefinition {
  baseUrl: string;
  tenant: string;
  rejectUnauthorized: boolean;
  allowUnencrypted?: boolean;
  /** Rows kept per producer. */
  maxRows?: number | string;
  /** Minutes after which a contact-level row nobody updated is dropped. */
  contactIdleMinutes?: number | string;
}

export const ANALYTICS_SERVER_CREDENTIALS = {
  username: { type: 'password' },
  password: { type: 'password' },
} as const;

export function serverSettings(config: AnalyticsServerDefinition, credentials: Record<string, string | undefined>): AnalyticsServerSettings {
  return {
    baseUrl: String(config.baseUrl ?? ''),
    tenant: String(config.tenant ?? '0').trim() || '0',
    username: (credentials.username ?? '').trim(),
    password: credentials.password ?? '',
    rejectUnauthorized: config.rejectUnauthorized !== false,
    allowUnencrypted: config.allowUnencrypted === true,
  };
}

/** The cache bounds of the dialog; an empty field takes the default, anything else must be a positive number. */
export function cacheBounds(config: AnalyticsServerDefinition): NonNullable<AnalyticsFeedOptions['cache']> {
  const number = (value: unknown, fallback: number, label: string, integer: boolean): number => {
    if (value === undefined || value === null || String(value).trim() === '') return fallback;
    const n = Number(value);
    if (!(Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)))) {
      throw new AnalyticsSettingsError(`${label} must be a positive ${integer ? 'whole number' : 'number'}, not "${String(value)}"`);
    }
    return n;
  };
  return {
    maxRows: number(config.maxRows, DEFAULT_MAX_ROWS, 'rows per producer', true),
    contactIdleMs: number(config.contactIdleMinutes, DEFAULT_CONTACT_IDLE_MS / 60000, 'contact row expiry (minutes)', false) * 60000,
  };
}

export interface AnalyticsClients {
  session: AnalyticsSession;
  feed: AnalyticsFeed;
}

/** What cc-analytics-measures and cc-analytics-query see of their cc-analytics-server. */
export interface AnalyticsServerNode extends NodeRedNode {
  connection: SharedConnection<AnalyticsClients>;
  /** Why the connection cannot open, for a node that must say so on each message; undefined when the settings work. */
  settingsProblem(): string | undefined;
  /** The server's producers, for the editor's list (logs in if needed). */
  listProducers(): Promise<{ producerId: string; producerName?: string }[]>;
}

/**
 * The standing caveats of a server's settings, shown on every user and logged once: certificate verification
 * off, and an unencrypted link a person allowed to another machine.
 */
export function connectionCaveat(settings: AnalyticsServerSettings): string | undefined {
  const caveats: string[] = [];
  let base: URL | undefined;
  try {
    base = new URL(restBase(settings.baseUrl));
  } catch {
    // A base URL that is not one is reported when the connection opens.
  }
  if (base?.protocol === 'http:' && !isLoopbackHost(base.hostname)) caveats.push('NOT encrypted');
  else if (!settings.rejectUnauthorized) caveats.push('certificate NOT verified');
  return caveats.length ? caveats.join(' · ') : undefined;
}

/** Why these settings cannot work, as the connection would report it when it tries to open. */
export function settingsProblem(owner: NodeRedNode, config: AnalyticsServerDefinition, credentials: Record<string, string | undefined>): string | undefined {
  try {
    checkServer(serverSettings(config, credentials));
    cacheBounds(config);
    return undefined;
  } catch (err) {
    return `Analytics server "${owner.name || owner.id}": ${(err as Error).message}`;
  }
}

/**
 * The connection behind one cc-analytics-server: one REST session (token, pacing) and one measure feed (the
 * shared WebSocket) for every node that uses the server, made with the first user and closed with the last.
 */
export function analyticsConnection(owner: NodeRedNode, config: AnalyticsServerDefinition, credentials: () => Record<string, string | undefined>): SharedConnection<AnalyticsClients> {
  const settings = () => serverSettings(config, credentials());
  const shared: SharedConnection<AnalyticsClients> = new SharedConnection<AnalyticsClients>(owner, {
    kind: 'Analytics server',
    caveat: connectionCaveat(settings()),
    open: () => {
      const current = settings();
      checkServer(current);
      const bounds = cacheBounds(config);
      const session = new AnalyticsSession(current);
      const feed = new AnalyticsFeed(session, { cache: bounds });
      shared.listen(session, 'refused', (message: string) => owner.warn(message));
      shared.listen(feed, 'warning', (message: string) => owner.warn(message));
      return { session, feed };
    },
    close: async ({ session, feed }) => {
      try {
        await feed.stop();
      } finally {
        session.close();
      }
    },
  });
  return shared;
}

/**
 * The producers of the server's first source, through the connection (opened for the editor if no node uses it
 * yet); `problem` says why the connection could not open.
 */
export async function listProducers(shared: SharedConnection<AnalyticsClients>, problem: () => string | undefined): Promise<{ producerId: string; producerName?: string }[]> {
  const clients = shared.peek();
  if (!clients) throw new Error(problem() ?? 'the server node could not connect: see its log');
  const [source] = await clients.session.sources();
  if (!source) return [];
  return (await clients.session.producers(source.sourceId)).map((p) => ({ producerId: p.producerId, producerName: p.producerName }));
}
