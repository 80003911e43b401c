import { ackTarget, readAckToken } from '../shared/kafka/ack-registry';
import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { StatusDisplay } from '../shared/node/status-display';

/**
 * The end of a flow fed by Kafka sources whose Commit is "acked": receiving a message here is what lets its
 * offset be committed. The message carries the source's id (msg.kafka.ack), so one ack node serves any number
 * of sources and consumer groups.
 */
export = function register(RED: NodeRedApi): void {
  function CcKafkaAck(this: NodeRedNode, config: NodeDefinition) {
    RED.nodes.createNode(this, config);
    let acked = 0;
    let stale = 0;
    const display = new StatusDisplay(this, () => ({
      fill: 'green', shape: 'dot',
      text: stale > 0 ? `${acked} acknowledged · ${stale} to come again` : `${acked} acknowledged`,
    }));
    this.on('input', (msg: NodeMessage, send, done) => {
      const kafka = msg.kafka as { topic?: unknown; partition?: unknown; offset?: unknown } | undefined;
      const token = readAckToken(kafka);
      if (!token || typeof kafka?.topic !== 'string' || typeof kafka.partition !== 'number' || typeof kafka.offset !== 'string') {
        done(new Error('this message did not come from a Kafka source set to commit "after cc-kafka-ack received it" ' +
          '(msg.kafka.ack is missing or msg.kafka was changed): set Commit on the source node, or remove cc-kafka-ack from this path'));
        return;
      }
      // A source that is gone (redeployed, restarted) delivers its unacknowledged records again: nothing to count here.
      const outcome = ackTarget(token.source)?.ack(kafka.topic, kafka.partition, kafka.offset, token.epoch) ?? 'stale';
      if (outcome === 'acked') acked++;
      else stale++;
      display.soon();
      send(msg);
      done();
    });
    this.on('close', (_removed: boolean, done: () => void) => {
      display.close();
      done();
    });
  }
  RED.nodes.registerType('cc-kafka-ack', CcKafkaAck);
};
