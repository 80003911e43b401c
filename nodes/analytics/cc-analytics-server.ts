import type { NodeRedApi } from '../shared/node/node-red';
import { ANALYTICS_SERVER_CREDENTIALS, AnalyticsServerUsers, serverSettings, type AnalyticsServerDefinition, type AnalyticsServerNode } from './server-node';

interface AdminRed extends NodeRedApi {
  httpAdmin?: { get(path: string, ...handlers: ((req: { params: Record<string, string> }, res: { status(code: number): { json(body: unknown): void }; json(body: unknown): void }, next?: () => void) => void)[]): void };
  auth?: { needsPermission(permission: string): (req: unknown, res: unknown, next: () => void) => void };
}

export = function register(RED: NodeRedApi): void {
  function CcAnalyticsServer(this: AnalyticsServerNode, config: AnalyticsServerDefinition) {
    RED.nodes.createNode(this, config);
    const users = new AnalyticsServerUsers(this, () => serverSettings(config, this.credentials ?? {}));
    this.acquire = (user) => users.acquire(user);
    this.release = (user) => users.release(user);
    this.listProducers = () => users.listProducers();
    this.on('close', (_removed: boolean, done: () => void) => {
      users.close().then(done, (err) => {
        this.warn(`closing the Analytics server: ${(err as Error).message}`);
        done();
      });
    });
  }
  RED.nodes.registerType('cc-analytics-server', CcAnalyticsServer, { credentials: ANALYTICS_SERVER_CREDENTIALS });

  // The editor's producer list, read from the deployed server node (its credentials never leave the runtime);
  // like the serial node's port list, only for a user allowed to read the node type.
  const red = RED as AdminRed;
  if (!red.httpAdmin || !red.auth) return;
  red.httpAdmin.get('/cc-analytics/producers/:server', red.auth.needsPermission('cc-analytics-measures.read') as never, (req, res) => {
    const node = RED.nodes.getNode(req.params.server) as AnalyticsServerNode | null;
    if (!node || typeof node.listProducers !== 'function') {
      res.status(404).json({ error: 'deploy the cc-analytics-server node first: the list comes from the running server node' });
      return;
    }
    node.listProducers().then((producers) => res.json({ producers }), (err: Error) => res.status(502).json({ error: err.message }));
  });
};
