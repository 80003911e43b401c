import { failureMessage } from '../shared/message';
import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { StatusDisplay } from '../shared/node/status-display';
import type { ParseFailure } from '../shared/parse-result';
import { connectionStatus } from '../shared/status';
import type { ConnectionState } from '../shared/connection-state';
import type { FeedEvent, FeedListener, FeedOrigin } from './client/analytics-feed';
import type { AnalyticsFeedChange, AnalyticsFeedState } from './client/feed-state';
import { parseFilters, passesFilters, type MeasureFilters } from './measure-filter';
import { measureMessage, snapshotMessage, type OutputMode } from './measure-messages';
import type { AnalyticsServerNode } from './server-node';

interface AnalyticsMeasuresDefinition extends NodeDefinition {
  server: string;
  /** Producer ids or names (Agent, RoutingService, …). */
  producers: string[] | string;
  dimensionFilters: unknown;
  measureFilters: unknown;
  mode: OutputMode;
}

const SHOWN_AS: Record<AnalyticsFeedState, ConnectionState> = {
  idle: 'connecting', connecting: 'connecting', subscribing: 'connecting', streaming: 'connected', waiting: 'disconnected', refused: 'error', stopped: 'stopped',
};

function producerList(value: string[] | string | undefined): string[] {
  const items = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
  return items.map((p) => String(p).trim()).filter(Boolean);
}

export = function register(RED: NodeRedApi): void {
  function CcAnalyticsMeasures(this: NodeRedNode, config: AnalyticsMeasuresDefinition) {
    RED.nodes.createNode(this, config);
    const server = RED.nodes.getNode(config.server) as AnalyticsServerNode | null;
    const mode: OutputMode = config.mode === 'merged' ? 'merged' : 'update';
    const producers = producerList(config.producers);
    let filters: MeasureFilters;
    try {
      filters = { dimension: parseFilters(config.dimensionFilters, 'dimension'), measure: parseFilters(config.measureFilters, 'measure') };
    } catch (err) {
      this.status({ fill: 'red', shape: 'dot', text: `error: ${(err as Error).message}`.slice(0, 60) });
      this.error((err as Error).message);
      return;
    }
    // The connection shows its own problem (settings that cannot work) on this node when it cannot open.
    const lease = producers.length ? server?.connection.acquire(this) : undefined;
    if (!server || !lease) {
      const problem = !server ? 'no Analytics server configured: open the node and pick or add a cc-analytics-server' : producers.length ? '' : 'no producer chosen: open the node and pick one or more';
      if (problem) {
        this.status({ fill: 'red', shape: 'dot', text: problem.split(':')[0] });
        this.error(problem);
      }
      return;
    }
    const { feed } = lease.client;
    let count = 0;
    // A node deployed next to others joins a feed that may already stream: start from where it is.
    let change: AnalyticsFeedChange | undefined = feed.state === 'idle' ? undefined : { from: feed.state, to: feed.state, event: 'start', reason: feed.machine.reason };
    const mine = () => feed.resolve(producers);
    // Through the lease: the connection adds its caveat (certificate NOT verified, ...) to a healthy status.
    const display = new StatusDisplay(lease, () => {
      const pumping = change?.to === 'streaming' && mine().some((id) => feed.cache.isPumping(id));
      return connectionStatus({ state: SHOWN_AS[change?.to ?? 'idle'], reason: change?.reason, count, detail: pumping ? 'pumpup' : undefined });
    });
    lease.listen(feed, 'state', (update: AnalyticsFeedChange) => {
      change = update;
      display.now();
    });
    const listener: FeedListener = {
      producers,
      event: (event: FeedEvent) => {
        if (event.row && !passesFilters(filters, event.row, event.eventAction === 'DELETE')) return;
        this.send([measureMessage(event, mode), null]);
        count++;
        if (event.type === 'pumpupComplete') display.now();
        else display.soon();
      },
      invalid: (failure: ParseFailure, text: string, origin: FeedOrigin) => {
        const msg = failureMessage('analytics', text, failure, { name: 'ws', meta: { source: origin.sourceId, producers: origin.producerIds } }, new Date().toISOString());
        this.send([null, msg]);
        this.error(`unreadable Analytics frame: ${failure.message}`, msg);
      },
    };
    feed.add(listener);
    lease.onRelease(() => feed.remove(listener));
    this.on('input', (msg: NodeMessage, send, done) => {
      if (msg.topic !== 'snapshot') return done();
      const ids = mine();
      const rows = feed.snapshot(ids).filter((row) => passesFilters(filters, row));
      send([{ ...msg, ...snapshotMessage(rows, ids.map((id) => feed.originOf(id))) }, null]);
      done();
    });
    onClose(this, () => {
      display.close();
      return lease.release();
    });
  }
  RED.nodes.registerType('cc-analytics-measures', CcAnalyticsMeasures);
};
