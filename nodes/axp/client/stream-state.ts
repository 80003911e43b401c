import { StateMachine, type StateChange, type TransitionTable } from '../../shared/state-machine';

/**
 * One AXP event stream (digest §4.5): authorizing (getting a token), subscribing (REST), connecting (WebSocket),
 * authenticating (waiting for CONNECTION_CONFIRMED), streaming, waiting (backoff before the next attempt),
 * refused (a credential or request the server rejects: still retried, slowly, since a person may fix it on the
 * other side), stopped.
 */
export type AxpStreamState = 'idle' | 'authorizing' | 'subscribing' | 'connecting' | 'authenticating' | 'streaming' | 'waiting' | 'refused' | 'stopped';

/**
 * token: a token is needed; subscribe: a subscription is needed; connect: open the socket; opened: socket open,
 * authentication sent; confirmed: CONNECTION_CONFIRMED; lost: socket closed, pong missing or a step failed (retry);
 * refuse: credentials or request rejected; retry: the backoff ended; stop: closed for good.
 */
export type AxpStreamEvent = 'token' | 'subscribe' | 'connect' | 'opened' | 'confirmed' | 'lost' | 'refuse' | 'retry' | 'stop';

const TRANSITIONS: TransitionTable<AxpStreamState, AxpStreamEvent> = {
  idle: { token: 'authorizing', stop: 'stopped' },
  authorizing: { subscribe: 'subscribing', connect: 'connecting', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  subscribing: { connect: 'connecting', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  connecting: { opened: 'authenticating', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  authenticating: { confirmed: 'streaming', token: 'authorizing', subscribe: 'subscribing', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  streaming: { lost: 'waiting', refuse: 'refused', token: 'authorizing', subscribe: 'subscribing', stop: 'stopped' },
  waiting: { retry: 'authorizing', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  refused: { retry: 'authorizing', refuse: 'refused', stop: 'stopped' },
  stopped: {},
};

export type AxpStreamChange = StateChange<AxpStreamState, AxpStreamEvent>;

export function nextAxpStreamState(from: AxpStreamState, event: AxpStreamEvent): AxpStreamState | undefined {
  return TRANSITIONS[from][event];
}

export class AxpStreamStateMachine extends StateMachine<AxpStreamState, AxpStreamEvent> {
  constructor() {
    super(TRANSITIONS, 'idle');
  }
}
