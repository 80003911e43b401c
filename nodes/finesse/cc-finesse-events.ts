import { eventMessage, failureMessage } from '../shared/message';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import type { GcIncoming } from './client/gc-incoming';
import { eventFilter, passes } from './event-filter';
import type { FinesseGcNode, GcUser } from './gc-node';

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
    const user: GcUser = { node: this };
    const session = gcNode?.acquire(user);
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
    session?.on('event', onEvent);
    this.on('close', (_removed: boolean, done: () => void) => {
      session?.off('event', onEvent);
      if (!gcNode || !session) return done();
      gcNode.release(user).then(done, () => done());
    });
  }
  RED.nodes.registerType('cc-finesse-events', CcFinesseEvents);
};
