import type { KafkaBrokerNode } from '../../nodes/kafka/kafka-broker-node';
import { runKafkaSourceNode } from '../../nodes/shared/node/kafka-source-node';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../../nodes/shared/node/node-red';
import { parseGenesysEvent } from '../../nodes/genesys/schema';

/**
 * A test-only Kafka source whose parser throws on any record containing "boom": what a parser bug would do to a
 * real node, on the shared record loop every Kafka source runs.
 */
export = function register(RED: NodeRedApi): void {
  function ThrowingSource(this: NodeRedNode, config: NodeDefinition & { broker: string; topic: string; groupId: string; commit?: string }) {
    RED.nodes.createNode(this, config);
    runKafkaSourceNode(this, RED.nodes.getNode(config.broker) as KafkaBrokerNode | undefined, {
      vendor: 'genesys',
      topics: [config.topic],
      groupId: config.groupId,
      fromBeginning: true,
      delivery: { commit: config.commit },
      parse: (text) => {
        if (text.includes('boom')) throw new TypeError('parser exploded on boom');
        return parseGenesysEvent(text);
      },
    });
  }
  RED.nodes.registerType('cc-test-throwing-source', ThrowingSource);
};
