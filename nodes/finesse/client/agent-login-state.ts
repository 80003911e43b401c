import { StateMachine, type StateChange, type TransitionTable } from '../../shared/state-machine';

/**
 * One agent's login through the Generic Connector (digest §2.4, per-agent state):
 * idle: nothing sent yet; logging-in: Connect + Login sent, waiting for AgentInfo/State;
 * logged-in: GC reports a state other than LOGOUT; logged-out: State LOGOUT arrived;
 * invalidated: another destination took the session (SESSION_INVALIDATED) — only a person logs in again;
 * failed: GC refused the credentials or the extension — retrying would only repeat the refusal.
 */
export type AgentLoginState = 'idle' | 'logging-in' | 'logged-in' | 'logged-out' | 'invalidated' | 'failed';

/**
 * login: Connect + Login sent (first time, retry, or a person asked); logged-in / logged-out: GC reported the agent's state;
 * re-login: GC forgot the agent (State#RE_LOGIN, DESTINATION#…#RECONNECT); invalidated: SESSION_INVALIDATED;
 * refused: a credential or configuration error; stop: the session closed.
 */
export type AgentLoginEvent = 'login' | 'logged-in' | 'logged-out' | 're-login' | 'invalidated' | 'refused' | 'stop';

const TRANSITIONS: TransitionTable<AgentLoginState, AgentLoginEvent> = {
  idle: { login: 'logging-in', 'logged-in': 'logged-in', 'logged-out': 'logged-out', invalidated: 'invalidated', stop: 'idle' },
  'logging-in': {
    login: 'logging-in', 'logged-in': 'logged-in', 'logged-out': 'logged-out', 're-login': 'logging-in',
    invalidated: 'invalidated', refused: 'failed', stop: 'idle',
  },
  'logged-in': { login: 'logging-in', 'logged-in': 'logged-in', 'logged-out': 'logged-out', 're-login': 'logging-in', invalidated: 'invalidated', stop: 'idle' },
  'logged-out': { login: 'logging-in', 'logged-in': 'logged-in', 'logged-out': 'logged-out', invalidated: 'invalidated', stop: 'idle' },
  invalidated: { login: 'logging-in', 'logged-out': 'invalidated', invalidated: 'invalidated', stop: 'idle' },
  failed: { login: 'logging-in', refused: 'failed', stop: 'idle' },
};

export type AgentLoginChange = StateChange<AgentLoginState, AgentLoginEvent>;

export function nextAgentLoginState(from: AgentLoginState, event: AgentLoginEvent): AgentLoginState | undefined {
  return TRANSITIONS[from][event];
}

export class AgentLoginStateMachine extends StateMachine<AgentLoginState, AgentLoginEvent> {
  constructor() {
    super(TRANSITIONS, 'idle');
  }
}
