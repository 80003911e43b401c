/**
 * What the stream has told us about who sits where: the agent bound to each DN (learnt from agent
 * events, which are the only ones that carry AgentID) and the queues each agent is logged in to.
 * DN events (hook, mute, DND, forward, service) name only ThisDN, so agent and queue filters
 * resolve them through this.
 */
const MAX_ENTRIES = 50000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as K);
}

export interface DirectoryEvent {
  id: string;
  ThisDN?: string;
  AgentID?: string;
  ThisQueue?: string;
}

const AGENT_EVENTS = new Set(['EventAgentLogin', 'EventAgentLogout', 'EventAgentReady', 'EventAgentNotReady']);

export class AgentDirectory {
  private readonly agentByDn = new Map<string, string>();
  private readonly queuesByAgent = new Map<string, Set<string>>();

  /** Learns bindings from an event before filters look at it. */
  learn(event: DirectoryEvent): void {
    if (!AGENT_EVENTS.has(event.id) || !event.AgentID) return;
    if (event.ThisDN) remember(this.agentByDn, event.ThisDN, event.AgentID);
    if (event.ThisQueue && event.id !== 'EventAgentLogout') {
      const queues = this.queuesByAgent.get(event.AgentID) ?? new Set<string>();
      queues.add(event.ThisQueue);
      remember(this.queuesByAgent, event.AgentID, queues);
    }
  }

  /** Applies what an event ends, after filters have seen it (a logout is the agent's final one). */
  forget(event: DirectoryEvent): void {
    if (event.id !== 'EventAgentLogout') return;
    const agent = event.AgentID ?? (event.ThisDN ? this.agentByDn.get(event.ThisDN) : undefined);
    if (event.ThisDN && this.agentByDn.get(event.ThisDN) === agent) this.agentByDn.delete(event.ThisDN);
    if (agent) this.queuesByAgent.delete(agent);
  }

  agentAt(dn: string | undefined): string | undefined {
    return dn === undefined ? undefined : this.agentByDn.get(dn);
  }

  queuesOf(agent: string | undefined): ReadonlySet<string> {
    return (agent !== undefined && this.queuesByAgent.get(agent)) || new Set();
  }
}
