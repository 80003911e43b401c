import { EventEmitter } from 'events';

/**
 * The life of one connection as users see it. Every client (Kafka consumer, STOMP session,
 * WebSocket) drives one of these; the node layer only renders it.
 */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'error' | 'stopped';

/**
 * start: begin connecting; ready: the peer serves us; lost: the peer went away or stopped
 * answering (we retry); fail: a problem retrying alone will not fix (bad credentials, bad
 * config) — we still retry, slowly, since a person may fix it on the other side; retry: a
 * backoff delay ended; rebalance: still connected but re-negotiating (Kafka group rebalance);
 * stop: closed for good.
 */
export type ConnectionEvent = 'start' | 'ready' | 'lost' | 'fail' | 'retry' | 'rebalance' | 'stop';

const TRANSITIONS: Record<ConnectionState, Partial<Record<ConnectionEvent, ConnectionState>>> = {
  idle: { start: 'connecting', fail: 'error', stop: 'stopped' },
  connecting: { ready: 'connected', lost: 'disconnected', fail: 'error', stop: 'stopped' },
  connected: { ready: 'connected', lost: 'disconnected', fail: 'error', rebalance: 'connecting', stop: 'stopped' },
  disconnected: { retry: 'connecting', ready: 'connected', lost: 'disconnected', fail: 'error', stop: 'stopped' },
  error: { retry: 'connecting', ready: 'connected', fail: 'error', lost: 'error', stop: 'stopped' },
  stopped: {},
};

export interface ConnectionChange {
  from: ConnectionState;
  to: ConnectionState;
  event: ConnectionEvent;
  /** Why, in words a person can act on (never a secret). */
  reason?: string;
}

export function nextConnectionState(from: ConnectionState, event: ConnectionEvent): ConnectionState | undefined {
  return TRANSITIONS[from][event];
}

export class ConnectionStateMachine extends EventEmitter {
  private current: ConnectionState = 'idle';
  private lastReason: string | undefined;

  get state(): ConnectionState {
    return this.current;
  }

  get reason(): string | undefined {
    return this.lastReason;
  }

  /** Applies an event; returns false (and changes nothing) when the event means nothing in this state. */
  dispatch(event: ConnectionEvent, reason?: string): boolean {
    const to = nextConnectionState(this.current, event);
    if (!to) return false;
    const change: ConnectionChange = { from: this.current, to, event, reason };
    if (to === this.current && reason === this.lastReason) return true;
    this.current = to;
    this.lastReason = reason;
    this.emit('change', change);
    return true;
  }
}
