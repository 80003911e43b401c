import assert from 'node:assert/strict';
import type { AgentObservation, AgentSourceMessage } from '../../nodes/agent/model';
import { createPomAgentStateMapper } from '../../nodes/pom/agent-state-mapper';
import { defaultPomTopic, familyOfTopic, orgOfTopic, parsePomEvent, type PomFamily } from '../../nodes/pom/schema';
import { everyFamilyRecords, PomSimulator } from '../../nodes/pom/simulator';
import { eventMessage, failureMessage, type Transport } from '../../nodes/shared/message';
import { AGENT_CALL_STATE, AGENT_JOB_STATE, AGENT_NAIL_STATE, AGENT_OPERATION, AGENT_STATE } from './fixtures/records';

type Rec = Record<string, unknown>;

const KAFKA_MS = 1718287261000;
const RECEIVED_AT = '2024-06-13T14:01:01.500Z';
const STATE_AT = '2024-06-13T14:00:59.990Z';
const SERVER_AT = '2024-06-13T14:01:00.000Z';

function transport(topic: string, key: string | null): Transport {
  return { name: 'kafka', meta: { topic, partition: 0, offset: '0', key, timestamp: KAFKA_MS, headers: {} } };
}

/** What cc-pom-events sends for one record of a topic: the vendor parser, the topic's org, the shared message builder. */
function pomMessage(topic: string, record: Rec | string, key: string | null = null): AgentSourceMessage {
  const family = familyOfTopic(topic) as PomFamily;
  const parsed = parsePomEvent(family, typeof record === 'string' ? record : JSON.stringify(record), KAFKA_MS);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.message}`);
  const details = parsed.details ?? (parsed.details = {});
  details.org = orgOfTopic(topic) ?? details.org ?? null;
  return eventMessage('pom', parsed, transport(topic, key), RECEIVED_AT);
}

const AGENT_TOPIC = defaultPomTopic('AGENT', 'Default');
const agentMessage = (record: Rec) => pomMessage(AGENT_TOPIC, record, '5001');

/** An AgentStateEvent of the fixture agent, fields as the document lists them. */
const stateEvent = (state: unknown, extra: Rec = {}): Rec => ({
  ...AGENT_STATE,
  agentEventType: { state, logoutReasonCode: '', notReadyReasonCode: null, previousAgentState: 'READY', timestamp: 1718287259990, ...extra },
});
const callEvent = (callState: unknown, extra: Rec = {}): Rec => ({
  ...AGENT_CALL_STATE,
  agentEventType: { ...AGENT_CALL_STATE.agentEventType, callState, ...extra },
});

const seen = (type: string, state: string, more: Partial<AgentObservation>): AgentObservation => ({
  agentId: '5001', name: 'Alice Smith', extension: '4001', eventTime: STATE_AT, native: { type, state }, ...more,
});
const agentState = (state: string, more: Partial<AgentObservation>) => seen('AgentStateEvent', state, more);
const callState = (state: string, more: Partial<AgentObservation>) => seen('AgentCallStateEvent', state, more);

interface Row {
  rule: string;
  record: Rec;
  expected: AgentObservation[];
}

const ROWS: Row[] = [
  { rule: 'LOGGED_IN → NOT_READY (the document: not ready by default after login), no contact', record: stateEvent('LOGGED_IN'),
    expected: [agentState('LOGGED_IN', { state: 'NOT_READY', reason: null, contacts: 0 })] },
  { rule: 'READY → READY, reason cleared', record: stateEvent('READY'), expected: [agentState('READY', { state: 'READY', reason: null })] },
  { rule: 'BUSY → BUSY', record: stateEvent('BUSY'), expected: [agentState('BUSY', { state: 'BUSY', reason: null })] },
  { rule: 'WORK_NOT_READY → WRAP_UP', record: stateEvent('WORK_NOT_READY'), expected: [agentState('WORK_NOT_READY', { state: 'WRAP_UP', reason: null })] },
  { rule: 'NOT_READY with notReadyReasonCode → NOT_READY with the reason', record: stateEvent('NOT_READY', { notReadyReasonCode: 'Lunch' }),
    expected: [agentState('NOT_READY', { state: 'NOT_READY', reason: { code: 'Lunch' } })] },
  { rule: 'NOT_READY without a reason code → NOT_READY, reason cleared', record: stateEvent('NOT_READY', { notReadyReasonCode: '' }),
    expected: [agentState('NOT_READY', { state: 'NOT_READY', reason: null })] },
  { rule: 'NOT_READY as agent statistics print it (Not_ready) → NOT_READY', record: stateEvent('Not_ready', { notReadyReasonCode: 'Break' }),
    expected: [agentState('NOT_READY', { state: 'NOT_READY', reason: { code: 'Break' } })] },
  ...['DESKTOP_CRASHED', 'FORCE_LOGOUT', 'MANUAL_LOGOUT'].map((code): Row => ({
    rule: `LOGGED_OUT with logoutReasonCode ${code} → LOGGED_OUT with the reason, no contact`,
    record: stateEvent('LOGGED_OUT', { logoutReasonCode: code }),
    expected: [agentState('LOGGED_OUT', { state: 'LOGGED_OUT', reason: { code }, contacts: 0 })],
  })),
  { rule: 'LOGGED_OUT with an empty logoutReasonCode → LOGGED_OUT, reason cleared', record: stateEvent('LOGGED_OUT'),
    expected: [agentState('LOGGED_OUT', { state: 'LOGGED_OUT', reason: null, contacts: 0 })] },
  { rule: 'a state the document does not list → UNKNOWN, the word in native', record: stateEvent('AWAY'),
    expected: [agentState('AWAY', { state: 'UNKNOWN', reason: null })] },

  { rule: 'PENDING_CALL (a call being connected to the agent) → RESERVED, one contact', record: callEvent('PENDING_CALL'),
    expected: [callState('PENDING_CALL', { state: 'RESERVED', reason: null, contacts: 1 })] },
  { rule: 'PREVIEW (a record offered for preview) → RESERVED, one contact', record: callEvent('PREVIEW'),
    expected: [callState('PREVIEW', { state: 'RESERVED', reason: null, contacts: 1 })] },
  ...['DIALING', 'ONCALL', 'CALL_HELD', 'CONSULT_INITIATED', 'CONSULT_ANSWERED', 'CONFERENCED', 'CONFERENCE_HELD'].map((word): Row => ({
    rule: `${word} → BUSY, one contact`,
    record: callEvent(word),
    expected: [callState(word, { state: 'BUSY', reason: null, contacts: 1 })],
  })),
  { rule: 'WRAPUP → WRAP_UP, the contact still counted', record: callEvent('WRAPUP'),
    expected: [callState('WRAPUP', { state: 'WRAP_UP', reason: null, contacts: 1 })] },
  { rule: 'WRAPUP_COMPLETE → contact done, state left to the Agent State model', record: callEvent('WRAPUP_COMPLETE'),
    expected: [callState('WRAPUP_COMPLETE', { contacts: 0 })] },
  { rule: 'IDLE → no contact, state left to the Agent State model', record: callEvent('IDLE'), expected: [callState('IDLE', { contacts: 0 })] },
  ...['CONFERENCE_ENDED', 'CALL_TRANSFERRED'].map((word): Row => ({
    rule: `${word} → native only (whether the agent is still on the call is told by the next call state)`,
    record: callEvent(word),
    expected: [callState(word, {})],
  })),
  { rule: 'a call state the document does not list → native only', record: callEvent('RINGING'), expected: [callState('RINGING', {})] },

  { rule: 'without the sub-event timestamp, eventTimeStamp (Kafka server receipt) stands in', record: stateEvent('READY', { timestamp: null }),
    expected: [agentState('READY', { state: 'READY', reason: null, eventTime: SERVER_AT })] },
  { rule: 'without either time, no eventTime', record: { ...stateEvent('READY', { timestamp: null }), eventTimeStamp: null },
    expected: [agentState('READY', { state: 'READY', reason: null, eventTime: undefined })] },
  { rule: 'without agentName and stationId, no name or extension', record: { ...stateEvent('BUSY'), agentName: null, stationId: '' },
    expected: [agentState('BUSY', { state: 'BUSY', reason: null, name: undefined, extension: undefined })] },
];

/** assert.deepEqual tells a missing member from one set to undefined; the contract does not. */
function defined(observations: AgentObservation[]): AgentObservation[] {
  return observations.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as AgentObservation);
}

describe('POM agent-state mapper', () => {
  describe('one row per rule', () => {
    for (const row of ROWS) {
      it(row.rule, () => {
        assert.deepEqual(defined(createPomAgentStateMapper().map(agentMessage(row.record))), defined(row.expected));
      });
    }
  });

  describe('messages that say nothing about an agent', () => {
    const silent: [string, Rec][] = [
      ['AgentJobStateEvent', AGENT_JOB_STATE],
      ['AgentNailStateEvent', AGENT_NAIL_STATE],
      ['AgentOperationEvent', AGENT_OPERATION],
      ['an AGENT record without agentEventType', { ...AGENT_STATE, agentEventType: null }],
      ['an agentEventType of no known kind', { ...AGENT_STATE, agentEventType: { timestamp: 1718287259990 } }],
      ['an AgentStateEvent without agentId', { ...stateEvent('READY'), agentId: null }],
    ];
    for (const [name, record] of silent) {
      it(`maps ${name} to nothing`, () => {
        assert.deepEqual(createPomAgentStateMapper().map(agentMessage(record)), []);
      });
    }

    it('maps every family but AGENT, and the job and nail states of AGENT, to nothing', () => {
      const mapper = createPomAgentStateMapper();
      const mapped = everyFamilyRecords().map((record) => {
        const msg = pomMessage(record.topic, record.value, record.key);
        return [record.family, msg.event?.type, mapper.map(msg).length] as const;
      });
      const speaking = mapped.filter(([, , count]) => count > 0);
      assert.deepEqual(speaking, [['AGENT', 'AgentStateEvent', 1], ['AGENT', 'AgentCallStateEvent', 1]]);
      assert.equal(mapped.length, 18);
    });
  });

  describe('malformed and foreign messages', () => {
    const statePayload = agentMessage(stateEvent('READY')).payload;
    const failure = failureMessage('pom', '{"agentId":', { ok: false, message: 'not JSON', issues: [] }, transport(AGENT_TOPIC, null), RECEIVED_AT);
    const pomEvent = { vendor: 'pom', family: 'AGENT', type: 'AgentStateEvent' };
    const cases: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', 'READY'],
      ['an empty object', {}],
      ['no msg.event', { payload: statePayload }],
      ['another vendor', { event: { ...pomEvent, vendor: 'genesys' }, payload: statePayload }],
      ['another family with an agent payload', { event: { ...pomEvent, family: 'AGENT_STATISTICS' }, payload: statePayload }],
      ['the error output (raw text)', failure],
      ['a payload array', { event: pomEvent, payload: [statePayload] }],
      ['agentEventType not an object', { event: pomEvent, payload: { agentId: '5001', agentEventType: 'READY' } }],
      ['an agentId that is no string', { event: pomEvent, payload: { agentId: 5001, agentEventType: { state: 'READY' } } }],
      ['a state of the wrong kind', { event: pomEvent, payload: { agentId: '5001', agentEventType: { state: { name: 'READY' } } } }],
    ];
    for (const [name, msg] of cases) {
      it(`maps ${name} to nothing without throwing`, () => {
        assert.deepEqual(createPomAgentStateMapper().map(msg as AgentSourceMessage), []);
      });
    }

    it('reads a state named like an Object member as an unlisted state', () => {
      const msg = { event: pomEvent, payload: { agentId: '5001', agentEventType: { state: 'toString' } } };
      assert.deepEqual(createPomAgentStateMapper().map(msg), [{ agentId: '5001', state: 'UNKNOWN', reason: null, native: { type: 'AgentStateEvent', state: 'toString' } }]);
    });
  });

  describe('memory', () => {
    it('keeps none: a message maps the same whatever came before', () => {
      const mapper = createPomAgentStateMapper();
      const probe = agentMessage(callEvent('ONCALL'));
      const first = mapper.map(probe);
      for (let i = 0; i < 1000; i++) mapper.map(agentMessage({ ...stateEvent('LOGGED_OUT'), agentId: `a${i}` }));
      assert.deepEqual(mapper.map(probe), first);
    });
  });

  describe('streams', () => {
    it('plays login, ready, offer, talk, hold, wrap-up, not ready with a reason, logout', () => {
      const steps: Rec[] = [
        stateEvent('LOGGED_IN'), { ...AGENT_NAIL_STATE, agentEventType: { nailState: 'UNNAILED' } }, stateEvent('NOT_READY'),
        { ...AGENT_JOB_STATE, agentEventType: { jobState: 'JOBDETACHED' } }, stateEvent('READY'),
        { ...AGENT_JOB_STATE, agentEventType: { jobState: 'JOBATTACHED', pacingType: 'Progressive' } },
        callEvent('PENDING_CALL'), callEvent('ONCALL'), stateEvent('BUSY'), callEvent('CALL_HELD'), callEvent('ONCALL'),
        callEvent('WRAPUP'), stateEvent('WORK_NOT_READY'), callEvent('WRAPUP_COMPLETE'), callEvent('IDLE'), stateEvent('READY'),
        stateEvent('NOT_READY', { notReadyReasonCode: 'Break' }), stateEvent('LOGGED_OUT', { logoutReasonCode: 'MANUAL_LOGOUT' }),
      ];
      const mapper = createPomAgentStateMapper();
      const sequence = steps.flatMap((record) => mapper.map(agentMessage(record)))
        .map((o) => [o.native.state, o.state ?? '-', o.reason?.code ?? '-', o.contacts ?? '-'].join(' '));
      assert.deepEqual(sequence, [
        'LOGGED_IN NOT_READY - 0', 'NOT_READY NOT_READY - -', 'READY READY - -',
        'PENDING_CALL RESERVED - 1', 'ONCALL BUSY - 1', 'BUSY BUSY - -', 'CALL_HELD BUSY - 1', 'ONCALL BUSY - 1',
        'WRAPUP WRAP_UP - 1', 'WORK_NOT_READY WRAP_UP - -', 'WRAPUP_COMPLETE - - 0', 'IDLE - - 0', 'READY READY - -',
        'NOT_READY NOT_READY Break -', 'LOGGED_OUT LOGGED_OUT MANUAL_LOGOUT 0',
      ]);
    });

    it('maps two simulated hours of AGENT records: each agent or call state once, all of them documented', function () {
      this.timeout(120000);
      const sim = new PomSimulator({ agents: 6, seed: 5, startTimeMs: KAFKA_MS, malformedShare: 0.01, dateStyle: 'mixed', keyStyle: 'printed' });
      const mapper = createPomAgentStateMapper();
      const words = new Set<string>();
      for (const record of sim.advanceBy(2 * 3600000)) {
        if (record.family !== 'AGENT') continue;
        const parsed = parsePomEvent('AGENT', record.value, record.timestamp);
        const msg = parsed.ok
          ? eventMessage('pom', parsed, transport(record.topic, record.key), RECEIVED_AT)
          : failureMessage('pom', record.value, parsed, transport(record.topic, record.key), RECEIVED_AT);
        const observations = mapper.map(msg);
        const speaks = parsed.ok && (parsed.type === 'AgentStateEvent' || parsed.type === 'AgentCallStateEvent');
        assert.equal(observations.length, speaks ? 1 : 0, parsed.ok ? parsed.type : 'malformed');
        for (const o of observations) {
          assert.equal(o.agentId, record.key);
          assert.notEqual(o.state, 'UNKNOWN', `undocumented ${o.native.type} ${o.native.state}`);
          words.add(`${o.native.type === 'AgentStateEvent' ? 'S' : 'C'} ${o.native.state}`);
        }
      }
      assert.deepEqual([...words].sort(), [
        'C CALL_HELD', 'C CALL_TRANSFERRED', 'C CONFERENCED', 'C CONFERENCE_ENDED', 'C CONFERENCE_HELD', 'C CONSULT_ANSWERED',
        'C CONSULT_INITIATED', 'C DIALING', 'C IDLE', 'C ONCALL', 'C PENDING_CALL', 'C PREVIEW', 'C WRAPUP', 'C WRAPUP_COMPLETE',
        'S BUSY', 'S LOGGED_IN', 'S LOGGED_OUT', 'S NOT_READY', 'S READY', 'S WORK_NOT_READY',
      ]);
    });
  });
});
