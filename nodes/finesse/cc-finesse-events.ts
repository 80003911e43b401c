import { eventMessage, failureMessage } from '../shared/message';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { StatusDisplay } from '../shared/node/status-display';
import type { NodeStatus } from '../shared/status';
import type { GcIncoming } from './client/gc-incoming';
import type { GcLinkChange } from './client/gc-link-state';
import { linkStatus } from './finesse-status';
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
    // Like every source of the pack, the status counts what was sent: "in service · 12 events".
    let count = 0;
    let link: GcLinkChange | undefined;
    const shown = (): NodeStatus => {
      if (!link) return {};
      const detail = link.to === 'in-service' && count > 0 ? `${count} event${count === 1 ? '' : 's'}` : undefined;
      return linkStatus(link.to, link.reason, detail, link.event === 'start');
    };
    const lease = gcNode?.acquire(this, (change) => {
      link = change;
      return shown();
    });
    const display = lease ? new StatusDisplay(lease, shown) : undefined;
    if (!gcNode) {
      this.status({ fill: 'red', shape: 'dot', text: 'no GC configured' });
      this.error('No GC configured: open the node and pick or add a cc-finesse-gc');
    }
    const onEvent = (incoming: GcIncoming) => {
      // The session parses each event once for all its nodes: each message gets its own copy to change.
      const transport = { name: 'stomp' as const, meta: { ...incoming.headers } };
      const parsed = incoming.parsed;
      if (parsed.ok) {
        if (!passes(filter, parsed)) return;
        this.send([eventMessage('finesse', { ...parsed, payload: structuredClone(parsed.payload) }, transport, incoming.receivedAt), null]);
        count++;
        display?.soon();
        return;
      }
      const msg = failureMessage('finesse', incoming.body, parsed, transport, incoming.receivedAt);
      this.send([null, msg]);
      this.error(`unreadable GC event: ${parsed.message}`, msg);
    };
    if (lease) lease.listen(lease.client, 'event', onEvent);
    onClose(this, async () => {
      display?.close();
      await lease?.release();
    });
  }
  RED.nodes.registerType('cc-finesse-events', CcFinesseEvents);
};
