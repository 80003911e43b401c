import assert from 'node:assert/strict';
import { afterCallState, judgeStateRequest, StateRequest } from '../../nodes/finesse/simulator/agent-states';
import { newAgentRecord } from '../../nodes/finesse/simulator/model';

// The test's own copy of the UCCE table (digest §4.9): the rows a command can cause directly.
const DIRECT: Record<string, StateRequest[]> = {
  LOGOUT: [],
  NOT_READY: ['READY', 'NOT_READY', 'LOGOUT'],
  READY: ['NOT_READY'],
  RESERVED: [],
  RESERVED_OUTBOUND: ['READY', 'NOT_READY'],
  RESERVED_OUTBOUND_PREVIEW: [],
  TALKING: [],
  HOLD: [],
  WORK: ['READY', 'NOT_READY'],
  WORK_READY: ['READY', 'NOT_READY'],
};
const PENDING_STATES = ['TALKING', 'HOLD', 'RESERVED_OUTBOUND_PREVIEW'];
const REQUESTS: StateRequest[] = ['READY', 'NOT_READY', 'WORK', 'WORK_READY', 'LOGOUT'];

describe('GC simulator: the UCCE transition table as rules', () => {
  it('allows exactly the direct rows of the table, pending requests during a call, and refuses the rest', () => {
    for (const [from, direct] of Object.entries(DIRECT)) {
      for (const request of REQUESTS) {
        const expected = direct.includes(request) ? 'now' : PENDING_STATES.includes(from) && request !== 'LOGOUT' ? 'pending' : 'invalid';
        assert.equal(judgeStateRequest(from, request, 'OPTIONAL'), expected, `${from} -> ${request}`);
      }
    }
  });

  it('refuses a wrap-up request when wrap-up is not allowed', () => {
    assert.equal(judgeStateRequest('TALKING', 'WORK', 'NOT_ALLOWED'), 'invalid');
    assert.equal(judgeStateRequest('HOLD', 'WORK_READY', 'NOT_ALLOWED'), 'invalid');
    assert.equal(judgeStateRequest('TALKING', 'WORK_READY', 'REQUIRED'), 'pending');
  });

  it('picks the after-call state from the pending state, the state before the call and the wrap-up mode', () => {
    const cases: [string, string, string, string, string][] = [
      // wrap-up mode, state at the end, pending, state before the call -> expected
      ['OPTIONAL', 'TALKING', '', 'READY', 'READY'],
      ['OPTIONAL', 'TALKING', '', 'NOT_READY', 'NOT_READY'],
      ['OPTIONAL', 'HOLD', 'NOT_READY', 'READY', 'NOT_READY'],
      ['OPTIONAL', 'TALKING', 'WORK', 'READY', 'WORK'],
      ['OPTIONAL', 'TALKING', 'WORK_READY', 'NOT_READY', 'WORK_READY'],
      ['REQUIRED', 'TALKING', '', 'READY', 'WORK_READY'],
      ['REQUIRED', 'HOLD', 'NOT_READY', 'READY', 'WORK'],
      ['REQUIRED_WITH_WRAP_UP_DATA', 'TALKING', '', 'NOT_READY', 'WORK'],
      ['NOT_ALLOWED', 'TALKING', 'READY', 'NOT_READY', 'READY'],
      ['REQUIRED', 'RESERVED', '', 'READY', 'READY'],
      ['REQUIRED', 'RESERVED_OUTBOUND_PREVIEW', 'NOT_READY', 'READY', 'NOT_READY'],
      ['OPTIONAL', 'RESERVED_OUTBOUND_PREVIEW', 'WORK_READY', 'READY', 'READY'],
    ];
    for (const [mode, state, pending, before, expected] of cases) {
      const agent = newAgentRecord({ id: '1', password: 'x', wrapUpMode: mode as never });
      Object.assign(agent, { state, pendingState: pending, returnState: before });
      assert.equal(afterCallState(agent).state, expected, `${mode} ${state} pending=${pending} before=${before}`);
    }
  });

  it('keeps the NOT_READY reason for after the call and for the end of WORK', () => {
    const agent = newAgentRecord({ id: '1', password: 'x', wrapUpMode: 'REQUIRED' });
    Object.assign(agent, { state: 'TALKING', pendingState: 'NOT_READY', pendingReason: '2', pendingLabel: 'Lunch', returnState: 'READY' });
    assert.deepEqual(afterCallState(agent), { state: 'WORK', reasonCode: '', reasonLabel: '', exitReason: '2', exitLabel: 'Lunch' });
    Object.assign(agent, { wrapUpMode: 'OPTIONAL', pendingState: '', returnState: 'NOT_READY', returnReason: '3', returnLabel: 'Meeting' });
    assert.deepEqual(afterCallState(agent), { state: 'NOT_READY', reasonCode: '3', reasonLabel: 'Meeting', exitReason: '3', exitLabel: 'Meeting' });
  });
});
