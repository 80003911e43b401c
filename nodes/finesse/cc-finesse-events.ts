import { eventMessage, failureMessage } from '../shared/message';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import type { GcIncoming } from './client/gc-incoming';
import { eventFilter, passes } from './event-filter';
import type { FinesseGcNode } from './gc-node';

interface FinesseEventsDefinition extends NodeDefinition {
  gc: string;
  /** Agent login ids, comma separated; empty = all. */
  agents: string;
  /** Event types; empty or ALL = all. */
  events: string[] | string;
}

export = function register(RED: NodeRedApi): void {
  function CcFinesseEvents(this: NodeRedNode, config: FinesseEventsDefinition) {
    RED.nodes.createNode(this, config);
    const gcNode = RED.nodes.getNode(config.gc) as FinesseGcNode | null;
    const filter = eventFilter(config.agents, config.events);
    const lease = gcNode?.acquire(this);
    if (!gcNode) {
      this.status({ fill: 'red', shape: 'dot', text: 'no GC configured' });
      this.error('No GC configured: open the node and pick or add a cc-finesse-gc');
    }
    const onEvent = (incoming: GcIncoming) => {
      // The session parses each event once for all its nodes: each message gets its own copy to change.
      const transport = { name: 'stomp' as const, meta: { ...incoming.headers } };
      const parsed = incoming.parsed;
      if (parsed.ok) {
        if (passes(filter, parsed)) this.send([eventMessage('finesse', { ...parsed, payload: structuredClone(parsed.payload) }, transport, incoming.receivedAt), null]);
        return;
      }
      const msg = failureMessage('finesse', incoming.body, parsed, transport, incoming.receivedAt);
      this.send([null, msg]);
      this.error(`unreadable GC event: ${parsed.message}`, msg);
    };
    if (lease) lease.listen(lease.client, 'event', onEvent);
    onClose(this, async () => {
      await lease?.release();
    });
  }
  RED.nodes.registerType('cc-finesse-events', CcFinesseEvents);
};
