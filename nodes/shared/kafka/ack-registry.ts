import type { AckOutcome } from './ack-ledger';

/**
 * What a message from a Kafka source in acknowledged mode carries as msg.kafka.ack: enough for cc-kafka-ack to
 * find the source that handed it out, nothing secret (the node id is in the flow file anyway).
 */
export interface AckToken {
  source: string;
  epoch: number;
}

export interface AckTarget {
  ack(topic: string, partition: number, offset: string, epoch: number): AckOutcome;
}

/**
 * The sources in acknowledged mode in this Node-RED process, by source node id. A module-level map is the only
 * place cc-kafka-ack nodes in any flow and the sources they acknowledge to can both reach.
 */
const targets = new Map<string, AckTarget>();

export function registerAckTarget(source: string, target: AckTarget): void {
  targets.set(source, target);
}

/** Removes the source's entry, unless a newer instance of the same node has taken its place meanwhile. */
export function unregisterAckTarget(source: string, target: AckTarget): void {
  if (targets.get(source) === target) targets.delete(source);
}

export function ackTarget(source: string): AckTarget | undefined {
  return targets.get(source);
}

/** Reads msg.kafka.ack; undefined when the message carries none (not from a source in acknowledged mode). */
export function readAckToken(kafka: unknown): AckToken | undefined {
  if (!kafka || typeof kafka !== 'object') return undefined;
  const ack = (kafka as { ack?: unknown }).ack;
  if (!ack || typeof ack !== 'object') return undefined;
  const { source, epoch } = ack as { source?: unknown; epoch?: unknown };
  if (typeof source !== 'string' || typeof epoch !== 'number') return undefined;
  return { source, epoch };
}
