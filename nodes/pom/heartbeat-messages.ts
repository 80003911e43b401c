import type { HeartbeatChange } from './heartbeat-watchdog';

/** The alarm and recovery messages the node sends out of the heartbeat output. */
export function heartbeatMessage(change: HeartbeatChange, limitMs: number) {
  const type = change.kind === 'missed' ? 'HEART_BEAT_MISSED' : 'HEART_BEAT_RESTORED';
  const at = new Date(change.at).toISOString();
  return {
    topic: type,
    payload: {
      serverName: change.server ?? null,
      lastHeartbeat: change.lastBeat === undefined ? null : new Date(change.lastBeat).toISOString(),
      silentForMs: change.lastBeat === undefined ? null : change.at - change.lastBeat,
      limitMs,
    },
    event: { vendor: 'pom', family: 'HEART_BEAT', type, known: true, receivedAt: at },
  };
}

export function heartbeatAlarmText(servers: (string | undefined)[], limitMs: number): string | undefined {
  if (servers.length === 0) return undefined;
  const seconds = Math.round(limitMs / 1000);
  if (servers.length === 1) {
    return servers[0] === undefined ? `no POM heartbeat for ${seconds} s` : `no heartbeat from ${servers[0]} for ${seconds} s`;
  }
  return `no heartbeat from ${servers.length} POM servers for ${seconds} s`;
}
