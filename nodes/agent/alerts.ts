import { UNIFIED_STATES, type AgentSnapshot, type UnifiedState } from './model';
import type { AgentChange, AgentRoster } from './roster';

/** How long an agent may stay in a state (optionally: with one reason code) before an alert. */
export interface Threshold {
  state: UnifiedState;
  reason?: string;
  seconds: number;
}

export interface AlertEvent {
  /** raised: the agent has been in the state longer than the threshold; ended: that episode is over. */
  kind: 'raised' | 'ended';
  snapshot: AgentSnapshot;
  durationMs: number;
  threshold: Threshold;
}

/**
 * Reads the node's thresholds: an array (or its JSON text) of { state, reason?, seconds }. Throws an Error saying
 * which entry is wrong; an empty value means no alerts.
 */
export function parseThresholds(value: unknown): Threshold[] {
  let list = value;
  if (typeof value === 'string') {
    if (value.trim() === '') return [];
    try {
      list = JSON.parse(value);
    } catch {
      throw new Error('thresholds must be a JSON array of { state, reason?, seconds }');
    }
  }
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new Error('thresholds must be a list of { state, reason?, seconds }');
  return list.map((item, i) => {
    const { state, reason, seconds } = (item ?? {}) as { state?: unknown; reason?: unknown; seconds?: unknown };
    if (typeof state !== 'string' || !(UNIFIED_STATES as readonly string[]).includes(state)) {
      throw new Error(`threshold ${i + 1}: state must be one of ${UNIFIED_STATES.join(', ')}, not ${JSON.stringify(state)}`);
    }
    const n = Number(seconds);
    if (seconds === '' || seconds === null || !Number.isFinite(n) || n <= 0) throw new Error(`threshold ${i + 1}: seconds must be a number > 0, not ${JSON.stringify(seconds)}`);
    const threshold: Threshold = { state: state as UnifiedState, seconds: n };
    if (reason !== undefined && reason !== null && String(reason).trim() !== '') threshold.reason = String(reason).trim();
    return threshold;
  });
}

/** The threshold that applies to a snapshot: one for its state and reason code first, else one for its state. */
export function thresholdFor(thresholds: Threshold[], snapshot: AgentSnapshot): Threshold | undefined {
  const code = snapshot.reason?.code;
  return thresholds.find((t) => t.state === snapshot.state && t.reason !== undefined && t.reason === code)
    ?? thresholds.find((t) => t.state === snapshot.state && t.reason === undefined);
}

/** One alert per episode (an agent in one state with one reason since one moment), and one when it ends. */
export class AlertWatch {
  private readonly active = new Map<string, { episode: string; threshold: Threshold; snapshot: AgentSnapshot }>();

  constructor(private readonly thresholds: Threshold[]) {}

  get enabled(): boolean {
    return this.thresholds.length > 0;
  }

  /** Alerts for agents that have just passed their threshold. */
  check(roster: AgentRoster): AlertEvent[] {
    if (!this.enabled) return [];
    const raised: AlertEvent[] = [];
    for (const { key, snapshot, durationMs } of roster.entries()) {
      const threshold = thresholdFor(this.thresholds, snapshot);
      if (!threshold || durationMs < threshold.seconds * 1000) continue;
      const episode = episodeOf(snapshot);
      if (this.active.get(key)?.episode === episode) continue;
      this.active.set(key, { episode, threshold, snapshot });
      raised.push({ kind: 'raised', snapshot, durationMs, threshold });
    }
    return raised;
  }

  /** The end of an alerted episode, when a change moved the agent out of it. */
  changed(change: AgentChange): AlertEvent | undefined {
    const key = `${change.snapshot.vendor}/${change.snapshot.agentId}`;
    const alert = this.active.get(key);
    if (!alert || alert.episode === episodeOf(change.snapshot)) return undefined;
    this.active.delete(key);
    return { kind: 'ended', snapshot: alert.snapshot, durationMs: change.previous?.durationMs ?? 0, threshold: alert.threshold };
  }

  /** Forgets alerts of agents no longer in the roster. */
  prune(roster: AgentRoster): void {
    for (const key of this.active.keys()) {
      const [vendor, ...id] = key.split('/');
      if (!roster.get(vendor as AgentSnapshot['vendor'], id.join('/'))) this.active.delete(key);
    }
  }
}

function episodeOf(snapshot: AgentSnapshot): string {
  return `${snapshot.state}|${snapshot.reason?.code ?? ''}|${snapshot.since}`;
}
