import type { KafkaBrokerNode } from './kafka-broker-node';
import type { KafkaPublisherState } from '../shared/kafka/kafka-publisher';
import type { NodeDefinition, NodeMessage, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
import { StatusDisplay } from '../shared/node/status-display';
import { clip, connectionStatus } from '../shared/status';

interface KafkaPublishDefinition extends NodeDefinition {
  broker: string;
  topic: string;
}

/** The record key: msg.key, else msg.topic (a cc-agent-state change's "<vendor>/<agentId>", which a compacted topic keeps per agent). */
function keyOf(msg: NodeMessage): string | null {
  for (const value of [msg.key, msg.topic]) {
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/**
 * Publishes each message's payload as JSON to one topic on a cc-kafka-broker (TLS and SASL as configured there),
 * calling done() only once the broker has the record from every in-sync replica: at-least-once.
 */
export = function register(RED: NodeRedApi): void {
  function CcKafkaPublish(this: NodeRedNode, config: KafkaPublishDefinition) {
    RED.nodes.createNode(this, config);
    const topic = String(config.topic ?? '').trim();
    const broker = RED.nodes.getNode(config.broker) as KafkaBrokerNode | null;
    const problem = !broker ? 'no Kafka broker configured: open the node and pick or add a cc-kafka-broker'
      : !topic ? 'no topic set: open the node and name the topic to publish to' : undefined;
    if (problem || !broker) {
      this.status({ fill: 'red', shape: 'dot', text: clip(`error: ${problem}`) });
      this.error(problem);
      this.on('input', (_msg, _send, done) => done(new Error(problem)));
      return;
    }
    const acquired = broker.acquirePublisher(this);
    let count = 0;
    let connection: KafkaPublisherState = { state: 'connecting' };
    const display = new StatusDisplay(acquired?.lease ?? this, () => connectionStatus({ state: connection.state, reason: connection.reason, count, detail: topic }));
    if (acquired) {
      acquired.lease.listen(acquired.publisher, 'state', (state: KafkaPublisherState) => {
        connection = state;
        display.now();
      });
      display.now();
      acquired.publisher.start();
    }
    this.on('input', (msg: NodeMessage, send, done) => {
      if (!acquired) return done(new Error('the Kafka broker node could not be used: see its error'));
      let value: string;
      try {
        value = JSON.stringify(msg.payload ?? null);
      } catch (err) {
        return done(new Error(`msg.payload cannot be written as JSON: ${(err as Error).message}`));
      }
      acquired.publisher.publish(topic, keyOf(msg), value).then(() => {
        count++;
        display.soon();
        send(msg);
        done();
      }, (err: Error) => done(err));
    });
    onClose(this, () => {
      display.close();
      return broker.releasePublisher(this);
    });
  }
  RED.nodes.registerType('cc-kafka-publish', CcKafkaPublish);
};
