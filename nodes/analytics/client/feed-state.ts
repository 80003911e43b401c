import { StateMachine, type StateChange, type TransitionTable } from '../../shared/state-machine';

/**
 * The measure feed of one Analytics server: connecting (login, sources, producers), subscribing (REST and
 * redirects), streaming, waiting (backoff before logging in and subscribing again), refused (credentials or a
 * limit a person must fix: still retried, slowly), stopped.
 */
export type AnalyticsFeedState = 'idle' | 'connecting' | 'subscribing' | 'streaming' | 'waiting' | 'refused' | 'stopped';

export type AnalyticsFeedEvent = 'start' | 'subscribe' | 'streaming' | 'lost' | 'refuse' | 'retry' | 'stop';

const TRANSITIONS: TransitionTable<AnalyticsFeedState, AnalyticsFeedEvent> = {
  idle: { start: 'connecting', stop: 'stopped' },
  connecting: { subscribe: 'subscribing', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  subscribing: { subscribe: 'subscribing', streaming: 'streaming', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  streaming: { subscribe: 'subscribing', streaming: 'streaming', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  waiting: { retry: 'connecting', lost: 'waiting', refuse: 'refused', stop: 'stopped' },
  refused: { retry: 'connecting', refuse: 'refused', stop: 'stopped' },
  stopped: {},
};

export type AnalyticsFeedChange = StateChange<AnalyticsFeedState, AnalyticsFeedEvent>;

export function nextAnalyticsFeedState(from: AnalyticsFeedState, event: AnalyticsFeedEvent): AnalyticsFeedState | undefined {
  return TRANSITIONS[from][event];
}

export class AnalyticsFeedStateMachine extends StateMachine<AnalyticsFeedState, AnalyticsFeedEvent> {
  constructor() {
    super(TRANSITIONS, 'idle');
  }
}
