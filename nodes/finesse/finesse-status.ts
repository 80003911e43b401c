import { clip, type NodeStatus } from '../shared/status';
import type { GcLinkState } from './client/gc-link-state';
import type { AgentLoginState } from './client/agent-login-state';

/** How a GC link looks on every node that uses it. */
export function linkStatus(state: GcLinkState, reason?: string, detail?: string, firstConnect = false): NodeStatus {
  const why = reason ? `: ${reason}` : '';
  switch (state) {
    case 'idle':
      return {};
    case 'broker-down':
      // The first connection is news, not an outage: red only once a broker has been lost or refused us.
      if (firstConnect) return { fill: 'yellow', shape: 'ring', text: clip(`connecting${why}`) };
      return { fill: 'red', shape: 'ring', text: clip(`broker down${why}`) };
    case 'handshaking':
      return { fill: 'yellow', shape: 'ring', text: clip('waiting for GC (Hello)') };
    case 'out-of-service':
      return { fill: 'red', shape: 'dot', text: clip('GC out of service') };
    case 'in-service':
      return { fill: 'green', shape: 'dot', text: clip(detail ? `in service · ${detail}` : 'in service') };
    case 'stopped':
      return { fill: 'grey', shape: 'ring', text: 'stopped' };
  }
}

/** A short word for an agent's login, for status texts ("1001 READY", "1001 invalidated"). */
export function agentSummary(agentId: string, login: AgentLoginState, agentState: string | undefined): string {
  if (login === 'logged-in') return `${agentId} ${agentState ?? 'logged in'}`;
  return `${agentId} ${login}`;
}
