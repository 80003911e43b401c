import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { ANALYTICS_LOCALES, DIMENSION_DATA_TYPES } from './schema';
import type { AnalyticsServerNode } from './server-node';

type Query = 'sources' | 'producers' | 'dictionary' | 'dimensionData';
const QUERIES: Query[] = ['sources', 'producers', 'dictionary', 'dimensionData'];

interface AnalyticsQueryDefinition extends NodeDefinition {
  server: string;
  query: Query;
}

function pick(value: unknown, allowed: readonly string[], what: string): string {
  const text = String(value ?? '');
  const found = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  if (!found) throw new Error(`${what} "${text}" is not one of ${allowed.join(', ')}`);
  return found;
}

export = function register(RED: NodeRedApi): void {
  function CcAnalyticsQuery(this: NodeRedNode, config: AnalyticsQueryDefinition) {
    RED.nodes.createNode(this, config);
    const server = RED.nodes.getNode(config.server) as AnalyticsServerNode | null;
    const clients = server?.acquire(this);
    if (!server) {
      this.status({ fill: 'red', shape: 'dot', text: 'no Analytics server configured' });
      this.error('No Analytics server configured: open the node and pick or add a cc-analytics-server');
    }
    this.on('input', (msg: NodeMessage, send, done) => {
      if (!clients) return done(new Error('no Analytics server session: configure a cc-analytics-server'));
      const { session } = clients;
      let query: Query;
      try {
        query = pick(msg.query ?? config.query, QUERIES, 'query') as Query;
      } catch (err) {
        return done(err);
      }
      // Every argument is checked before the first request: a wrong one costs no call to the server.
      let locale: string | undefined;
      let dimDataType = '';
      try {
        if (query === 'producers' && msg.locale !== undefined) locale = pick(msg.locale, ANALYTICS_LOCALES, 'locale');
        if (query === 'dictionary') {
          if (typeof msg.producerId !== 'string' || !msg.producerId) throw new Error('msg.producerId names the producer whose dictionary to read');
          locale = pick(msg.locale ?? 'en-us', ANALYTICS_LOCALES, 'locale');
        }
        if (query === 'dimensionData') dimDataType = pick(msg.dimDataType ?? msg.payload, DIMENSION_DATA_TYPES, 'dimension data type');
      } catch (err) {
        return done(err);
      }
      const run = async (): Promise<unknown> => {
        if (query === 'sources') return session.sources();
        const sourceId = typeof msg.sourceId === 'string' && msg.sourceId ? msg.sourceId : (await session.sources())[0]?.sourceId;
        if (!sourceId) throw new Error('the server lists no source');
        if (query === 'producers') return session.producers(sourceId, locale);
        if (query === 'dictionary') return session.dictionary(sourceId, msg.producerId as string, locale!);
        return session.dimensionData(sourceId, dimDataType);
      };
      this.status({ fill: 'yellow', shape: 'ring', text: query });
      run().then((payload) => {
        this.status({ fill: 'green', shape: 'dot', text: `${query}: ${Array.isArray(payload) ? `${payload.length} items` : 'ok'}` });
        send({ ...msg, topic: query, payload });
        done();
      }, (err: Error) => {
        this.status({ fill: 'red', shape: 'dot', text: `${query}: ${err.message}`.slice(0, 60) });
        done(err);
      });
    });
    this.on('close', (_removed: boolean, done: () => void) => {
      if (!server || !clients) return done();
      server.release(this).then(done, done);
    });
  }
  RED.nodes.registerType('cc-analytics-query', CcAnalyticsQuery);
};
