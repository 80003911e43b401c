import { StateMachine, type StateChange, type TransitionTable } from './state-machine';

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

const TRANSITIONS: TransitionTable<ConnectionState, ConnectionEvent> = {
  idle: { start: 'connecting', fail: 'error', stop: 'stopped' },
  connecting: { ready: 'connected', lost: 'disconnected', fail: 'error', stop: 'stopped' },
  connected: { ready: 'connected', lost: 'disconnected', fail: 'error', rebalance: 'connecting', stop: 'stopped' },
  disconnected: { retry: 'connecting', ready: 'connected', lost: 'disconnected', fail: 'error', stop: 'stopped' },
  error: { retry: 'connecting', ready: 'connected', fail: 'error', lost: 'error', stop: 'stopped' },
  stopped: {},
};

export type ConnectionChange = StateChange<ConnectionState, ConnectionEvent>;

export function nextConnectionState(from: ConnectionState, event: ConnectionEvent): ConnectionState | undefined {
  return TRANSITIONS[from][event];
}

export class ConnectionStateMachine extends StateMachine<ConnectionState, ConnectionEvent> {
  constructor() {
    super(TRANSITIONS, 'idle');
  }
}
