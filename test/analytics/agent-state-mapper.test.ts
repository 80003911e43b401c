import assert from 'node:assert/strict';
import type { AgentObservation } from '../../nodes/agent/model';
import { AnalyticsAgentStateMapper, createAnalyticsAgentStateMapper } from '../../nodes/analytics/agent-state-mapper';
import type { OutputMode } from '../../nodes/analytics/measure-messages';
import { failureMessage } from '../../nodes/shared/message';
import { parseFailure } from '../../nodes/shared/parse-result';
import {
  AGENT, AGENT_BY_ACCOUNT, AGENT_GROUP, BY_REASON_CODE, MeasuresNode, ROUTING_SERVICE_BY_AGENT, agentDelta, frame, stamp, type Producer,
} from './fixtures/agent-state-frames';
import { AGENT_DELTAS, AGENT_PUMPUP, PRODUCER_EXAMPLES, PUMPUP_COMPLETE, stringForm } from './schema-samples';

const MODES: OutputMode[] = ['update', 'merged'];
const S = 'scollins';
const iso = (ms: number) => new Date(ms).toISOString();
const T1 = 1714636800000;
const T2 = T1 + 60000;
const T3 = T1 + 120000;

/** The document's pumpup of scollins: NOT_READY, reason 0 (DEFAULT), Work state Unavailable. */
const PUMPUP = [...AGENT_PUMPUP, PUMPUP_COMPLETE];
/** The document's delta 2: scollins goes READY, Idle. */
const READY = AGENT_DELTAS[1];
const BUSY = agentDelta(S, { workState: 'BUSY', activeWorkCount: '1' });
const loggedOut = (word: string) => agentDelta(S, { agentState: word, workState: 'UNAVAILABLE', lastStateChangeTimestamp: stamp(T2), agentLogoutTimeStamp: stamp(T2) });

/** Runs frames through a fresh node and mapper; the observations of the last frame. */
function observe(mode: OutputMode, given: string[], text: string, producer?: Producer, mapper = createAnalyticsAgentStateMapper()): AgentObservation[] {
  const node = new MeasuresNode(mode);
  for (const before of given) mapper.map(node.message(before));
  return mapper.map(node.message(text, producer));
}

type Expected = Omit<AgentObservation, 'agentId'>;

interface Rule {
  rule: string;
  given?: string[];
  frame: string;
  /** The observation in update mode (the delta's measures only), exactly. */
  expect: Expected;
}

const RULES: Rule[] = [
  {
    rule: 'a pumpup row with agentState NOT_READY (the document\'s pumpup frame 3): reason, name, contacts, dated by lastStateChangeTimestamp',
    given: AGENT_PUMPUP.slice(0, 2),
    frame: AGENT_PUMPUP[2],
    expect: {
      state: 'NOT_READY', pending: null, reason: { code: '0', label: 'DEFAULT' }, contacts: 0, name: 'Siobhan Collins',
      eventTime: iso(1496919128431), native: { type: 'pumpup', state: 'NOT_READY/UNAVAILABLE' },
    },
  },
  {
    rule: 'READY (the document\'s delta 2): the reason code sent along is no reason of a ready agent',
    frame: READY,
    expect: { state: 'READY', pending: null, reason: null, eventTime: iso(1496919456478), native: { type: 'update', state: 'READY/IDLE' } },
  },
  {
    rule: 'PENDING_NOT_READY (the document\'s delta 4): READY with NOT_READY pending, and the reason it will have',
    given: [...PUMPUP, READY],
    frame: AGENT_DELTAS[3],
    expect: {
      state: 'READY', pending: 'NOT_READY', reason: { code: '0', label: 'DEFAULT' }, eventTime: iso(1496919465045),
      native: { type: 'update', state: 'PENDING_NOT_READY/UNAVAILABLE' },
    },
  },
  {
    rule: 'NOT_READY with nrReasonCode and nrReasonCodeName',
    given: [...PUMPUP, READY],
    frame: agentDelta(S, { agentState: 'NOT_READY', workState: 'UNAVAILABLE', nrReasonCode: '101', nrReasonCodeName: 'Lunch', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'NOT_READY', pending: null, reason: { code: '101', label: 'Lunch' }, eventTime: iso(T1), native: { type: 'update', state: 'NOT_READY/UNAVAILABLE' } },
  },
  {
    rule: 'NOT_READY with a new code but no name: the previous code\'s name is not borrowed',
    given: [...PUMPUP, READY],
    frame: agentDelta(S, { agentState: 'NOT_READY', nrReasonCode: '102', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'NOT_READY', pending: null, reason: { code: '102' }, eventTime: iso(T1), native: { type: 'update', state: 'NOT_READY/IDLE' } },
  },
  {
    rule: 'a reason changed on its own while NOT_READY (the document\'s lastStateReasonTimestamp note)',
    frame: agentDelta(S, { nrReasonCode: '102', nrReasonCodeName: 'Break', lastStateReasonTimestamp: stamp(T1) }),
    expect: { reason: { code: '102', label: 'Break' }, native: { type: 'update', state: 'NOT_READY/UNAVAILABLE' } },
  },
  {
    rule: 'work state Busy: BUSY, activeWorkCount as contacts',
    given: [...PUMPUP, READY],
    frame: BUSY,
    expect: { state: 'BUSY', contacts: 1, native: { type: 'update', state: 'READY/BUSY' } },
  },
  {
    rule: 'activeWorkCount 2: two contacts at once',
    given: [...PUMPUP, READY, BUSY],
    frame: agentDelta(S, { activeWorkCount: '2' }),
    expect: { contacts: 2, native: { type: 'update', state: 'READY/BUSY' } },
  },
  {
    rule: 'work state back to Idle: the agent state remembered from an earlier delta (READY)',
    given: [...PUMPUP, READY, BUSY],
    frame: agentDelta(S, { workState: 'IDLE', activeWorkCount: '0', lastWorkCodeChangeTimestamp: stamp(T1) }),
    expect: { state: 'READY', contacts: 0, native: { type: 'update', state: 'READY/IDLE' } },
  },
  {
    rule: 'PENDING_NOT_READY while Busy: BUSY with NOT_READY pending and its reason',
    given: [...PUMPUP, READY, BUSY],
    frame: agentDelta(S, { agentState: 'PENDING_NOT_READY', nrReasonCode: '101', nrReasonCodeName: 'Lunch', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'BUSY', pending: 'NOT_READY', reason: { code: '101', label: 'Lunch' }, eventTime: iso(T1), native: { type: 'update', state: 'PENDING_NOT_READY/BUSY' } },
  },
  {
    rule: 'NOT_READY while Busy: BUSY, keeping the reason',
    given: [...PUMPUP, READY, BUSY],
    frame: agentDelta(S, { agentState: 'NOT_READY', nrReasonCode: '103', nrReasonCodeName: 'Meeting', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'BUSY', pending: null, reason: { code: '103', label: 'Meeting' }, eventTime: iso(T1), native: { type: 'update', state: 'NOT_READY/BUSY' } },
  },
  ...['Logout', 'LOGGED_OUT', 'LOGGED OUT'].map((word): Rule => ({
    rule: `${word}: LOGGED_OUT, no reason, nothing pending`,
    frame: loggedOut(word),
    expect: { state: 'LOGGED_OUT', pending: null, reason: null, eventTime: iso(T2), native: { type: 'update', state: `${word}/UNAVAILABLE` } },
  })),
  ...['PENDING_LOGIN', 'LOGGED IN', 'LOGIN'].map((word): Rule => ({
    rule: `${word} (the document's login events, which carry the not-ready reason): NOT_READY`,
    given: [...PUMPUP, loggedOut('LOGGED_OUT')],
    frame: agentDelta(S, { agentState: word, nrReasonCode: '0', nrReasonCodeName: 'DEFAULT', lastStateChangeTimestamp: stamp(T3) }),
    expect: { state: 'NOT_READY', pending: null, reason: { code: '0', label: 'DEFAULT' }, eventTime: iso(T3), native: { type: 'update', state: word } },
  })),
  {
    rule: 'an agent state the document does not list: UNKNOWN, the word kept in native.state',
    frame: agentDelta(S, { agentState: 'ALERTING', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'UNKNOWN', eventTime: iso(T1), native: { type: 'update', state: 'ALERTING/UNAVAILABLE' } },
  },
  {
    rule: 'work state Busy beside an agent state the document does not list: BUSY, which says what the agent does',
    frame: agentDelta(S, { agentState: 'ALERTING', workState: 'BUSY', activeWorkCount: '1', lastStateChangeTimestamp: stamp(T1) }),
    expect: { state: 'BUSY', contacts: 1, eventTime: iso(T1), native: { type: 'update', state: 'ALERTING/BUSY' } },
  },
  {
    rule: 'work state Busy of an agent whose agent state was never told: BUSY',
    given: [],
    frame: BUSY,
    expect: { state: 'BUSY', contacts: 1, native: { type: 'update', state: 'BUSY' } },
  },
  {
    rule: 'the names told at login: agentDisplayName first',
    given: [],
    frame: agentDelta(S, { agentFirstName: 'Siobhan', agentLastName: 'Collins', agentDisplayName: 'S. Collins', supervisorId: 'tmorris' }),
    expect: { name: 'S. Collins', native: { type: 'update' } },
  },
  {
    rule: 'first and last name when there is no display name',
    given: [],
    frame: agentDelta(S, { agentFirstName: 'Siobhan', agentLastName: 'Collins', agentDisplayName: 'UNKNOWN' }),
    expect: { name: 'Siobhan Collins', native: { type: 'update' } },
  },
  {
    rule: 'DELETE (the agent left the supervisor\'s groups): UNKNOWN, not LOGGED_OUT',
    frame: agentDelta(S, {}, { eventAction: 'DELETE' }),
    expect: { state: 'UNKNOWN', reason: null, pending: null, native: { type: 'DELETE' } },
  },
  {
    rule: 'the string wire form (dimension and realtimeData JSON-encoded) reads the same',
    frame: stringForm(READY, { sourceId: 'Oceana_Streams_127.0.0.1_3.5', producerId: AGENT.producerId, eventAction: 'UPSERT' }),
    expect: { state: 'READY', pending: null, reason: null, eventTime: iso(1496919456478), native: { type: 'update', state: 'READY/IDLE' } },
  },
];

/** What merged mode must agree on: the fields the rule sets (native.state may hold more of the row there). */
function ruleFields(observation: Expected): Partial<Expected> {
  const { native: _native, ...fields } = observation;
  return fields;
}

describe('Analytics agent-state mapper: one row per rule', () => {
  for (const { rule, given = PUMPUP, frame: text, expect } of RULES) {
    it(`update mode: ${rule}`, () => {
      assert.deepEqual(observe('update', given, text), [{ agentId: S, ...expect }]);
    });

    it(`merged mode: ${rule}`, () => {
      const [observation, ...more] = observe('merged', given, text);
      assert.equal(more.length, 0);
      const fields = ruleFields(expect);
      const picked = Object.fromEntries(Object.keys(fields).map((key) => [key, observation[key as keyof AgentObservation]]));
      assert.deepEqual(picked, fields);
      assert.equal(observation.agentId, S);
      assert.equal(observation.native.type, expect.native.type);
    });
  }
});

describe('Analytics agent-state mapper: messages that say nothing', () => {
  const counters = [AGENT_DELTAS[0], AGENT_DELTAS[2], AGENT_DELTAS[4]];
  for (const text of counters) {
    it(`update mode: a delta of counters only says nothing (${text.slice(40, 90)}…)`, () => {
      assert.deepEqual(observe('update', PUMPUP, text), []);
    });

    it(`merged mode: the same delta repeats the whole row's state, not dated again (${text.slice(40, 90)}…)`, () => {
      const [observation] = observe('merged', PUMPUP, text);
      assert.deepEqual(observation, {
        agentId: S, state: 'NOT_READY', pending: null, reason: { code: '0', label: 'DEFAULT' }, contacts: 0, name: 'Siobhan Collins',
        native: { type: 'update', state: 'NOT_READY/UNAVAILABLE' },
      });
    });
  }

  it('update mode: a reason changed while READY says nothing (a ready agent has no reason)', () => {
    assert.deepEqual(observe('update', [...PUMPUP, READY], agentDelta(S, { nrReasonCode: '102', nrReasonCodeName: 'Break' })), []);
  });

  it('update mode: work state Idle of an agent whose agent state was never told says nothing', () => {
    assert.deepEqual(observe('update', [], agentDelta(S, { workState: 'IDLE' })), []);
  });

  for (const mode of MODES) {
    it(`${mode} mode: the pumpupComplete marker says nothing`, () => {
      assert.deepEqual(observe(mode, AGENT_PUMPUP, PUMPUP_COMPLETE), []);
    });

    const others: { what: string; producer: Producer; text: string }[] = [
      { what: 'AgentByAccount accountState READY (per channel account, not per agent)', producer: AGENT_BY_ACCOUNT, text: frame({ accountId: '8501014', agentId: 'jsmith', channelId: 'Voice' }, { accountState: 'READY', lastStateChangeTimestamp: stamp(T1) }) },
      { what: 'AgentByAccount activeWorkCount', producer: AGENT_BY_ACCOUNT, text: PRODUCER_EXAMPLES.find((e) => e.producer === 'AgentByAccount')!.text },
      { what: 'RoutingServiceByAgent', producer: ROUTING_SERVICE_BY_AGENT, text: PRODUCER_EXAMPLES.find((e) => e.producer === 'RoutingServiceByAgent')!.text },
      { what: 'Agent By Not Ready Reason Code', producer: BY_REASON_CODE, text: PRODUCER_EXAMPLES.find((e) => e.producer === 'Agent By Not Ready Reason Code')!.text },
      { what: 'AgentGroup', producer: AGENT_GROUP, text: PRODUCER_EXAMPLES.find((e) => e.producer === 'AgentGroup')!.text },
    ];
    for (const { what, producer, text } of others) {
      it(`${mode} mode: ${what} says nothing of an agent's state`, () => {
        assert.deepEqual(observe(mode, [], text, producer), []);
      });
    }
  }
});

describe('Analytics agent-state mapper: snapshots and event times', () => {
  it('reads every Agent row of a snapshot and leaves the other producers\' rows', () => {
    const node = new MeasuresNode('update');
    for (const text of PUMPUP) node.message(text);
    node.message(frame({ accountId: '8501014', agentId: 'jsmith', channelId: 'Voice' }, { accountState: 'READY' }), AGENT_BY_ACCOUNT);
    node.message(agentDelta('jsmith', { agentState: 'READY', workState: 'BUSY', activeWorkCount: '2', lastStateChangeTimestamp: stamp(T1) }));
    const observations = createAnalyticsAgentStateMapper().map(node.snapshot([AGENT, AGENT_BY_ACCOUNT]));
    assert.deepEqual(observations, [
      {
        agentId: S, state: 'NOT_READY', pending: null, reason: { code: '0', label: 'DEFAULT' }, contacts: 0, name: 'Siobhan Collins',
        eventTime: iso(1496919128431), native: { type: 'snapshot', state: 'NOT_READY/UNAVAILABLE' },
      },
      { agentId: 'jsmith', state: 'BUSY', pending: null, reason: null, contacts: 2, eventTime: iso(T1), native: { type: 'snapshot', state: 'READY/BUSY' } },
    ]);
  });

  for (const mode of MODES) {
    it(`${mode} mode: a second pumpup (after a reconnect) with the same lastStateChangeTimestamp is not dated again`, () => {
      const mapper = new AnalyticsAgentStateMapper();
      const node = new MeasuresNode(mode);
      for (const text of PUMPUP) mapper.map(node.message(text));
      const again = PUMPUP.flatMap((text) => mapper.map(node.message(text)));
      assert.equal(again.length, 1, 'only the pumpup frame with the state words');
      assert.deepEqual([again[0].state, again[0].eventTime], ['NOT_READY', undefined]);
    });

    it(`${mode} mode: a new agent state is dated even when its time equals the previous change's (one millisecond apart)`, () => {
      const sameTime = { lastStateChangeTimestamp: stamp(T1) };
      const [observation] = observe(mode, [...PUMPUP, agentDelta(S, { agentState: 'READY', ...sameTime })], agentDelta(S, { agentState: 'NOT_READY', ...sameTime }));
      assert.deepEqual([observation.state, observation.eventTime], ['NOT_READY', iso(T1)]);
    });

    it(`${mode} mode: a merged or delta row keeps its old timestamp while Busy comes and goes: neither is dated back`, () => {
      const mapper = new AnalyticsAgentStateMapper();
      const node = new MeasuresNode(mode);
      for (const text of [...PUMPUP, READY]) mapper.map(node.message(text));
      const [busy] = mapper.map(node.message(BUSY));
      const [idle] = mapper.map(node.message(agentDelta(S, { workState: 'IDLE', activeWorkCount: '0' })));
      assert.deepEqual([busy.state, busy.eventTime, idle.state, idle.eventTime], ['BUSY', undefined, 'READY', undefined]);
    });
  }
});

describe('Analytics agent-state mapper: malformed and foreign messages', () => {
  const analytics = (payload: unknown, type = 'update') => ({ topic: 'Agent', payload, event: { vendor: 'analytics', family: 'Agent', type, known: true, receivedAt: '2024-05-02T08:00:00.000Z' } });
  const junk: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'READY'],
    ['an array', [{ event: { vendor: 'analytics' } }]],
    ['an empty object', {}],
    ['no event', { topic: 'Agent', payload: { dimension: { agentId: S }, measures: { agentState: 'READY' } } }],
    ['another vendor\'s message', { ...analytics({ dimension: { agentId: S }, measures: { agentState: 'READY' } }), event: { vendor: 'finesse', type: 'update' } }],
    ['an unknown message type', analytics({ dimension: { agentId: S }, measures: { agentState: 'READY' } }, 'heartbeat')],
    ['payload null', analytics(null)],
    ['payload a string', analytics('{"dimension":{"agentId":"scollins"}}')],
    ['payload an array on an update', analytics([{ dimension: { agentId: S }, measures: { agentState: 'READY' } }])],
    ['no dimension', analytics({ measures: { agentState: 'READY' } })],
    ['a dimension that is text', analytics({ dimension: 'agentId=scollins', measures: { agentState: 'READY' } })],
    ['an empty agentId', analytics({ dimension: { agentId: '' }, measures: { agentState: 'READY' } })],
    ['an agentId that is not text', analytics({ dimension: { agentId: 7 }, measures: { agentState: 'READY' } })],
    ['measures missing', analytics({ dimension: { agentId: S } })],
    ['measures an array', analytics({ dimension: { agentId: S }, measures: ['READY'] })],
    ['measures of the wrong kinds', analytics({ dimension: { agentId: S }, measures: { agentState: 42, workState: {}, activeWorkCount: '-1', nrReasonCode: [], agentDisplayName: '' } })],
    ['a snapshot whose payload is not a list', analytics({ dimension: { agentId: S }, measures: { agentState: 'READY' } }, 'snapshot')],
    ['a snapshot of junk rows', analytics([null, 3, 'row', { dimension: null }, { dimension: { agentId: S }, measures: null }], 'snapshot')],
    ['the node\'s error output', failureMessage('analytics', '{"dimension": 42}', parseFailure('bad frame'), { name: 'ws', meta: { source: 'x', producers: [] } }, '2024-05-02T08:00:00.000Z')],
  ];
  for (const [what, msg] of junk) {
    it(`${what}: no observation, no exception`, () => {
      assert.deepEqual(createAnalyticsAgentStateMapper().map(msg as never), []);
    });
  }
});

describe('Analytics agent-state mapper: memory', () => {
  const idle = (agentId: string) => agentDelta(agentId, { workState: 'IDLE' });
  const ready = (agentId: string) => agentDelta(agentId, { agentState: 'READY', lastStateChangeTimestamp: stamp(T1) });

  it('remembers at most maxAgents, the least recently heard of dropped first', () => {
    const mapper = createAnalyticsAgentStateMapper({ maxAgents: 2 });
    const node = new MeasuresNode('update');
    for (const agentId of ['a', 'b']) mapper.map(node.message(ready(agentId)));
    mapper.map(node.message(idle('a')));
    mapper.map(node.message(ready('c')));
    assert.equal(mapper.map(node.message(idle('a')))[0]?.state, 'READY', 'a was heard of again and stays');
    assert.equal(mapper.map(node.message(idle('c')))[0]?.state, 'READY');
    assert.deepEqual(mapper.map(node.message(idle('b'))), [], 'b, the least recently heard of, was dropped');
  });

  it('forgets an agent that logs out', () => {
    const mapper = createAnalyticsAgentStateMapper();
    const node = new MeasuresNode('update');
    for (const text of [...PUMPUP, READY, loggedOut('LOGGED_OUT')]) mapper.map(node.message(text));
    assert.deepEqual(mapper.map(node.message(idle(S))), []);
  });

  it('forgets an agent deleted from the stream', () => {
    const mapper = createAnalyticsAgentStateMapper();
    const node = new MeasuresNode('update');
    for (const text of [...PUMPUP, READY, agentDelta(S, {}, { eventAction: 'DELETE' })]) mapper.map(node.message(text));
    assert.deepEqual(mapper.map(node.message(idle(S))), []);
  });

  it('is the analytics vendor\'s mapper', () => {
    assert.equal(createAnalyticsAgentStateMapper().vendor, 'analytics');
  });
});
