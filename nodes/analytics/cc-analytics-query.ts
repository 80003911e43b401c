import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { clip } from '../shared/status';
import { queryRequest, querySettings, type QueryRequest, type QuerySettings } from './query-input';
import type { AnalyticsClients, AnalyticsServerNode } from './server-node';

interface AnalyticsQueryDefinition extends NodeDefinition {
  server: string;
  /** Each empty = from the message. */
  query?: string;
  sourceId?: string;
  producerId?: string;
  locale?: string;
  dimDataType?: string;
}

async function run({ session }: AnalyticsClients, request: QueryRequest): Promise<unknown> {
  if (request.query === 'sources') return session.sources();
  const sourceId = request.sourceId ?? (await session.sources())[0]?.sourceId;
  if (!sourceId) throw new Error('the server lists no source');
  if (request.query === 'producers') return session.producers(sourceId, request.locale);
  if (request.query === 'dictionary') return session.dictionary(sourceId, request.producerId!, request.locale!);
  return session.dimensionData(sourceId, request.dimDataType!);
}

export = function register(RED: NodeRedApi): void {
  function CcAnalyticsQuery(this: NodeRedNode, config: AnalyticsQueryDefinition) {
    RED.nodes.createNode(this, config);
    const server = RED.nodes.getNode(config.server) as AnalyticsServerNode | null;
    let settings: QuerySettings | undefined;
    let problem: string | undefined;
    try {
      settings = querySettings(config);
    } catch (err) {
      problem = `${(err as Error).message}: open the node and fix it`;
    }
    if (!server) problem = 'no Analytics server configured: open the node and pick or add a cc-analytics-server';
    if (problem) {
      this.status({ fill: 'red', shape: 'dot', text: clip(problem.split(':')[0]) });
      this.error(problem);
    }
    // The connection shows its own problem (settings that cannot work) on this node when it cannot open.
    const lease = server && settings ? server.connection.acquire(this) : undefined;
    this.on('input', (msg: NodeMessage, send, done) => {
      if (!settings || !lease) return done(new Error(problem ?? server?.settingsProblem() ?? 'the Analytics server connection could not open: see the server node\'s log'));
      // Every argument is decided and checked before the first request: a wrong one costs no call to the server.
      let request: QueryRequest;
      try {
        request = queryRequest(settings, msg);
      } catch (err) {
        return done(err);
      }
      // Through the lease: the connection adds its caveat (certificate NOT verified, ...) to a healthy status.
      lease.status({ fill: 'yellow', shape: 'ring', text: request.query });
      run(lease.client, request).then((payload) => {
        lease.status({ fill: 'green', shape: 'dot', text: `${request.query}: ${Array.isArray(payload) ? `${payload.length} items` : 'ok'}` });
        send({ ...msg, topic: request.query, payload });
        done();
      }, (err: Error) => {
        lease.status({ fill: 'red', shape: 'dot', text: clip(`${request.query}: ${err.message}`) });
        done(err);
      });
    });
    if (lease) onClose(this, () => lease.release());
  }
  RED.nodes.registerType('cc-analytics-query', CcAnalyticsQuery);
};
