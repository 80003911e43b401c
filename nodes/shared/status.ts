import type { ConnectionState } from './connection-state';

/** The shape Node-RED's node.status() takes; kept here so the mapping is testable without Node-RED. */
export interface NodeStatus {
  fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
  shape?: 'ring' | 'dot';
  text?: string;
}

export interface StatusFacts {
  state: ConnectionState;
  reason?: string;
  /** Events delivered since deploy. */
  count?: number;
  /** Short extra context for a connected source, e.g. "4 partitions". */
  detail?: string;
}

const MAX_TEXT = 60;

/** Status texts beyond this length are cut: the editor shows them under the node. */
export function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

export function connectionStatus(facts: StatusFacts): NodeStatus {
  const why = facts.reason ? `: ${facts.reason}` : '';
  switch (facts.state) {
    case 'idle':
      return {};
    case 'connecting':
      return { fill: 'yellow', shape: 'ring', text: clip(`connecting${why}`) };
    case 'connected': {
      const parts = ['connected'];
      if (facts.detail) parts.push(facts.detail);
      if (facts.count !== undefined) parts.push(`${facts.count} event${facts.count === 1 ? '' : 's'}`);
      return { fill: 'green', shape: 'dot', text: clip(parts.join(' · ')) };
    }
    case 'disconnected':
      return { fill: 'red', shape: 'ring', text: clip(`disconnected${why}`) };
    case 'error':
      return { fill: 'red', shape: 'dot', text: clip(`error${why}`) };
    case 'stopped':
      return { fill: 'grey', shape: 'ring', text: 'stopped' };
  }
}
