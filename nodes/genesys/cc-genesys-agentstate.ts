import type { KafkaBrokerNode } from '../kafka/kafka-broker-node';
import { runKafkaSourceNode } from '../shared/node/kafka-source-node';
import type { NodeDefinition, NodeRedApi, NodeRedNode } from '../shared/node/node-red';
import { filterValues, genesysFilter } from './filter';
import { parseGenesysEvent, type GenesysEvent } from './schema';

interface GenesysAgentStateDefinition extends NodeDefinition {
  broker: string;
  topic: string;
  groupId: string;
  start: 'latest' | 'earliest';
  events: string[] | string;
  agentId: string;
  dn: string;
  queue: string;
  commit: string;
  maxUnacked: number | string;
}

const GENESYS_DEFAULT_TOPIC = 'voice-agentstate';

export = function register(RED: NodeRedApi): void {
  function CcGenesysAgentState(this: NodeRedNode, config: GenesysAgentStateDefinition) {
    RED.nodes.createNode(this, config);
    const accept = genesysFilter({
      events: filterValues(config.events),
      agentIds: filterValues(config.agentId),
      dns: filterValues(config.dn),
      queues: filterValues(config.queue),
    });
    runKafkaSourceNode<GenesysEvent>(this, RED.nodes.getNode(config.broker) as KafkaBrokerNode | undefined, {
      vendor: 'genesys',
      topics: [config.topic?.trim() || GENESYS_DEFAULT_TOPIC],
      groupId: config.groupId?.trim() || `node-red-genesys-agentstate-${this.id}`,
      delivery: { commit: config.commit, maxUnacked: config.maxUnacked },
      fromBeginning: config.start === 'earliest',
      parse: (text, record) => parseGenesysEvent(text, record.meta.timestamp),
      accept: (parsed, record) => accept(parsed.payload, parsed.known, record.meta.key),
    });
  }
  RED.nodes.registerType('cc-genesys-agentstate', CcGenesysAgentState);
};
