import assert from 'node:assert/strict';
import type { AgentObservation } from '../../nodes/agent/model';
import { AxpAgentStateMapper, createAxpAgentStateMapper } from '../../nodes/axp/agent-state-mapper';
import { failureMessage } from '../../nodes/shared/message';
import { parseFailure } from '../../nodes/shared/parse-result';
import {
  afterContactWork, AGENT, agentState, E1, E2, EVENT_TIME, externalParticipant, LOGIN, matchOffered, message, messageOf, notReady,
  OTHER_AGENT, participant, RECEIVED_AT, seen, SUPERVISOR, TIMESTAMP,
} from './fixtures/agent-state-messages';
import { BODIES, ENVELOPE, OFFICIAL_AGENT_STATE_TEXT } from './fixtures/digest-examples';

type Body = Record<string, unknown>;

/** Feeds the bodies in order and returns what the last one maps to. */
function mapLast(bodies: Body[], mapper = createAxpAgentStateMapper()): AgentObservation[] {
  let last: AgentObservation[] = [];
  for (const body of bodies) last = mapper.map(message(body));
  return last;
}

const READY = agentState('READY');
const IDLE = { reason: null, pending: null, contacts: 0 };

interface Row {
  rule: string;
  bodies: Body[];
  /** The envelope's login fields (default: loginId of AGENT). */
  envelope?: Record<string, unknown>;
  expected: AgentObservation[];
}

const ROWS: Row[] = [
  {
    rule: 'AgentState LOGGED_IN → NOT_READY without a reason (logged in, not yet READY)',
    bodies: [agentState('LOGGED_IN')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, native: { type: 'AgentState', state: 'LOGGED_IN' } })],
  },
  {
    rule: 'AgentState READY → READY',
    bodies: [READY],
    expected: [seen({ state: 'READY', ...IDLE, native: { type: 'AgentState', state: 'READY' } })],
  },
  {
    rule: 'AgentState NOT_READY → NOT_READY, reasonCode as code, cause as label',
    bodies: [notReady('514', 'BREAK')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: '514', label: 'BREAK' }, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'AgentState NOT_READY with a reasonCode only → the code without a label',
    bodies: [agentState('NOT_READY', { reasonCode: '101' })],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: '101' }, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'AgentState NOT_READY with a cause only → the cause as code',
    bodies: [agentState('NOT_READY', { cause: 'RONA' })],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: 'RONA' }, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'AgentState NOT_READY without reasonCode and cause → no reason',
    bodies: [agentState('NOT_READY')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'AgentState LOGGED_OUT → LOGGED_OUT, even on a contact: no contacts, reason or pending left',
    bodies: [READY, participant('ADDED'), agentState('LOGGED_OUT')],
    expected: [seen({ state: 'LOGGED_OUT', ...IDLE, native: { type: 'AgentState', state: 'LOGGED_OUT' } })],
  },
  {
    rule: 'AgentState with an undocumented state word → UNKNOWN, the word kept in native',
    bodies: [READY, agentState('AWAY')],
    expected: [seen({ state: 'UNKNOWN', ...IDLE, native: { type: 'AgentState', state: 'AWAY' } })],
  },
  {
    rule: 'MatchOffered offeredQueue.offeredAgentData → RESERVED, one contact, pending the availability',
    bodies: [READY, matchOffered(AGENT, E1, 'offeredQueue')],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'MatchOffered offeredService.offeredAgentData → RESERVED',
    bodies: [READY, matchOffered(AGENT, E1, 'offeredService')],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'MatchOffered offeredSpecifiedAgent.offeredSpecifiedAgentData → RESERVED',
    bodies: [READY, matchOffered(AGENT, E1, 'offeredSpecifiedAgent')],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'AgentParticipant ADDED after the offer → BUSY, the same contact, with the extension',
    bodies: [READY, matchOffered(), participant('ADDED')],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'ADDED' } })],
  },
  {
    rule: 'AgentParticipant ADDED without an offer (outbound) → BUSY',
    bodies: [READY, participant('ADDED')],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'ADDED' } })],
  },
  {
    rule: 'AgentParticipant HELD → BUSY (held is on the contact)',
    bodies: [READY, participant('ADDED'), participant('HELD')],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'HELD' } })],
  },
  {
    rule: 'AgentParticipant UNHELD → BUSY',
    bodies: [READY, participant('ADDED'), participant('HELD'), participant('UNHELD')],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'UNHELD' } })],
  },
  {
    rule: 'AgentParticipant MOVED → BUSY (another dialog of the same engagement)',
    bodies: [READY, participant('ADDED'), participant('MOVED', E1, { previousDialogId: '01005000281645486012' })],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'MOVED' } })],
  },
  {
    rule: 'AgentParticipant INVITED → RESERVED (invited, not joined)',
    bodies: [READY, participant('INVITED')],
    expected: [seen({ state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'INVITED' } })],
  },
  {
    rule: 'AgentParticipant ADDED on a second engagement → BUSY with two contacts',
    bodies: [READY, participant('ADDED', E1), participant('ADDED', E2)],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 2, extension: '8010017', native: { type: 'AgentParticipant', state: 'ADDED' } })],
  },
  {
    rule: 'MatchOffered while on another engagement → BUSY (being on a contact comes first), two contacts',
    bodies: [READY, participant('ADDED', E1), matchOffered(AGENT, E2)],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: 'READY', contacts: 2, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'MatchOffered during wrap-up → RESERVED (the offer waits for an answer now), one contact',
    bodies: [READY, participant('ADDED', E1), participant('REMOVED', E1), afterContactWork('Activated', E1), matchOffered(AGENT, E2)],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'MatchOffered of an engagement the agent is already on → still BUSY with one contact (an offer never demotes)',
    bodies: [READY, participant('ADDED', E1), matchOffered(AGENT, E1)],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'AgentParticipant REMOVED from one of two → BUSY with one contact',
    bodies: [READY, participant('ADDED', E1), participant('ADDED', E2), participant('REMOVED', E1)],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, extension: '8010017', native: { type: 'AgentParticipant', state: 'REMOVED' } })],
  },
  {
    rule: 'AgentParticipant REMOVED from the last → the availability (READY), no contacts',
    bodies: [READY, participant('ADDED'), participant('REMOVED')],
    expected: [seen({ state: 'READY', ...IDLE, extension: '8010017', native: { type: 'AgentParticipant', state: 'REMOVED' } })],
  },
  {
    rule: 'AgentParticipant REMOVED from the last, NOT_READY asked for during the contact → NOT_READY with its reason',
    bodies: [READY, participant('ADDED'), notReady('102', 'LUNCH'), participant('REMOVED')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: '102', label: 'LUNCH' }, extension: '8010017', native: { type: 'AgentParticipant', state: 'REMOVED' } })],
  },
  {
    rule: 'AgentParticipant REMOVED from the last, no AgentState seen → UNKNOWN',
    bodies: [participant('ADDED'), participant('REMOVED')],
    expected: [seen({ state: 'UNKNOWN', ...IDLE, extension: '8010017', native: { type: 'AgentParticipant', state: 'REMOVED' } })],
  },
  {
    rule: 'AgentState NOT_READY on a contact → BUSY, NOT_READY pending',
    bodies: [READY, participant('ADDED'), notReady('102', 'LUNCH')],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'NOT_READY', contacts: 1, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'AfterContactWorkActivated → WRAP_UP, no contacts, pending the availability',
    bodies: [READY, participant('ADDED'), participant('REMOVED'), afterContactWork('Activated')],
    expected: [seen({ state: 'WRAP_UP', reason: null, pending: 'READY', contacts: 0, native: { type: 'AfterContactWorkActivated' } })],
  },
  {
    rule: 'AfterContactWorkActivated before REMOVED → WRAP_UP, and the late REMOVED keeps it',
    bodies: [READY, participant('ADDED'), afterContactWork('Activated'), participant('REMOVED')],
    expected: [seen({ state: 'WRAP_UP', reason: null, pending: 'READY', contacts: 0, extension: '8010017', native: { type: 'AgentParticipant', state: 'REMOVED' } })],
  },
  {
    rule: 'AfterContactWorkActivated while on another engagement → BUSY',
    bodies: [READY, participant('ADDED', E1), participant('ADDED', E2), participant('REMOVED', E1), afterContactWork('Activated', E1)],
    expected: [seen({ state: 'BUSY', reason: null, pending: 'READY', contacts: 1, native: { type: 'AfterContactWorkActivated' } })],
  },
  {
    rule: 'AfterContactWorkCompleted → back to the availability (READY)',
    bodies: [READY, participant('ADDED'), participant('REMOVED'), afterContactWork('Activated'), afterContactWork('Completed')],
    expected: [seen({ state: 'READY', ...IDLE, native: { type: 'AfterContactWorkCompleted' } })],
  },
  {
    rule: 'AfterContactWorkCompleted after NOT_READY asked for during wrap-up → NOT_READY with its reason',
    bodies: [READY, participant('ADDED'), participant('REMOVED'), afterContactWork('Activated'), notReady('103', 'TRAINING'), afterContactWork('Completed')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: '103', label: 'TRAINING' }, native: { type: 'AfterContactWorkCompleted' } })],
  },
  {
    rule: 'AfterContactWorkCompleted ends the engagement even when its REMOVED was missed → READY',
    bodies: [READY, participant('ADDED'), afterContactWork('Completed')],
    expected: [seen({ state: 'READY', ...IDLE, native: { type: 'AfterContactWorkCompleted' } })],
  },
  {
    rule: 'AgentState NOT_READY cause RONA while offered → the offer is gone: NOT_READY, no contacts',
    bodies: [READY, matchOffered(), notReady('514', 'RONA')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, reason: { code: '514', label: 'RONA' }, native: { type: 'AgentState', state: 'NOT_READY' } })],
  },
  {
    rule: 'MatchOffered of the same engagement to another agent → that agent RESERVED, the first one back to READY',
    bodies: [READY, matchOffered(AGENT), matchOffered(OTHER_AGENT)],
    expected: [
      { agentId: OTHER_AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: null, contacts: 1, native: { type: 'MatchOffered' } },
      { agentId: AGENT, eventTime: EVENT_TIME, state: 'READY', ...IDLE, native: { type: 'MatchOffered' } },
    ],
  },
  {
    rule: 'ExternalParticipant REMOVED while offered (the customer left unanswered) → back to READY',
    bodies: [READY, matchOffered(), externalParticipant('REMOVED')],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'READY', ...IDLE, native: { type: 'ExternalParticipant', state: 'REMOVED' } }],
  },
  {
    rule: 'MatchOffered of the same engagement to the same agent again → one observation, still one contact',
    bodies: [READY, matchOffered(AGENT), matchOffered(AGENT)],
    expected: [{ agentId: AGENT, eventTime: EVENT_TIME, state: 'RESERVED', reason: null, pending: 'READY', contacts: 1, native: { type: 'MatchOffered' } }],
  },
  {
    rule: 'ExternalParticipant ADDED while offered → nothing (only the customer leaving ends an offer)',
    bodies: [READY, matchOffered(), externalParticipant('ADDED')],
    expected: [],
  },
  {
    rule: 'ExternalParticipant REMOVED while the agent is on the engagement → nothing (AgentParticipant REMOVED tells)',
    bodies: [READY, participant('ADDED'), externalParticipant('REMOVED')],
    expected: [],
  },
  {
    rule: 'AgentParticipant OBSERVING → the observing supervisor BUSY, named by observingLoginId',
    bodies: [participant('OBSERVING', E1, { agentId: SUPERVISOR, observingAgentId: SUPERVISOR, observedAgentId: AGENT })],
    envelope: { observingLoginId: 'supervisor@example.com', observedLoginId: LOGIN },
    expected: [{
      agentId: SUPERVISOR, name: 'supervisor@example.com', eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: null, contacts: 1,
      extension: '8010017', native: { type: 'AgentParticipant', state: 'OBSERVING' },
    }],
  },
  {
    rule: 'AgentParticipant OBSERVING without observingAgentId → the body\'s agentId (the appearance\'s own agent)',
    bodies: [participant('OBSERVING', E1, { agentId: SUPERVISOR })],
    envelope: { observingLoginId: 'supervisor@example.com' },
    expected: [{
      agentId: SUPERVISOR, name: 'supervisor@example.com', eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: null, contacts: 1,
      extension: '8010017', native: { type: 'AgentParticipant', state: 'OBSERVING' },
    }],
  },
  {
    rule: 'AgentParticipant COACHING → the coaching supervisor (coachingAgentId) BUSY, named by coachingLoginId, not the body\'s agent',
    bodies: [participant('COACHING', E1, { coachingAgentId: SUPERVISOR, coachedAgentId: AGENT })],
    envelope: { coachingLoginId: 'supervisor@example.com', coachedLoginId: LOGIN },
    expected: [{
      agentId: SUPERVISOR, name: 'supervisor@example.com', eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: null, contacts: 1,
      native: { type: 'AgentParticipant', state: 'COACHING' },
    }],
  },
  {
    rule: 'AgentParticipant BARGEDIN → the barging supervisor BUSY, named by bargingLoginId',
    bodies: [participant('BARGEDIN', E1, { agentId: SUPERVISOR, bargingAgentId: SUPERVISOR })],
    envelope: { bargingLoginId: 'supervisor@example.com' },
    expected: [{
      agentId: SUPERVISOR, name: 'supervisor@example.com', eventTime: EVENT_TIME, state: 'BUSY', reason: null, pending: null, contacts: 1,
      extension: '8010017', native: { type: 'AgentParticipant', state: 'BARGEDIN' },
    }],
  },
  {
    rule: 'AgentState LOGGED_IN after a missed logout → NOT_READY, the old session\'s contacts forgotten',
    bodies: [READY, participant('ADDED'), agentState('LOGGED_IN')],
    expected: [seen({ state: 'NOT_READY', ...IDLE, native: { type: 'AgentState', state: 'LOGGED_IN' } })],
  },
];

describe('AxpAgentStateMapper: one row per mapping rule', () => {
  it('maps for vendor axp', () => assert.equal(createAxpAgentStateMapper().vendor, 'axp'));

  for (const row of ROWS) {
    it(row.rule, () => {
      const mapper = new AxpAgentStateMapper();
      let last: AgentObservation[] = [];
      for (const body of row.bodies) last = mapper.map(message(body, row.envelope));
      assert.deepEqual(last, row.expected);
    });
  }
});

describe('AxpAgentStateMapper: the vendor document\'s own AgentState example', () => {
  it('NOT_READY 514 RONA, numbers as the page writes them; the placeholder timestamp gives way to sentAt', () => {
    const observations = createAxpAgentStateMapper().map(messageOf(OFFICIAL_AGENT_STATE_TEXT));
    assert.deepEqual(observations, [{
      agentId: '4a785201-73b8-4842-abf7-36f5e572d310', name: LOGIN, eventTime: ENVELOPE.sentAt, state: 'NOT_READY',
      reason: { code: '514', label: 'RONA' }, pending: null, contacts: 0, native: { type: 'AgentState', state: 'NOT_READY' },
    }]);
  });
});

describe('AxpAgentStateMapper: eventTime', () => {
  const timeOf = (body: Body, envelope: Record<string, unknown>): string | undefined =>
    createAxpAgentStateMapper().map(message(body, envelope))[0].eventTime;

  it('is the body timestamp (epoch ms, string or number)', () => {
    assert.equal(timeOf(READY, {}), EVENT_TIME);
    assert.equal(timeOf({ ...READY, timestamp: Number(TIMESTAMP) }, {}), EVENT_TIME);
  });

  it('is the envelope sentAt when the timestamp is no usable time, or missing', () => {
    assert.equal(timeOf({ ...READY, timestamp: '9223372036854776000' }, {}), ENVELOPE.sentAt);
    const { timestamp: _timestamp, ...untimed } = READY;
    assert.equal(timeOf(untimed, {}), ENVELOPE.sentAt);
  });

  it('is left out when neither is usable, so the model takes receivedAt', () => {
    assert.equal(timeOf({ ...READY, timestamp: '9223372036854776000' }, { sentAt: 'yesterday' }), undefined);
    assert.equal(timeOf({ ...READY, timestamp: '9223372036854776000' }, { sentAt: undefined }), undefined);
    assert.equal(timeOf({ ...READY, timestamp: '8700000000000000' }, { sentAt: 42 }), undefined);
  });
});

describe('AxpAgentStateMapper: messages that say nothing about an agent\'s state', () => {
  const silent: [string, Body][] = [
    ['ChannelReady', BODIES.ChannelReady],
    ['InboundEngagementCreated', BODIES.InboundEngagementCreated],
    ['OutboundEngagementCreated (its AgentParticipant ADDED follows)', BODIES.OutboundEngagementCreated],
    ['EngagementPrerouted', BODIES.EngagementPrerouted],
    ['AutomationParticipant', BODIES.AutomationParticipant],
    ['ExternalParticipant ADDED', BODIES.ExternalParticipant],
    ['ExternalParticipant REMOVED with no offer open', externalParticipant('REMOVED')],
    ['SingleStepTransfer', BODIES.SingleStepTransfer],
    ['SingleStepTransferError', BODIES.SingleStepTransferError],
    ['MatchOffered naming no agent (the vendor\'s minimal example)', (({ offeredQueue: _queue, ...minimal }) => minimal)(BODIES.MatchOffered)],
    ['AgentParticipant with an undocumented action', participant('TRANSFERRED')],
    ['an event type the document does not list', { event: 'AgentSkillChanged', agentId: AGENT, id: 'x', timestamp: TIMESTAMP }],
  ];
  for (const [what, body] of silent) {
    it(`${what} → []`, () => assert.deepEqual(mapLast([READY, body]), []));
  }
});

describe('AxpAgentStateMapper: malformed and foreign messages → [], no throw', () => {
  const valid = message(READY);
  const cases: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['another vendor\'s message with an AXP payload', { ...valid, event: { ...valid.event, vendor: 'finesse' } }],
    ['no msg.event', { payload: valid.payload }],
    ['the error output\'s message', failureMessage('axp', '{', parseFailure('Frame is not valid JSON'), { name: 'ws', meta: {} }, RECEIVED_AT)],
    ['a payload that is text', { ...valid, payload: '{"body":{}}' }],
    ['a body that is not an object', { ...valid, payload: { body: ['AgentState'] } }],
    ['a body without event', { ...valid, payload: { body: { agentId: AGENT, state: 'READY' } } }],
    ['AgentState without agentId', message(agentState('READY', { agentId: undefined }))],
    ['AgentState without state', message(agentState('READY', { state: undefined }))],
    ['AgentState whose agentId is an object', { ...valid, payload: { body: { event: 'AgentState', agentId: { id: AGENT }, state: 'READY' } } }],
    ['AgentParticipant without engagementId', message(participant('ADDED', E1, { engagementId: undefined }))],
    ['AgentParticipant without agentId', message(participant('ADDED', E1, { agentId: undefined }))],
    ['MatchOffered without engagementId', message({ ...matchOffered(), engagementId: undefined })],
    ['AfterContactWorkActivated without agentId', message({ ...afterContactWork('Activated'), agentId: undefined })],
    ['AfterContactWorkCompleted without engagementId', message({ ...afterContactWork('Completed'), engagementId: undefined })],
  ];
  for (const [what, msg] of cases) {
    it(what, () => assert.deepEqual(createAxpAgentStateMapper().map(msg as never), []));
  }
});

describe('AxpAgentStateMapper: bounded memory', () => {
  it('counts at most maxEngagementsPerAgent engagements, dropping the oldest', () => {
    const E3 = 'c0ffee00-0000-4000-8000-000000000003';
    const mapper = createAxpAgentStateMapper({ maxEngagementsPerAgent: 2 });
    const third = mapLast([READY, participant('ADDED', E1), participant('ADDED', E2), participant('ADDED', E3)], mapper);
    assert.equal(third[0].contacts, 2);
    assert.equal(mapLast([participant('REMOVED', E2)], mapper)[0].contacts, 1);
    assert.deepEqual(mapLast([participant('REMOVED', E3)], mapper)[0].state, 'READY', 'E1 was dropped, so nothing keeps the agent BUSY');
  });

  it('remembers at most maxAgents agents, forgetting the one not heard of for the longest', () => {
    const others = ['a1', 'a2'].map((agentId) => agentState('READY', { agentId }));
    const mapper = createAxpAgentStateMapper({ maxAgents: 2 });
    mapLast([READY, others[0], READY, others[1]], mapper);
    assert.equal(mapLast([participant('ADDED'), participant('REMOVED')], mapper)[0].state, 'READY', 'AGENT was used after a1');
    mapLast([others[0], others[1]], mapper);
    assert.equal(mapLast([participant('ADDED'), participant('REMOVED')], mapper)[0].state, 'UNKNOWN', 'AGENT was forgotten');
  });

  it('forgets an agent on logout: its engagements and availability', () => {
    const mapper = createAxpAgentStateMapper();
    mapLast([READY, participant('ADDED', E1), agentState('LOGGED_OUT')], mapper);
    const next = mapLast([participant('ADDED', E2)], mapper);
    assert.equal(next[0].contacts, 1, 'E1 is not counted after the logout');
    assert.equal(next[0].pending, null, 'the READY from before the logout is forgotten');
  });

  it('refuses limits below one', () => {
    assert.throws(() => createAxpAgentStateMapper({ maxAgents: 0 }), /maxAgents/);
    assert.throws(() => createAxpAgentStateMapper({ maxEngagementsPerAgent: 1.5 }), /maxEngagementsPerAgent/);
  });
});
