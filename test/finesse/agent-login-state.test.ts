import assert from 'assert/strict';
import { AgentLoginStateMachine, nextAgentLoginState, type AgentLoginChange, type AgentLoginEvent, type AgentLoginState } from '../../nodes/finesse/client/agent-login-state';

describe('agent login state machine (digest §2.4, per agent)', () => {
  const table: [AgentLoginState, AgentLoginEvent, AgentLoginState | undefined][] = [
    ['idle', 'login', 'logging-in'],
    ['idle', 'logged-in', 'logged-in'],
    ['idle', 're-login', undefined],
    ['idle', 'refused', undefined],
    ['logging-in', 'logged-in', 'logged-in'],
    ['logging-in', 'refused', 'failed'],
    ['logging-in', 'invalidated', 'invalidated'],
    ['logging-in', 'login', 'logging-in'],
    ['logging-in', 'logged-out', 'logged-out'],
    ['logged-in', 're-login', 'logging-in'],
    ['logged-in', 'logged-out', 'logged-out'],
    ['logged-in', 'invalidated', 'invalidated'],
    ['logged-in', 'refused', undefined],
    ['logged-out', 'login', 'logging-in'],
    ['logged-out', 'logged-in', 'logged-in'],
    ['logged-out', 're-login', undefined],
    // After SESSION_INVALIDATED only a person logs in again: GC's RE_LOGIN or the trailing LOGOUT change nothing.
    ['invalidated', 're-login', undefined],
    ['invalidated', 'logged-out', 'invalidated'],
    ['invalidated', 'logged-in', undefined],
    ['invalidated', 'login', 'logging-in'],
    // Refused credentials are not retried on their own either.
    ['failed', 're-login', undefined],
    ['failed', 'logged-in', undefined],
    ['failed', 'login', 'logging-in'],
  ];
  for (const [from, event, to] of table) {
    it(`${from} --${event}--> ${to ?? '(ignored)'}`, () => assert.equal(nextAgentLoginState(from, event), to));
  }

  it('follows a login, a GC restart, and a session taken by another client', () => {
    const machine = new AgentLoginStateMachine();
    const changes: AgentLoginChange[] = [];
    machine.on('change', (c: AgentLoginChange) => changes.push(c));
    for (const event of ['login', 'logged-in', 're-login', 'logged-in', 'invalidated', 'logged-out', 're-login'] as AgentLoginEvent[]) machine.dispatch(event);
    assert.deepEqual(changes.map((c) => c.to), ['logging-in', 'logged-in', 'logging-in', 'logged-in', 'invalidated']);
    assert.equal(machine.state, 'invalidated');
  });
});
