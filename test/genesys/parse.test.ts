import assert from 'node:assert/strict';
import type { ParsedEvent, ParseFailure } from '../../nodes/shared/parse-result';
import {
  EVENT_SCHEMAS, GENESYS_EVENT_IDS, GenesysEventSchema, genesysFamily, parseGenesysEvent,
  type GenesysDetails, type GenesysEvent, type GenesysEventId,
} from '../../nodes/genesys/schema';
import { conformsToSchema } from '../../nodes/genesys/schema/events';
import { BAD_TIMES, ENUM_FORMS, RECORD_FAILURES, SCHEMA_PROBES, TIME_FORMS, USER_DATA, USER_DATA_FORMS } from './fixtures/dialects';
import { CANONICAL_STREAM, DIGEST_EXAMPLES, FULL_EVENTS } from './fixtures/records';

const KAFKA_MS = 1732186815123;

function parsed(record: string | object, fallbackMs?: number): ParsedEvent<GenesysEvent> & { details: GenesysDetails } {
  const result = parseGenesysEvent(typeof record === 'string' ? record : JSON.stringify(record), fallbackMs);
  if (!result.ok) assert.fail(`expected ok, got: ${result.message}`);
  return result as ParsedEvent<GenesysEvent> & { details: GenesysDetails };
}

function rejected(record: string | object): ParseFailure {
  const result = parseGenesysEvent(typeof record === 'string' ? record : JSON.stringify(record));
  if (result.ok) assert.fail(`expected a failure, got ${result.type}`);
  assert.ok(result.message.length < 300, `message too long: ${result.message.length}`);
  assert.ok(result.issues.length > 0);
  return result;
}

/** A timed agent event with one attribute replaced or added. */
function ready(extra: Record<string, unknown>): Record<string, unknown> {
  return { id: 'EventAgentReady', Server: '1', ThisDN: '5001', AgentWorkMode: 'ManualIn', time: { seconds: 1732186800, useconds: 0 }, ...extra };
}

function payloadOf(extra: Record<string, unknown>, id = 'EventAgentReady'): GenesysEvent {
  return parsed({ ...ready(extra), id }).payload;
}

describe('Genesys event ids and families', () => {
  it('lists the 14 documented events in the vendor page order', () => {
    assert.deepEqual([...GENESYS_EVENT_IDS], [
      'EventAgentLogin', 'EventAgentLogout', 'EventAgentReady', 'EventAgentNotReady', 'EventDNOutOfService',
      'EventDNBackInService', 'EventDNDOn', 'EventDNDOff', 'EventForwardSet', 'EventForwardCancel',
      'EventOffHook', 'EventOnHook', 'EventMuteOn', 'EventMuteOff',
    ]);
  });

  it('groups them into families and puts anything else in "other"', () => {
    assert.deepEqual(GENESYS_EVENT_IDS.map(genesysFamily), [
      'agent', 'agent', 'agent', 'agent', 'dn-service', 'dn-service', 'dnd', 'dnd', 'forward', 'forward', 'hook', 'hook', 'mute', 'mute',
    ]);
    assert.equal(genesysFamily('EventQueueLogout'), 'other');
  });
});

describe('parseGenesysEvent: canonical records', () => {
  it('parses the digest example stream without warnings', () => {
    const results = CANONICAL_STREAM.map((line) => parsed(line, KAFKA_MS));
    assert.deepEqual(results.map((r) => r.type), CANONICAL_STREAM.map((line) => JSON.parse(line).id));
    for (const r of results) {
      assert.deepEqual(r.warnings, [], r.type);
      assert.equal(r.known, true);
      assert.equal(r.details.timeSource, r.family === 'mute' ? 'kafka' : 'event');
    }
    const offHook = results[4].payload;
    assert.deepEqual(offHook, {
      id: 'EventOffHook', Server: '65200', ThisDN: '5001', ConnID: '006f02a1b3c40001', CallID: '1234567',
      CallType: 'Inbound', CallState: 'Ok', time: { seconds: 1732186830, useconds: 250000 },
    });
    assert.equal(results[10].details.eventTime, '2024-11-21T11:03:20.000005Z');
    assert.equal(results[5].details.eventTime, '2024-11-21T11:00:15.123000Z');
    assert.equal(results[5].details.epochMs, KAFKA_MS);
  });

  it('parses the other digest examples', () => {
    const [notReady, oos, forward, offHook, muteOn] = DIGEST_EXAMPLES.map((text) => parsed(text));
    assert.deepEqual(notReady.payload.Reasons, { ReasonCode: 'Break' });
    assert.equal(notReady.details.eventTime, '2024-11-21T11:00:15.250314Z');
    assert.equal(notReady.details.epochMs, 1732186815250);
    assert.equal(oos.family, 'dn-service');
    assert.equal(oos.details.timeSource, 'received');
    assert.ok(Math.abs(oos.details.epochMs - Date.now()) < 5000);
    assert.equal(forward.payload.InfoStatus, 'CallForwardingStatus');
    assert.deepEqual(offHook.payload.UserData, { Segment: 'Gold', CaseRef: 771 });
    assert.deepEqual(muteOn.warnings, []);
  });

  for (const id of GENESYS_EVENT_IDS) {
    it(`returns ${id} with every tabled attribute unchanged`, () => {
      const result = parsed(FULL_EVENTS[id], KAFKA_MS);
      assert.equal(result.type, id);
      assert.equal(result.family, genesysFamily(id));
      assert.deepEqual(result.warnings, []);
      assert.deepEqual(result.payload, FULL_EVENTS[id]);
    });
  }
});

describe('parseGenesysEvent: time', () => {
  for (const [name, time, iso] of TIME_FORMS) {
    it(`accepts ${name}`, () => {
      const result = parsed(ready({ time }));
      assert.equal(result.details.eventTime, iso);
      assert.equal(result.details.timeSource, 'event');
      assert.deepEqual(result.payload.time, { seconds: Math.floor(Date.parse(iso) / 1000), useconds: Number(iso.slice(20, 26)) });
    });
  }

  it('accepts the flattened TimeinSecs / TimeinuSecs members and drops them from the payload', () => {
    const { time: _, ...rest } = ready({});
    const result = parsed({ ...rest, TimeinSecs: 1732186800, TimeinuSecs: 7 });
    assert.deepEqual(result.payload.time, { seconds: 1732186800, useconds: 7 });
    assert.equal('TimeinSecs' in result.payload, false);
  });

  it('carries a million or more microseconds into seconds with a warning', () => {
    const result = parsed(ready({ time: { seconds: 10, useconds: 2_500_000 } }));
    assert.deepEqual(result.payload.time, { seconds: 12, useconds: 500_000 });
    assert.match(result.warnings.join('\n'), /carried/);
  });

  it('falls back to the Kafka timestamp, else the receive time, when the event has none', () => {
    const mute = { id: 'EventMuteOn', ThisDN: '5001', ConnID: 'ab', ThisDNRole: 'Destination' };
    const fromKafka = parsed(mute, KAFKA_MS);
    assert.deepEqual(fromKafka.details, { eventTime: '2024-11-21T11:00:15.123000Z', epochMs: KAFKA_MS, timeSource: 'kafka' });
    assert.equal('time' in fromKafka.payload, false);
    const before = Date.now();
    const received = parsed(mute);
    assert.equal(received.details.timeSource, 'received');
    assert.ok(received.details.epochMs >= before && received.details.epochMs <= Date.now());
    assert.equal(received.details.eventTime, `${new Date(received.details.epochMs).toISOString().slice(0, -1)}000Z`);
  });

  for (const [name, time] of BAD_TIMES) {
    it(`rejects time as ${name} at path ["time"]`, () => {
      const failure = rejected(ready({ time }));
      assert.deepEqual(failure.issues[0].path, ['time']);
      assert.match(failure.message, /^EventAgentReady was rejected: time: /);
    });
  }
});

describe('parseGenesysEvent: enumerations', () => {
  for (const [attribute, given, expected] of ENUM_FORMS) {
    it(`maps ${attribute} ${JSON.stringify(given)} to ${expected}`, () => {
      const result = parsed(ready({ [attribute]: given }));
      assert.equal(result.payload[attribute], expected);
      assert.deepEqual(result.warnings, []);
    });
  }

  it('reads AgentWorkMode 2 as AutoIn on EventAgentReady and LegalGuard on EventAgentNotReady', () => {
    assert.equal(payloadOf({ AgentWorkMode: 2 }).AgentWorkMode, 'AutoIn');
    assert.equal(payloadOf({ AgentWorkMode: 2 }, 'EventAgentNotReady').AgentWorkMode, 'LegalGuard');
    const login = parsed({ ...ready({ AgentWorkMode: 2 }), id: 'EventAgentLogin' });
    assert.equal(login.payload.AgentWorkMode, 2);
    assert.match(login.warnings.join('\n'), /ambiguous/);
  });

  it('keeps unknown values as given with a warning', () => {
    const result = parsed(ready({ AgentWorkMode: 'Lunching', CallState: 77 }));
    assert.equal(result.payload.AgentWorkMode, 'Lunching');
    assert.equal(result.payload.CallState, 77);
    assert.equal(result.warnings.length, 2);
  });

  it('rejects an enumeration that is an object', () => {
    const failure = rejected(ready({ ThisDNRole: { name: 'Destination' } }));
    assert.deepEqual(failure.issues[0].path, ['ThisDNRole']);
    assert.match(failure.issues[0].message, /expected a name or an integer \(got object\)/);
  });
});

describe('parseGenesysEvent: key-value lists', () => {
  for (const [name, value] of USER_DATA_FORMS) {
    it(`accepts UserData as ${name}`, () => {
      const result = parsed({ id: 'EventOffHook', Server: '1', ThisDN: '5001', time: 1732186800, UserData: value });
      assert.deepEqual(result.payload.UserData, USER_DATA);
      assert.deepEqual(result.warnings, []);
    });
  }

  it('keeps the last of duplicate keys and warns', () => {
    const result = parsed(ready({ Reasons: [['ReasonCode', 'Break'], ['ReasonCode', 'Lunch']], Extensions: [] }));
    assert.deepEqual(result.payload.Reasons, { ReasonCode: 'Lunch' });
    assert.deepEqual(result.payload.Extensions, {});
    assert.match(result.warnings.join('\n'), /Reasons has key "ReasonCode" more than once/);
  });

  it('rejects other shapes with the path of the offending part', () => {
    assert.deepEqual(rejected(ready({ UserData: 5 })).issues[0].path, ['UserData']);
    assert.deepEqual(rejected(ready({ Extensions: 'plain text' })).issues[0].path, ['Extensions']);
    assert.deepEqual(rejected(ready({ Reasons: [['a', 1], 'b'] })).issues[0].path, ['Reasons', 1]);
    assert.match(rejected(ready({ UserData: 5 })).message, /UserData: expected a key-value list/);
  });
});

describe('parseGenesysEvent: member names and identifiers', () => {
  for (const spelling of ['AgentID', 'Agent ID', 'AgentId', 'agentId', 'agent_id', 'AGENT-ID']) {
    it(`reads "${spelling}" as AgentID`, () => {
      const payload = payloadOf({ [spelling]: '1001' });
      assert.equal(payload.AgentID, '1001');
      assert.equal(Object.keys(payload).filter((k) => /agent.?id/i.test(k)).length, 1);
    });
  }

  it('folds WorkMode and other spellings of the 23 attribute names', () => {
    const { AgentWorkMode: _, ThisDN: __, ...rest } = ready({});
    const payload = parsed({ ...rest, WorkMode: 'AuxWork', this_dn: '5001', 'THIS QUEUE': '8000', 'customer-id': 'acme' }).payload;
    assert.deepEqual([payload.AgentWorkMode, payload.ThisDN, payload.ThisQueue, payload.CustomerID], ['AuxWork', '5001', '8000', 'acme']);
  });

  it('prefers the canonical spelling and keeps a second spelling under its own name', () => {
    const result = parsed(ready({ agentId: 'old', AgentID: '1001' }));
    assert.equal(result.payload.AgentID, '1001');
    assert.equal(result.payload.agentId, 'old');
    assert.equal(result.warnings.length, 1);
  });

  it('keeps unknown members as they are', () => {
    const payload = payloadOf({ Vendor: { nested: [1, 2] }, flag: false, nothing: null });
    assert.deepEqual([payload.Vendor, payload.flag, payload.nothing], [{ nested: [1, 2] }, false, null]);
    const proto = parsed('{"id":"EventDNDOn","ThisDN":"1","__proto__":{"polluted":true}}').payload;
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value, { polluted: true });
  });

  it('converts numeric identifiers to strings, with a warning only where leading zeros matter', () => {
    const result = parsed({ id: 'EventOnHook', Server: 65200, ThisDN: 5001, CallID: 1234567, NetworkCallID: 9, NetworkNodeID: 7, ThisTrunk: 42, ConnID: 123, time: 1 });
    const p = result.payload;
    assert.deepEqual([p.Server, p.ThisDN, p.CallID, p.NetworkCallID, p.NetworkNodeID, p.ThisTrunk, p.ConnID], ['65200', '5001', '1234567', '9', '7', '42', '123']);
    assert.deepEqual(result.warnings.length, 1);
    assert.match(result.warnings[0], /ThisDN was the number 5001/);
  });

  it('treats CallID 0, null and "" members as absent', () => {
    for (const CallID of [0, '0']) assert.equal('CallID' in payloadOf({ CallID }, 'EventOffHook'), false);
    const result = parsed(ready({ ThisDN: null, AgentID: '', Server: {} }));
    assert.equal('ThisDN' in result.payload || 'AgentID' in result.payload || 'Server' in result.payload, false);
    assert.deepEqual(result.details.missingMandatory, ['Server', 'ThisDN']);
  });

  it('normalises ReferenceID to a number, keeping a non-numeric string with a warning', () => {
    assert.equal(payloadOf({ ReferenceID: '42' }).ReferenceID, 42);
    const result = parsed(ready({ ReferenceID: 'req-7' }));
    assert.equal(result.payload.ReferenceID, 'req-7');
    assert.match(result.warnings[0], /ReferenceID "req-7"/);
  });

  it('lower-cases ConnID and keeps a 64-bit ConnID written as a bare number exact', () => {
    assert.equal(payloadOf({ ConnID: '006F02A1B3C4000A' }, 'EventOffHook').ConnID, '006f02a1b3c4000a');
    const text = '{"id":"EventMuteOn","ThisDN":"5001","ThisDNRole":"Destination","ConnID": 18446744073709551615}';
    const result = parsed(text);
    assert.equal(result.payload.ConnID, '18446744073709551615');
    assert.deepEqual(result.warnings, []);
    const wrapped = parsed(`{"event":{"id":"EventOffHook","conn_id":9007199254740993,"NetworkCallID":12345678901234567890,"UserData":{"ConnID":1}}}`);
    assert.equal(wrapped.payload.ConnID, '9007199254740993');
    assert.equal(wrapped.payload.NetworkCallID, '12345678901234567890');
  });

  it('rejects an identifier that is an object, array or boolean', () => {
    for (const [attribute, value] of [['ThisDN', { dn: 5001 }], ['AgentID', ['1001']], ['Server', true]] as const) {
      const failure = rejected(ready({ [attribute]: value }));
      assert.deepEqual(failure.issues[0].path, [attribute]);
      assert.match(failure.issues[0].message, /^expected a string or number/);
      assert.match(failure.message, new RegExp(`^EventAgentReady was rejected: ${attribute}: expected a string or number`));
    }
  });

  it('passes CallHistory through and rejects a CallHistory that is not an object', () => {
    assert.deepEqual(payloadOf({ CallHistory: { FirstTransfer: { OrigDN: '1' } } }, 'EventOnHook').CallHistory, { FirstTransfer: { OrigDN: '1' } });
    assert.deepEqual(rejected({ id: 'EventOnHook', CallHistory: 3 }).issues[0].path, ['CallHistory']);
  });
});

describe('parseGenesysEvent: event ids, InfoStatus, envelopes', () => {
  it('maps integer T-Library message codes to event names', () => {
    assert.equal(parsed({ id: 75, ThisDN: '1' }).type, 'EventAgentReady');
    assert.equal(parsed({ id: '148', ThisDN: '1' }).type, 'EventDNBackInService');
    const extra = parsed({ id: 152, ThisDN: '1' });
    assert.deepEqual([extra.type, extra.known, extra.family], ['EventQueueLogout', false, 'other']);
    assert.deepEqual(rejected({ id: 999 }).issues[0].path, ['id']);
    assert.match(rejected({ id: 75.5 }).message, /not a known T-Library message code/);
  });

  it('reads the event name from event / eventName when id is absent', () => {
    assert.equal(parsed({ eventName: 'EventDNDOff', ThisDN: '1' }).type, 'EventDNDOff');
  });

  for (const [given, expected] of [
    ['CallForwardingStatus', 'CallForwardingStatus'],
    ['AddressInfoSendAllCallsStatus', 'SendAllCallsStatus'],
    ['call_forwarding_status', 'CallForwardingStatus'],
    ['Unconditional', 'Unconditional'],
  ]) {
    it(`keeps InfoStatus "${given}" as ${expected}`, () => {
      assert.equal(payloadOf({ InfoStatus: given }, 'EventForwardSet').InfoStatus, expected);
    });
  }

  it('accepts InfoStatus as an integer or an object without failing', () => {
    const numeric = parsed({ id: 'EventForwardSet', ThisDN: '1', InfoStatus: 3 });
    assert.equal(numeric.payload.InfoStatus, 3);
    assert.match(numeric.warnings.join('\n'), /InfoStatus 3 is numeric/);
    const object = payloadOf({ InfoStatus: { InfoType: 'AddressInfoCallForwardingStatus', Status: 'OnBusy' }, infoType: 10 }, 'EventForwardSet');
    assert.deepEqual(object.InfoStatus, { InfoType: 'CallForwardingStatus', Status: 'OnBusy' });
    assert.equal(object.InfoType, 'SendAllCallsStatus');
  });

  for (const envelope of ['event', 'data', 'payload']) {
    it(`unwraps the envelope member "${envelope}" and says so`, () => {
      const result = parsed({ schema: 'v1', [envelope]: FULL_EVENTS.EventAgentLogin });
      assert.deepEqual(result.payload, FULL_EVENTS.EventAgentLogin);
      assert.equal(result.details.envelope, envelope);
      assert.deepEqual(result.warnings, [`The event was unwrapped from the envelope member "${envelope}"`]);
    });
  }

  it('does not guess between two candidate envelopes', () => {
    assert.match(rejected({ a: { id: 'EventDNDOn' }, b: { id: 'EventDNDOff' } }).message, /no string event id/);
  });

  it('passes unknown events through as family "other" with generic normalisation', () => {
    const result = parsed({ id: 'EventQueueLogout', 'Agent ID': 1001, ThisDN: '5001', time: '2024-11-21T11:00:00Z', Reasons: [['k', 'v']] });
    assert.deepEqual([result.known, result.family, result.type], [false, 'other', 'EventQueueLogout']);
    assert.deepEqual(result.payload, { id: 'EventQueueLogout', AgentID: '1001', ThisDN: '5001', time: { seconds: 1732186800, useconds: 0 }, Reasons: { k: 'v' } });
  });
});

describe('parseGenesysEvent: mandatory attributes and failures', () => {
  it('warns about missing mandatory attributes without rejecting', () => {
    const readyResult = parsed({ id: 'EventAgentReady', Server: '1', ThisDN: '5001', time: 1 });
    assert.deepEqual(readyResult.warnings, ['EventAgentReady is missing mandatory attribute AgentWorkMode']);
    const mute = parsed({ id: 'EventMuteOff', ThisDN: '5001' });
    assert.deepEqual(mute.details.missingMandatory, ['ConnID', 'ThisDNRole']);
    assert.equal(mute.warnings.length, 2);
  });

  it('strips a UTF-8 byte order mark', () => {
    assert.equal(parsed(`\uFEFF${CANONICAL_STREAM[0]}`).type, 'EventAgentLogin');
  });

  for (const [name, text, pattern, path] of RECORD_FAILURES) {
    it(`rejects ${name}`, () => {
      const failure = rejected(text);
      assert.match(failure.message, pattern);
      assert.deepEqual(failure.issues[0].path, path);
    });
  }

  it('keeps failure messages short however large the record', () => {
    const big = 'x'.repeat(100_000);
    for (const text of [`{"${big}":1}`, `{"id":"${big}","ThisDN":{}, "UserData": 1}`, `${big}{`, JSON.stringify(ready({ time: big }))]) {
      assert.ok(rejected(text).message.length < 300);
    }
  });

  it('reports every issue and counts the extra ones in the message', () => {
    const failure = rejected(ready({ ThisDN: { a: 1 }, AgentID: true }));
    assert.deepEqual(failure.issues.map((i) => i.path), [['ThisDN'], ['AgentID']]);
    assert.match(failure.message, /\(and 1 more problem\)$/);
  });
});

describe('parseGenesysEvent: the zod fast path', () => {
  const ATTRIBUTES = Object.keys(GenesysEventSchema.shape).filter((name) => name !== 'id');

  function agrees(payload: Record<string, unknown>): void {
    const label = JSON.stringify(payload, (_, v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v));
    assert.equal(conformsToSchema(payload), GenesysEventSchema.safeParse(payload).success, `generic: ${label}`);
    for (const id of GENESYS_EVENT_IDS) {
      assert.equal(conformsToSchema(payload, id), EVENT_SCHEMAS[id].safeParse(payload).success, `${id}: ${label}`);
    }
  }

  it('agrees with zod on every attribute for every kind of value', () => {
    assert.equal(ATTRIBUTES.length, 23);
    for (const name of ATTRIBUTES) {
      for (const value of SCHEMA_PROBES) agrees({ id: 'EventAgentReady', [name]: value, Unknown: value });
    }
  });

  it('agrees with zod on the id', () => {
    for (const id of [...SCHEMA_PROBES, 'EventAgentReady', 'EventMuteOn', 'EventQueueLogout']) agrees({ id, ThisDN: '5001' });
    agrees({ ThisDN: '5001' });
  });

  it('agrees with zod on whole events, valid or not', () => {
    for (const event of Object.values(FULL_EVENTS)) {
      agrees(event);
      agrees({ ...event, ThisDN: 5001 });
      agrees({ ...event, time: { seconds: 1, useconds: -1 } });
    }
  });

  it('never accepts a payload zod would refuse', () => {
    const records = [
      ...CANONICAL_STREAM, ...DIGEST_EXAMPLES, ...Object.values(FULL_EVENTS).map((event) => JSON.stringify(event)),
      ...TIME_FORMS.map(([, time]) => JSON.stringify(ready({ time }))),
      ...ENUM_FORMS.map(([attribute, value]) => JSON.stringify(ready({ [attribute]: value }))),
      ...USER_DATA_FORMS.map(([, value]) => JSON.stringify(ready({ UserData: value }))),
    ];
    for (const text of records) {
      const result = parseGenesysEvent(text);
      if (!result.ok) continue;
      const schema = result.known ? EVENT_SCHEMAS[result.type as GenesysEventId] : GenesysEventSchema;
      assert.ok(schema.safeParse(result.payload).success, text);
    }
  });

  it('still reports zod issues when the fast path declines', () => {
    const failure = rejected({ eventName: 'EventDNDOff', id: null, ThisDN: '5001' });
    assert.deepEqual(failure.issues[0].path, ['id']);
  });
});

describe('parseGenesysEvent: eventTime text', () => {
  it('stays exact across minute and day boundaries and when time goes backwards', () => {
    for (const [seconds, useconds] of [
      [1732233599, 999_999], [1732233600, 0], [1732233540, 5], [1732233599, 1], [1732233660, 10_000], [0, 0],
      [951782400, 123], [1732233600, 999_000], [253402300799, 999_999], [1732233600, 1],
    ]) {
      const { details } = parsed(ready({ time: { seconds, useconds } }));
      const expected = `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${String(useconds).padStart(6, '0')}Z`;
      assert.equal(details.eventTime, expected);
    }
  });
});
