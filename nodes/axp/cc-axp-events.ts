import { eventMessage, failureMessage } from '../shared/message';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { StatusDisplay } from '../shared/node/status-display';
import type { ParsedEvent, ParseFailure } from '../shared/parse-result';
import { connectionStatus } from '../shared/status';
import type { ConnectionState } from '../shared/connection-state';
import type { AxpAccountNode } from './account-node';
import { AxpEventStream, type AxpDelivery } from './client/event-stream';
import type { AxpStreamChange, AxpStreamState } from './client/stream-state';
import { axpEventFilter, passesAxp, subscribedEvents } from './event-filter';
import type { AxpNotification } from './schema';

interface AxpEventsDefinition extends NodeDefinition {
  account: string;
  /** ALL, or body.event names. */
  events: string[] | string;
  /** Agent login ids to pass (comma separated); empty = all. */
  loginId: string;
}

/** How a stream's state reads on the node, in the words every source node of the pack uses. */
const SHOWN_AS: Record<AxpStreamState, ConnectionState> = {
  idle: 'idle', authorizing: 'connecting', subscribing: 'connecting', connecting: 'connecting', authenticating: 'connecting',
  streaming: 'connected', waiting: 'disconnected', refused: 'error', stopped: 'stopped',
};

export = function register(RED: NodeRedApi): void {
  function CcAxpEvents(this: NodeRedNode, config: AxpEventsDefinition) {
    RED.nodes.createNode(this, config);
    const account = RED.nodes.getNode(config.account) as AxpAccountNode | null;
    const filter = axpEventFilter(config.events, config.loginId);
    if (!account) {
      this.status({ fill: 'red', shape: 'dot', text: 'no AXP account configured' });
      this.error('No AXP account configured: open the node and pick or add a cc-axp-account');
    }
    // Settings that cannot work are shown and logged by acquire(); the node then stays idle until redeployed.
    const lease = account?.connection.acquire(this);
    if (!lease) {
      onClose(this, () => undefined);
      return;
    }
    const { tokens, api, settings, leaving } = lease.client;
    let count = 0;
    let change: AxpStreamChange | undefined;
    const display = new StatusDisplay(lease, () => connectionStatus({ state: SHOWN_AS[change?.to ?? 'idle'], reason: change?.reason, count }));
    const stream = new AxpEventStream(tokens, api, {
      events: subscribedEvents(filter),
      rejectUnauthorized: settings.rejectUnauthorized,
      allowUnencrypted: settings.allowUnencrypted,
    });
    // The stream is this node's own; its listeners go with the lease all the same, before the stream stops.
    lease.listen(stream, 'state', (update: AxpStreamChange) => {
      change = update;
      if (update.to === 'refused') this.warn(update.reason ?? 'refused');
      display.now();
    });
    lease.listen(stream, 'warning', (message: string) => this.warn(message));
    lease.listen(stream, 'notification', (parsed: ParsedEvent<AxpNotification>, delivery: AxpDelivery) => {
      if (!passesAxp(filter, parsed)) return;
      const transport = { name: 'ws' as const, meta: { subscriptionId: delivery.subscriptionId, endpoint: delivery.endpoint } };
      this.send([eventMessage('axp', parsed, transport, delivery.receivedAt), null]);
      count++;
      display.soon();
    });
    lease.listen(stream, 'invalid', (failure: ParseFailure, delivery: AxpDelivery) => {
      const transport = { name: 'ws' as const, meta: { subscriptionId: delivery.subscriptionId, endpoint: delivery.endpoint } };
      const msg = failureMessage('axp', delivery.text, failure, transport, delivery.receivedAt);
      this.send([null, msg]);
      this.error(`unreadable AXP frame: ${failure.message}`, msg);
    });
    // Whoever ends the lease first (this node closing, or the account closing under it) stops the stream.
    lease.onRelease(async () => {
      display.close();
      const warning = await leaving.track(stream.stop());
      if (warning) this.warn(warning);
    });
    stream.start();
    onClose(this, () => lease.release());
  }
  RED.nodes.registerType('cc-axp-events', CcAxpEvents);
};
