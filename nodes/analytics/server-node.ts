import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { AnalyticsFeed } from './client/analytics-feed';
import { AnalyticsSession } from './client/analytics-session';
import { checkServer, type AnalyticsServerSettings } from './client/server-settings';

export interface AnalyticsServerDefinition extends NodeDefinition {
  baseUrl: string;
  tenant: string;
  rejectUnauthorized: boolean;
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
  };
}

export interface AnalyticsClients {
  session: AnalyticsSession;
  feed: AnalyticsFeed;
}

/** What cc-analytics-measures and cc-analytics-query see of their cc-analytics-server. */
export interface AnalyticsServerNode extends NodeRedNode {
  acquire(user: NodeRedNode): AnalyticsClients | undefined;
  release(user: NodeRedNode): Promise<void>;
  /** The server's producers, for the editor's list (logs in if needed). */
  listProducers(): Promise<{ producerId: string; producerName?: string }[]>;
}

/**
 * The state behind one cc-analytics-server: one REST session (token, pacing) and one measure feed (the shared
 * WebSocket) for every node that uses the server, made with the first user and closed with the last.
 */
export class AnalyticsServerUsers {
  private clients: AnalyticsClients | undefined;
  private readonly users = new Set<string>();

  constructor(private readonly owner: NodeRedNode, private readonly settings: () => AnalyticsServerSettings) {}

  acquire(user: NodeRedNode): AnalyticsClients | undefined {
    const clients = this.ensure(user);
    if (clients) this.users.add(user.id);
    return clients;
  }

  async release(user: NodeRedNode): Promise<void> {
    this.users.delete(user.id);
    if (this.users.size === 0) await this.close();
  }

  async listProducers(): Promise<{ producerId: string; producerName?: string }[]> {
    const clients = this.ensure(this.owner);
    if (!clients) throw new Error('the server node is not configured');
    const [source] = await clients.session.sources();
    if (!source) return [];
    return (await clients.session.producers(source.sourceId)).map((p) => ({ producerId: p.producerId, producerName: p.producerName }));
  }

  async close(): Promise<void> {
    this.users.clear();
    const clients = this.clients;
    this.clients = undefined;
    if (!clients) return;
    await clients.feed.stop();
    clients.feed.removeAllListeners();
    clients.session.removeAllListeners();
  }

  private ensure(user: NodeRedNode): AnalyticsClients | undefined {
    if (this.clients) return this.clients;
    let settings: AnalyticsServerSettings;
    try {
      settings = this.settings();
      checkServer(settings);
    } catch (err) {
      const problem = (err as Error).message;
      user.status({ fill: 'red', shape: 'dot', text: `error: ${problem}`.slice(0, 60) });
      user.error(`Analytics server "${this.owner.name || this.owner.id}": ${problem}`);
      return undefined;
    }
    const session = new AnalyticsSession(settings);
    session.on('refused', (message: string) => this.owner.warn(message));
    const feed = new AnalyticsFeed(session);
    feed.on('warning', (message: string) => this.owner.warn(message));
    this.clients = { session, feed };
    if (!settings.rejectUnauthorized) this.owner.warn('certificate verification is off for this Analytics server: anyone between Node-RED and the server can read the supervisor password');
    return this.clients;
  }
}
