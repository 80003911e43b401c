import type { NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { onClose } from '../shared/node/shared-connection';
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
    this.acquirePublisher = (user) => users.acquirePublisher(user);
    this.acquireClient = (user) => users.acquireClient(user);
    this.releasePublisher = (user: NodeRedNode) => users.release(user);
    onClose(this, () => users.releaseAll());
  }
  RED.nodes.registerType('cc-kafka-broker', CcKafkaBroker, { credentials: KAFKA_BROKER_CREDENTIALS });
};
