import type { NodeRedApi } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import {
  ANALYTICS_SERVER_CREDENTIALS, analyticsConnection, listProducers, settingsProblem, type AnalyticsServerDefinition, type AnalyticsServerNode,
} from './server-node';

interface AdminRed extends NodeRedApi {
  httpAdmin?: { get(path: string, ...handlers: ((req: { params: Record<string, string> }, res: { status(code: number): { json(body: unknown): void }; json(body: unknown): void }, next?: () => void) => void)[]): void };
  auth?: { needsPermission(permission: string): (req: unknown, res: unknown, next: () => void) => void };
}

export = function register(RED: NodeRedApi): void {
  function CcAnalyticsServer(this: AnalyticsServerNode, config: AnalyticsServerDefinition) {
    RED.nodes.createNode(this, config);
    this.connection = analyticsConnection(this, config, () => this.credentials ?? {});
    this.settingsProblem = () => settingsProblem(this, config, this.credentials ?? {});
    this.listProducers = () => listProducers(this.connection, this.settingsProblem);
    onClose(this, () => this.connection.close());
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
