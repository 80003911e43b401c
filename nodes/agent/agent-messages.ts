import type { AlertEvent } from './alerts';
import type { AgentChange, AgentRoster } from './roster';

/** Output 1: the agent's snapshot now, and what it was before (Amazon Connect's current/previous pair). */
export function changeMessage(change: AgentChange): Record<string, unknown> {
  const { snapshot } = change;
  const payload: Record<string, unknown> = { ...snapshot };
  if (change.previous) payload.previous = change.previous;
  return { topic: `${snapshot.vendor}/${snapshot.agentId}`, payload };
}

/** Output 2: every agent, ready for a table, with the counts per state (overall and per vendor) for a chart. */
export function rosterMessage(roster: AgentRoster): Record<string, unknown> {
  const payload = roster.roster();
  const countsByVendor: Record<string, Record<string, number>> = {};
  for (const row of payload) {
    const counts = countsByVendor[row.vendor] ?? (countsByVendor[row.vendor] = {});
    counts[row.state] = (counts[row.state] ?? 0) + 1;
  }
  return { topic: 'roster', payload, counts: roster.counts(), countsByVendor };
}

/** Output 3: an agent passed a threshold (alert "raised"), or the episode that did is over ("ended"). */
export function alertMessage(alert: AlertEvent): Record<string, unknown> {
  const { snapshot } = alert;
  return {
    topic: `${snapshot.vendor}/${snapshot.agentId}`,
    payload: { alert: alert.kind, ...snapshot, durationMs: alert.durationMs, threshold: alert.threshold },
  };
}
