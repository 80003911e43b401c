import assert from 'node:assert/strict';
import type { AgentObservation, AgentSourceMessage } from '../../nodes/agent/model';
import { createGenesysAgentStateMapper, GenesysAgentStateMapper } from '../../nodes/genesys/agent-state-mapper';
import { parseGenesysEvent } from '../../nodes/genesys/schema';
import { everyEventRecords, GenesysSimulator } from '../../nodes/genesys/simulator';
import { eventMessage, failureMessage, type Transport } from '../../nodes/shared/message';

type Rec = Record<string, unknown>;

const KAFKA_MS = 1732186900000;
const RECEIVED_AT = '2024-11-21T11:01:40.500Z';

function transport(key: string | null): Transport {
  return { name: 'kafka', meta: { topic: 'voice-agentstate', partition: 0, offset: '0', key, timestamp: KAFKA_MS, headers: {} } };
}

/** What cc-genesys-agentstate sends for one record: the vendor parser, then the shared message builder. */
function genesysMessage(record: Rec | string, key: string | null = null): AgentSourceMessage {
  const text = typeof record === 'string' ? record : JSON.stringify(record);
  const parsed = parseGenesysEvent(text, KAFKA_MS);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.message}`);
  return eventMessage('genesys', parsed, transport(key), RECEIVED_AT);
}

const time = (seconds: number, useconds = 0) => ({ seconds, useconds });
const AT = time(1732186800, 250000);
const AT_ISO = '2024-11-21T11:00:00.250000Z';
const AGENT = { Server: 65200, ThisDN: '5001', AgentID: '1001', time: AT };

const login = (queue = '8000', extra: Rec = {}): Rec => ({ id: 'EventAgentLogin', ...AGENT, ThisQueue: queue, ...extra });
const ready = (extra: Rec = {}): Rec => ({ id: 'EventAgentReady', ...AGENT, AgentWorkMode: 'ManualIn', ...extra });
const notReady = (extra: Rec = {}): Rec => ({ id: 'EventAgentNotReady', ...AGENT, ...extra });
const logout = (extra: Rec = {}): Rec => ({ id: 'EventAgentLogout', ...AGENT, ThisQueue: '8000', ...extra });
/** The tables of EventAgentReady / EventAgentNotReady do not list AgentID; a producer may leave it out. */
const withoutAgent = (record: Rec): Rec => {
  const { AgentID: _omitted, ...rest } = record;
  return rest;
};

const seen = (state: AgentObservation['state'], native: AgentObservation['native'], more: Partial<AgentObservation> = {}): AgentObservation => ({
  agentId: '1001', state, reason: null, native, extension: '5001', eventTime: AT_ISO, ...more,
});

interface Row {
  rule: string;
  /** Records the mapper sees first (bindings it learns). */
  before?: Rec[];
  record: Rec;
  key?: string | null;
  expected: AgentObservation[];
}

const ROWS: Row[] = [
  {
    rule: 'EventAgentLogin: logged in, readiness not told → UNKNOWN',
    record: login(),
    expected: [seen('UNKNOWN', { type: 'EventAgentLogin' })],
  },
  {
    rule: 'EventAgentLogin with a hardware ReasonCode in Extensions → UNKNOWN with that reason',
    record: login('8000', { Extensions: { ReasonCode: 'DeviceOutOfService' } }),
    expected: [seen('UNKNOWN', { type: 'EventAgentLogin' }, { reason: { code: 'DeviceOutOfService' } })],
  },
  {
    rule: 'EventAgentReady → READY, reason cleared, work mode in native',
    record: ready({ Reasons: { ReasonCode: 'Back' } }),
    expected: [seen('READY', { type: 'EventAgentReady', state: 'ManualIn' })],
  },
  {
    rule: 'EventAgentReady with work mode ordinal 2 → READY, AutoIn',
    record: ready({ AgentWorkMode: 2 }),
    expected: [seen('READY', { type: 'EventAgentReady', state: 'AutoIn' })],
  },
  {
    rule: 'EventAgentNotReady AfterCallWork → WRAP_UP',
    record: notReady({ AgentWorkMode: 'AfterCallWork' }),
    expected: [seen('WRAP_UP', { type: 'EventAgentNotReady', state: 'AfterCallWork' })],
  },
  {
    rule: 'EventAgentNotReady AuxWork with Reasons.ReasonCode → NOT_READY with the reason',
    record: notReady({ AgentWorkMode: 'AuxWork', Reasons: { ReasonCode: 'Break' } }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'AuxWork' }, { reason: { code: 'Break' } })],
  },
  ...['WalkAway', 'NoCallDisconnect', 'ReturnBack', 'Unknown'].map((mode): Row => ({
    rule: `EventAgentNotReady ${mode} → NOT_READY, mode in native`,
    record: notReady({ AgentWorkMode: mode }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: mode })],
  })),
  {
    rule: 'EventAgentNotReady with work mode ordinal 2 → NOT_READY, LegalGuard',
    record: notReady({ AgentWorkMode: 2 }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'LegalGuard' })],
  },
  {
    rule: 'EventAgentNotReady with a work mode the parser does not know → NOT_READY, the mode as given',
    record: notReady({ AgentWorkMode: 'Coaching' }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'Coaching' })],
  },
  {
    rule: 'EventAgentNotReady without work mode, hardware reason in Extensions → NOT_READY with that reason',
    record: notReady({ Extensions: { ReasonCode: 'DeviceOutOfService' } }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady' }, { reason: { code: 'DeviceOutOfService' } })],
  },
  {
    rule: 'EventAgentNotReady with both: the reason in Reasons wins over the hardware one',
    record: notReady({ AgentWorkMode: 'AuxWork', Reasons: { ReasonCode: 'Lunch' }, Extensions: { ReasonCode: 'DeviceOutOfService' } }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'AuxWork' }, { reason: { code: 'Lunch' } })],
  },
  {
    rule: 'EventAgentNotReady with Reasons as pairs, another spelling of the key and a numeric code',
    record: notReady({ AgentWorkMode: 'AuxWork', Reasons: [{ key: 'reason_code', value: 42 }] }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'AuxWork' }, { reason: { code: '42' } })],
  },
  {
    rule: 'EventAgentNotReady with Reasons but no ReasonCode → reason cleared',
    record: notReady({ AgentWorkMode: 'AuxWork', Reasons: { Source: 'desktop' } }),
    expected: [seen('NOT_READY', { type: 'EventAgentNotReady', state: 'AuxWork' })],
  },
  {
    rule: 'EventAgentLogout with Reasons.ReasonCode → LOGGED_OUT with the reason',
    record: logout({ Reasons: { ReasonCode: 'EndOfShift' } }),
    expected: [seen('LOGGED_OUT', { type: 'EventAgentLogout' }, { reason: { code: 'EndOfShift' } })],
  },
  {
    rule: 'EventAgentLogout without a reason → LOGGED_OUT, reason cleared',
    record: logout(),
    expected: [seen('LOGGED_OUT', { type: 'EventAgentLogout' })],
  },
  {
    rule: 'EventAgentReady without AgentID → the agent logged in on ThisDN',
    before: [login()],
    record: withoutAgent(ready()),
    expected: [seen('READY', { type: 'EventAgentReady', state: 'ManualIn' })],
  },
  {
    rule: 'EventAgentNotReady without AgentID or binding → the agent part of the Kafka key',
    record: withoutAgent(notReady({ AgentWorkMode: 'AfterCallWork' })),
    key: 'acme:1002',
    expected: [seen('WRAP_UP', { type: 'EventAgentNotReady', state: 'AfterCallWork' }, { agentId: '1002' })],
  },
  {
    rule: 'an agent event without `time` carries no eventTime (the Kafka time is no vendor time)',
    record: withoutTime(ready()),
    expected: [seen('READY', { type: 'EventAgentReady', state: 'ManualIn' }, { eventTime: undefined })],
  },
];

function withoutTime(record: Rec): Rec {
  const { time: _omitted, ...rest } = record;
  return rest;
}

/** assert.deepEqual tells a missing member from one set to undefined; the contract does not. */
function defined(observations: AgentObservation[]): AgentObservation[] {
  return observations.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as AgentObservation);
}

function mapAll(mapper: GenesysAgentStateMapper, records: Rec[], key: string | null = null): AgentObservation[][] {
  return records.map((record) => mapper.map(genesysMessage(record, key)));
}

describe('Genesys agent-state mapper', () => {
  describe('one row per rule', () => {
    for (const row of ROWS) {
      it(row.rule, () => {
        const mapper = createGenesysAgentStateMapper();
        mapAll(mapper, row.before ?? []);
        assert.deepEqual(defined(mapper.map(genesysMessage(row.record, row.key ?? null))), defined(row.expected));
      });
    }
  });

  describe('messages that say nothing about an agent', () => {
    it('maps every DN event to nothing, even on a DN with an agent logged in', () => {
      const mapper = createGenesysAgentStateMapper();
      const records = everyEventRecords();
      const mapped = records.map((record) => [record.id, mapper.map(genesysMessage(record.value, record.key)).length] as const);
      assert.deepEqual(mapped, [
        ['EventAgentLogin', 1], ['EventAgentLogout', 1], ['EventAgentReady', 1], ['EventAgentNotReady', 1],
        ['EventDNOutOfService', 0], ['EventDNBackInService', 0], ['EventDNDOn', 0], ['EventDNDOff', 0],
        ['EventForwardSet', 0], ['EventForwardCancel', 0], ['EventOffHook', 0], ['EventOnHook', 0],
        ['EventMuteOn', 0], ['EventMuteOff', 0],
      ]);
      mapper.map(genesysMessage(login()));
      for (const record of records.slice(4)) assert.deepEqual(mapper.map(genesysMessage(record.value, record.key)), [], record.id);
    });

    it('maps a second EventAgentLogin of the agent on the same DN (another queue) to nothing', () => {
      const mapper = createGenesysAgentStateMapper();
      const [first, second, afterReady] = mapAll(mapper, [login('8000'), login('8001'), ready()]);
      assert.equal(first[0].state, 'UNKNOWN');
      assert.deepEqual(second, []);
      assert.equal(afterReady[0].state, 'READY');
      assert.deepEqual(mapper.map(genesysMessage(login('8002'))), []);
    });

    it('maps a login of the agent on another DN as a login', () => {
      const mapper = createGenesysAgentStateMapper();
      mapAll(mapper, [login(), ready()]);
      const [moved] = mapper.map(genesysMessage(login('8000', { ThisDN: '5002' })));
      assert.equal(moved.state, 'UNKNOWN');
      assert.equal(moved.extension, '5002');
    });

    it('maps an undocumented event (EventQueueLogout) to nothing', () => {
      const mapper = createGenesysAgentStateMapper();
      assert.deepEqual(mapper.map(genesysMessage({ id: 'EventQueueLogout', ...AGENT, ThisQueue: '8000' })), []);
    });

    it('maps an agent event whose agent cannot be resolved to nothing', () => {
      const mapper = createGenesysAgentStateMapper();
      assert.deepEqual(mapper.map(genesysMessage(withoutAgent(ready()))), []);
      assert.deepEqual(mapper.map(genesysMessage(withoutAgent(ready()), 'acme')), []);
    });
  });

  describe('malformed and foreign messages', () => {
    const loginPayload = genesysMessage(login()).payload;
    const failure = failureMessage('genesys', '{not json', { ok: false, message: 'not JSON', issues: [] }, transport(null), RECEIVED_AT);
    const cases: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
      ['a string', 'EventAgentLogin'],
      ['an empty object', {}],
      ['no msg.event', { payload: loginPayload }],
      ['msg.event not an object', { event: 'genesys', payload: loginPayload }],
      ['another vendor', { event: { vendor: 'pom', family: 'agent', type: 'EventAgentLogin' }, payload: loginPayload }],
      ['the error output (raw text)', failure],
      ['a payload array', { event: { vendor: 'genesys' }, payload: [loginPayload] }],
      ['an id that is no string', { event: { vendor: 'genesys' }, payload: { ...(loginPayload as Rec), id: 73 } }],
      ['AgentID and ThisDN of the wrong kinds', { event: { vendor: 'genesys' }, payload: { id: 'EventAgentReady', AgentID: { id: 1 }, ThisDN: 5001 } }],
      ['an inherited member as id', { event: { vendor: 'genesys' }, payload: { id: 'toString', AgentID: '1001' } }],
      ['msg.kafka not an object', { event: { vendor: 'genesys' }, payload: { id: 'EventAgentReady' }, kafka: 'acme:1001' }],
    ];
    for (const [name, msg] of cases) {
      it(`maps ${name} to nothing without throwing`, () => {
        assert.deepEqual(createGenesysAgentStateMapper().map(msg as AgentSourceMessage), []);
      });
    }
  });

  describe('memory', () => {
    it('forgets the agent bound to a DN at its logout', () => {
      const mapper = createGenesysAgentStateMapper();
      mapAll(mapper, [login(), ready(), logout()]);
      assert.deepEqual(mapper.map(genesysMessage(withoutAgent(ready()))), []);
      assert.equal(mapper.map(genesysMessage(login()))[0].state, 'UNKNOWN');
    });

    it('binds the DN to an agent the Kafka key named, for later events without AgentID or key', () => {
      const mapper = createGenesysAgentStateMapper();
      assert.equal(mapper.map(genesysMessage(withoutAgent(login()), 'acme:1003'))[0].agentId, '1003');
      assert.equal(mapper.map(genesysMessage(withoutAgent(ready())))[0].agentId, '1003');
      assert.deepEqual(mapper.map(genesysMessage(withoutAgent(login('8001')), 'acme:1003')), []);
    });

    it('keeps at most 50,000 DN bindings, dropping the oldest', function () {
      this.timeout(120000);
      const mapper = createGenesysAgentStateMapper();
      const dnOf = (i: number) => String(100000 + i);
      for (let i = 0; i <= 50000; i++) mapper.map(genesysMessage(login('8000', { ThisDN: dnOf(i), AgentID: `a${i}` })));
      assert.deepEqual(mapper.map(genesysMessage(withoutAgent(ready({ ThisDN: dnOf(0) })))), []);
      assert.equal(mapper.map(genesysMessage(withoutAgent(ready({ ThisDN: dnOf(1) }))))[0].agentId, 'a1');
      assert.equal(mapper.map(genesysMessage(withoutAgent(ready({ ThisDN: dnOf(50000) }))))[0].agentId, 'a50000');
    });
  });

  describe('streams', () => {
    it('plays the digest example stream as login, not ready, ready, wrap-up, not ready with a reason, logged out', () => {
      const stream = [
        login('8000'), login('8001'), notReady({ AgentWorkMode: 'AuxWork' }), ready(),
        { id: 'EventOffHook', Server: 65200, ThisDN: '5001', ConnID: '006f02a1b3c40001', CallType: 'Inbound', CallState: 'Ok', time: AT },
        { id: 'EventMuteOn', ThisDN: '5001', ConnID: '006f02a1b3c40001', ThisDNRole: 'Destination' },
        { id: 'EventOnHook', Server: 65200, ThisDN: '5001', ConnID: '006f02a1b3c40001', ThisDNRole: 'Destination', time: AT },
        withoutAgent(notReady({ AgentWorkMode: 'AfterCallWork' })),
        notReady({ AgentWorkMode: 'AuxWork', Reasons: { ReasonCode: 'Break' } }),
        logout(),
      ];
      const mapper = createGenesysAgentStateMapper();
      const states = mapAll(mapper, stream, 'acme:1001').flat().map((o) => [o.state, o.reason?.code ?? null]);
      assert.deepEqual(states, [['UNKNOWN', null], ['NOT_READY', null], ['READY', null], ['WRAP_UP', null], ['NOT_READY', 'Break'], ['LOGGED_OUT', null]]);
    });

    it('follows a simulated mixed-dialect stream: one login per session, agents as the key names them', () => {
      const sim = new GenesysSimulator({ agents: 6, dialect: 'mixed', malformedShare: 0.02, unknownShare: 0.02, seed: 3, startTimeMs: KAFKA_MS });
      const mapper = createGenesysAgentStateMapper();
      const lastState = new Map<string, string>();
      let mapped = 0;
      for (let i = 0; i < 6000; i++) {
        const record = sim.next();
        const parsed = parseGenesysEvent(record.value, record.timestamp);
        const msg = parsed.ok
          ? eventMessage('genesys', parsed, transport(record.key), RECEIVED_AT)
          : failureMessage('genesys', record.value, parsed, transport(record.key), RECEIVED_AT);
        const observations = mapper.map(msg);
        if (!parsed.ok || !parsed.type.startsWith('EventAgent') || !parsed.known) {
          assert.deepEqual(observations, [], `record ${i} (${record.kind} ${record.id ?? ''})`);
          continue;
        }
        const agentId = record.key?.split(':')[1] as string;
        const inSession = ![undefined, 'LOGGED_OUT'].includes(lastState.get(agentId));
        if (observations.length === 0) {
          assert.ok(parsed.type === 'EventAgentLogin' && inSession, `record ${i}: ${parsed.type} mapped to nothing`);
          continue;
        }
        assert.equal(observations.length, 1, `record ${i} (${parsed.type})`);
        const [o] = observations;
        assert.equal(o.agentId, agentId);
        // A session opens with one UNKNOWN, however many queues the agent logs in to.
        if (o.state === 'UNKNOWN') assert.ok(!inSession, `record ${i}: login inside a session`);
        lastState.set(o.agentId, o.state as string);
        mapped++;
      }
      assert.ok(mapped > 300, `only ${mapped} agent events mapped`);
    });
  });
});
