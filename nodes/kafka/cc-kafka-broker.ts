import type { NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import {
  KAFKA_BROKER_CREDENTIALS,
  KafkaBrokerUsers,
  kafkaClientSettings,
  type KafkaBrokerDefinition,
  type KafkaBrokerNode,
} from './kafka-broker-node';

export = function register(RED: NodeRedApi): void {
  function CcKafkaBroker(this: KafkaBrokerNode, config: KafkaBrokerDefinition) {
    RED.nodes.createNode(this, config);
    const users = new KafkaBrokerUsers(this, kafkaClientSettings(config, this.credentials ?? {}));
    this.acquireSource = (user, options) => users.acquire(user, options);
    this.releaseSource = (user: NodeRedNode) => users.release(user);
    this.on('close', (_removed: boolean, done: () => void) => {
      users.releaseAll().then(done, (err) => {
        this.warn(`closing Kafka consumers: ${(err as Error).message}`);
        done();
      });
    });
  }
  RED.nodes.registerType('cc-kafka-broker', CcKafkaBroker, { credentials: KAFKA_BROKER_CREDENTIALS });
};
