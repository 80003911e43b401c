import { AgentDirectory, type DirectoryEvent } from './agent-directory';

export interface GenesysFilterSettings {
  /** Event ids to pass; 'unknown' passes ids the schema does not know; empty passes all. */
  events: string[];
  agentIds: string[];
  dns: string[];
  queues: string[];
}

/** Splits the editor's comma-separated exact-match field into values. */
export function filterValues(text: unknown): string[] {
  if (Array.isArray(text)) return text.map(String).map((s) => s.trim()).filter(Boolean);
  return typeof text === 'string' ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** The agent a record is about: the event's own AgentID, else the agent bound to its DN, else the key's agent part. */
export function agentOf(event: DirectoryEvent, key: string | null, directory: AgentDirectory): string | undefined {
  if (event.AgentID) return event.AgentID;
  const bound = directory.agentAt(event.ThisDN);
  if (bound) return bound;
  const colon = key ? key.indexOf(':') : -1;
  return key && colon >= 0 && colon < key.length - 1 ? key.slice(colon + 1) : undefined;
}

/**
 * Builds the node's filter. Within one filter the values are alternatives; different filters must
 * all match. A record whose agent or queue cannot be resolved does not match that filter.
 */
export function genesysFilter(settings: GenesysFilterSettings, directory = new AgentDirectory()) {
  const events = new Set(settings.events);
  const agents = new Set(settings.agentIds);
  const dns = new Set(settings.dns);
  const queues = new Set(settings.queues);

  const matches = (event: DirectoryEvent, known: boolean, key: string | null): boolean => {
    if (events.size > 0 && !events.has(event.id) && !(events.has('unknown') && !known)) return false;
    if (dns.size > 0 && (event.ThisDN === undefined || !dns.has(event.ThisDN))) return false;
    if (agents.size === 0 && queues.size === 0) return true;
    const agent = agentOf(event, key, directory);
    if (agents.size > 0 && (agent === undefined || !agents.has(agent))) return false;
    if (queues.size > 0) {
      if (event.ThisQueue !== undefined) return queues.has(event.ThisQueue);
      for (const queue of directory.queuesOf(agent)) if (queues.has(queue)) return true;
      return false;
    }
    return true;
  };

  return (event: DirectoryEvent, known: boolean, key: string | null): boolean => {
    directory.learn(event);
    const pass = matches(event, known, key);
    directory.forget(event);
    return pass;
  };
}
