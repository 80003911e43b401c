import type { AnalyticsProducer } from '../schema';

/**
 * Finds the producer a user named: by producerId (exact), else by producerName, case and blanks ignored
 * ("Agent By Not Ready Reason Code" and "AgentByNotReadyReasonCode" are the same stream).
 */
export function findProducer(producers: readonly AnalyticsProducer[], wanted: string): AnalyticsProducer | undefined {
  const exact = producers.find((p) => p.producerId === wanted);
  if (exact) return exact;
  const key = squash(wanted);
  return producers.find((p) => squash(p.producerId) === key || (p.producerName !== undefined && squash(p.producerName) === key));
}

function squash(text: string): string {
  return text.replace(/[\s_-]+/g, '').toLowerCase();
}
