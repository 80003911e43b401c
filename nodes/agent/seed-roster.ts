import type { KafkaBrokerNode } from '../kafka/kafka-broker-node';
import { readTopicToEnd } from '../shared/kafka/topic-reader';
import type { NodeRedNode } from '../shared/node/node-red';
import type { AgentRoster } from './roster';
import { seedEntry } from './seed';

export interface SeedReport {
  agents: number;
  unreadable: number;
  firstProblem?: string;
}

/**
 * Fills the roster from a topic that cc-kafka-publish filled with cc-agent-state changes (several Node-RED
 * instances, each with its share of a source's partitions, publishing to one compacted topic): read from its
 * beginning to its current end through the user's cc-kafka-broker, latest record per agent winning.
 */
export async function seedRoster(broker: KafkaBrokerNode | null, user: NodeRedNode, topic: string, roster: AgentRoster): Promise<SeedReport> {
  if (!broker || typeof broker.acquireClient !== 'function') throw new Error('no Kafka broker configured for the seed topic');
  const lease = broker.acquireClient(user);
  if (!lease) throw new Error('the Kafka broker node could not be used: see its error');
  const report: SeedReport = { agents: 0, unreadable: 0 };
  try {
    await readTopicToEnd(lease.client.kafka, topic, (record) => {
      const entry = seedEntry(record.meta.key, record.text);
      if (entry.kind === 'agent') roster.seed(entry.snapshot);
      else if (entry.kind === 'gone') roster.remove(entry.vendor, entry.agentId);
      else {
        report.unreadable++;
        report.firstProblem ??= `offset ${record.meta.offset}: ${entry.reason}`;
      }
    }, { groupPrefix: `cc-agent-state-seed-${user.id}` });
  } finally {
    await broker.releasePublisher(user);
  }
  report.agents = roster.size;
  return report;
}
