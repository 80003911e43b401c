import assert from 'node:assert/strict';
import { parseGenesysCliArgs } from '../../nodes/genesys/simulator/cli';
import {
  everyEventRecords,
  GENESYS_SIMULATED_IDS,
  GenesysSimulator,
  SimulatedRecord,
  startGenesysPublisher,
} from '../../nodes/genesys/simulator';

const START = 1_732_186_800_000;

// The event × attribute matrix of spec §5, written out independently of the simulator's own catalogue.
const M = (...names: string[]) => names;
const TIMED = M('id', 'Server', 'ThisDN', 'time');
const UNTIMED = M('id', 'ThisDN');
const AGENT_O = M('AgentID', 'ThisQueue', 'CustomerID', 'ReferenceID', 'Reasons', 'Extensions');
const REQ_O = M('CustomerID', 'ReferenceID', 'Reasons', 'Extensions');
const MUTE_O = M('CustomerID', 'Extensions', 'NetworkCallID', 'NetworkNodeID', 'Reasons', 'ReferenceID', 'UserData');
const MATRIX: Record<string, { m: string[]; o: string[] }> = {
  EventAgentLogin: { m: TIMED, o: AGENT_O },
  EventAgentLogout: { m: TIMED, o: AGENT_O },
  EventAgentReady: { m: [...TIMED, 'AgentWorkMode'], o: AGENT_O },
  EventAgentNotReady: { m: TIMED, o: [...AGENT_O, 'AgentWorkMode'] },
  EventDNOutOfService: { m: UNTIMED, o: M('Extensions') },
  EventDNBackInService: { m: UNTIMED, o: M('Extensions') },
  EventDNDOn: { m: TIMED, o: REQ_O },
  EventDNDOff: { m: TIMED, o: REQ_O },
  EventForwardSet: { m: TIMED, o: [...REQ_O, 'InfoStatus', 'OtherDN'] },
  EventForwardCancel: { m: TIMED, o: REQ_O },
  EventOffHook: { m: TIMED, o: M('CallHistory', 'CallID', 'CallState', 'CallType', 'ConnID', 'CustomerID',
    'Extensions', 'NetworkCallID', 'NetworkNodeID', 'ThisTrunk', 'UserData') },
  EventOnHook: { m: TIMED, o: M('CallHistory', 'CallID', 'ConnID', 'CustomerID', 'Extensions', 'NetworkCallID',
    'NetworkNodeID', 'ThisDNRole', 'ThisTrunk', 'UserData') },
  EventMuteOn: { m: [...UNTIMED, 'ConnID', 'ThisDNRole'], o: MUTE_O },
  EventMuteOff: { m: [...UNTIMED, 'ConnID', 'ThisDNRole'], o: MUTE_O },
};
const SEED_ORDER = Object.keys(MATRIX);
const UNDOCUMENTED = ['EventQueueLogout', 'EventMonitoringNextCall', 'EventMonitoringCancelled',
  'EventListenDisconnected', 'EventListenReconnected', 'EventMessageWaitingOn', 'EventMessageWaitingOff'];

const ROLE_OF: Record<string, string | undefined> = { Inbound: 'Destination', Outbound: 'Origination' };

interface DnState { call?: { connId: string; role?: string }; outOfService: boolean; login: 'out' | 'in'; lastAgentEvent?: string; ready: boolean; queues: Set<string> }

/** Replays canonical records and returns every §8.1 hard-rule violation found (empty = faithful). */
function violations(records: SimulatedRecord[], tenant = 'acme'): string[] {
  const found: string[] = [];
  const dns = new Map<string, DnState>();
  const lastMs = new Map<string, number>();
  const lastUs = new Map<string, number>();
  const lastRef = new Map<unknown, number>();
  records.forEach((rec, n): void => {
    if (rec.kind === 'malformed') return;
    const bad = (why: string): void => void found.push(`#${n} ${rec.id}: ${why}`);
    const e = JSON.parse(rec.value) as Record<string, any>;
    if (e.id !== rec.id) return bad('record id differs from the value');
    // Undocumented ids have no table to check, but they must not break the stream's ordering or outages.
    const shape = MATRIX[e.id] ?? (rec.kind === 'unknown' && UNDOCUMENTED.includes(e.id) ? { m: ['id', 'ThisDN'], o: [] } : undefined);
    if (!shape) return bad('unexpected id');
    for (const name of shape.m) if (e[name] === undefined || e[name] === null) bad(`missing mandatory ${name}`);
    if (rec.kind === 'event') {
      for (const name of Object.keys(e)) if (!shape.m.includes(name) && !shape.o.includes(name)) bad(`attribute ${name} not allowed`);
    }
    const dn = String(e.ThisDN);
    const agentId = String(Number(dn) - 4000);
    if (rec.key !== `${tenant}:${agentId}`) bad(`key ${rec.key} does not name agent ${agentId}`);
    if (e.AgentID !== undefined && e.AgentID !== agentId) bad('AgentID does not own ThisDN');
    if (e.CustomerID !== undefined && e.CustomerID !== tenant) bad('CustomerID differs from tenant');
    if (e.ConnID !== undefined && !/^[0-9a-f]{16}$/.test(e.ConnID)) bad(`ConnID ${e.ConnID}`);
    if (e.time) {
      const { seconds, useconds } = e.time;
      if (!Number.isInteger(seconds) || !Number.isInteger(useconds) || useconds < 0 || useconds > 999_999) bad('time shape');
      const us = seconds * 1e6 + useconds;
      if (rec.timestamp !== Math.floor(us / 1000)) bad('Kafka timestamp differs from time');
      if (us < (lastUs.get(agentId) ?? 0)) bad('time went backwards for the agent');
      lastUs.set(agentId, us);
    }
    if (rec.timestamp < (lastMs.get(agentId) ?? 0)) bad('timestamp went backwards for the agent');
    lastMs.set(agentId, rec.timestamp);
    if (e.ReferenceID !== undefined) {
      if (e.ReferenceID <= (lastRef.get(e.Server ?? dn) ?? 0)) bad('ReferenceID not increasing per connection');
      lastRef.set(e.Server ?? dn, e.ReferenceID);
    }

    const s = dns.get(dn) ?? { outOfService: false, login: 'out', ready: false, queues: new Set<string>() };
    dns.set(dn, s);
    if (s.outOfService && e.id !== 'EventDNOutOfService' && e.id !== 'EventDNBackInService') bad('event during outage');
    switch (e.id) {
      case 'EventDNOutOfService':
        if (s.call) bad('DN went out of service during a call');
        if (s.ready) bad('agent still Ready when the DN went out of service');
        s.outOfService = true;
        break;
      case 'EventDNBackInService':
        if (!s.outOfService) bad('back in service without being out of service');
        s.outOfService = false;
        break;
      case 'EventOffHook':
        if (s.call) bad('off-hook during a call');
        if (e.ConnID) s.call = { connId: e.ConnID, role: ROLE_OF[e.CallType] };
        break;
      case 'EventOnHook':
        if ((s.call?.connId ?? undefined) !== e.ConnID) bad('on-hook ConnID differs from the open call');
        if (s.call?.role && e.ThisDNRole !== s.call.role) bad('on-hook role differs from the call direction');
        s.call = undefined;
        break;
      case 'EventMuteOn':
      case 'EventMuteOff':
        if (!s.call || s.call.connId !== e.ConnID) bad('mute outside the call it names');
        if (s.call?.role && e.ThisDNRole !== s.call.role) bad('mute role differs from the call direction');
        break;
      case 'EventForwardSet':
        if (!e.OtherDN || !['CallForwardingStatus', 'SendAllCallsStatus'].includes(e.InfoStatus)) bad('ForwardSet lacks OtherDN/InfoStatus');
        break;
      case 'EventAgentLogin':
        if (s.login === 'in' && s.lastAgentEvent !== 'EventAgentLogin') bad('login inside a running session');
        if (s.login === 'out') s.queues.clear();
        if (s.queues.has(e.ThisQueue)) bad('same queue twice in a session');
        s.queues.add(e.ThisQueue);
        s.login = 'in';
        break;
      case 'EventAgentLogout':
        if (s.login !== 'in') bad('logout without a session');
        s.login = 'out';
        s.ready = false;
        break;
      case 'EventAgentReady':
      case 'EventAgentNotReady':
        if (s.login !== 'in') bad('readiness change while logged out');
        if (e.id === 'EventAgentReady' && !['ManualIn', 'AutoIn'].includes(e.AgentWorkMode)) bad('Ready work mode');
        s.ready = e.id === 'EventAgentReady';
        break;
    }
    if (e.id.startsWith('EventAgent')) s.lastAgentEvent = e.id;
  });
  return found;
}

describe('Genesys voice-agentstate simulator', () => {
  it('lists the 14 documented ids in the vendor page order', () => {
    assert.deepEqual([...GENESYS_SIMULATED_IDS], SEED_ORDER);
  });

  it('repeats the same record sequence for the same seed and differs for another seed', () => {
    const opts = { agents: 4, seed: 42, startTimeMs: START, malformedShare: 0.05, unknownShare: 0.05, dialect: 'mixed' as const };
    const a = new GenesysSimulator(opts).take(800);
    assert.deepEqual(new GenesysSimulator(opts).take(800), a);
    assert.notDeepEqual(new GenesysSimulator({ ...opts, seed: 43 }).take(800), a);
  });

  it('produces all 14 ids within 3,000 records of 10 agents, for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const seen = new Set(new GenesysSimulator({ agents: 10, seed, startTimeMs: START }).take(3000).map((r) => r.id));
      assert.deepEqual(SEED_ORDER.filter((id) => !seen.has(id)), [], `seed ${seed}`);
    }
  });

  it('obeys the hard rules of §8.1 over 5,000 records', () => {
    const records = new GenesysSimulator({ agents: 10, seed: 1, startTimeMs: START }).take(5000);
    assert.deepEqual(violations(records).slice(0, 10), []);
    const oos = records.filter((r) => r.id === 'EventDNOutOfService' || r.id === 'EventMuteOn').map((r) => JSON.parse(r.value));
    assert.ok(oos.length > 0 && oos.every((e) => !('time' in e) && !('Server' in e)));
  });

  it('keeps obeying the hard rules with another tenant, seed and injected records', () => {
    const records = new GenesysSimulator({ agents: 7, tenant: 'globex', seed: 9, startTimeMs: START, malformedShare: 0.1, unknownShare: 0.1 }).take(5000);
    assert.deepEqual(violations(records, 'globex').slice(0, 10), []);
  });

  it('has a checker that notices broken streams', () => {
    const rec = (value: object, key = 'acme:1001'): SimulatedRecord =>
      ({ key, value: JSON.stringify(value), timestamp: START, kind: 'event', id: (value as { id: string }).id });
    const time = { seconds: START / 1000, useconds: 0 };
    const broken = [
      rec({ id: 'EventDNOutOfService', ThisDN: '5001', time }),
      rec({ id: 'EventDNDOn', Server: 1, ThisDN: '5001', time }),
      rec({ id: 'EventMuteOn', ThisDN: '5002', ConnID: '006f000000000001', ThisDNRole: 'Destination' }, 'acme:1002'),
      rec({ id: 'EventAgentReady', Server: 1, ThisDN: '5003', time }, 'acme:1003'),
    ];
    const found = violations(broken).join('\n');
    for (const expected of ['attribute time not allowed', 'event during outage', 'mute outside', 'missing mandatory AgentWorkMode']) {
      assert.match(found, new RegExp(expected));
    }
  });

  it('replaces about malformedShare of the records with each malformed kind', () => {
    const records = new GenesysSimulator({ agents: 5, seed: 3, startTimeMs: START, malformedShare: 0.2 }).take(5000);
    const malformed = records.filter((r) => r.kind === 'malformed');
    assert.ok(Math.abs(malformed.length / records.length - 0.2) < 0.025, `share ${malformed.length / records.length}`);
    const kinds = new Set(malformed.map((r) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(r.value);
      } catch {
        return 'invalid-json';
      }
      if (Array.isArray(parsed)) return parsed.some((x) => typeof x === 'object') ? 'array with objects' : 'array';
      if (typeof parsed === 'string') return 'string';
      if (parsed && typeof parsed === 'object' && !('id' in parsed)) return 'no-id';
      return 'valid event?!';
    }));
    assert.deepEqual([...kinds].sort(), ['array', 'invalid-json', 'no-id', 'string']);
    assert.ok(malformed.every((r) => r.id === undefined));
  });

  it('emits about unknownShare of records with the undocumented ids', () => {
    const records = new GenesysSimulator({ agents: 5, seed: 4, startTimeMs: START, unknownShare: 0.1 }).take(5000);
    const unknown = records.filter((r) => r.kind === 'unknown');
    assert.ok(Math.abs(unknown.length / records.length - 0.1) < 0.02, `share ${unknown.length / records.length}`);
    assert.deepEqual([...new Set(unknown.map((r) => r.id))].sort(), [...UNDOCUMENTED].sort());
    assert.ok(unknown.every((r) => JSON.parse(r.value).id === r.id && r.key?.startsWith('acme:')));
  });

  it('does not change the underlying events when the dialect or injection changes', () => {
    const base = { agents: 6, seed: 5, startTimeMs: START };
    const strip = (rs: SimulatedRecord[]) => rs.filter((r) => r.kind === 'event').map((r) => [r.key, r.id, r.timestamp]);
    const canonical = strip(new GenesysSimulator(base).take(1000));
    const mixed = strip(new GenesysSimulator({ ...base, dialect: 'mixed', malformedShare: 0.1 }).take(1200));
    assert.deepEqual(mixed.slice(0, 900), canonical.slice(0, 900));
  });

  it('everyEventRecords gives one fullest record per id, in order, deterministically', () => {
    const records = everyEventRecords({ tenant: 'initech', startTimeMs: START });
    assert.deepEqual(records.map((r) => r.id), SEED_ORDER);
    records.forEach((r, i) => {
      const e = JSON.parse(r.value);
      const { m, o } = MATRIX[r.id as string];
      assert.deepEqual(Object.keys(e).sort(), [...m, ...o].sort(), r.id);
      assert.equal(r.key, 'initech:1001');
      assert.equal(r.timestamp, START + i * 1000);
      if (e.CustomerID !== undefined) assert.equal(e.CustomerID, 'initech');
    });
    const callScoped = records.filter((r) => /Hook|Mute/.test(r.id as string)).map((r) => JSON.parse(r.value).ConnID);
    assert.equal(new Set(callScoped).size, 1);
    assert.match(callScoped[0], /^[0-9a-f]{16}$/);
    assert.deepEqual(everyEventRecords(), everyEventRecords());
  });

  it('mixed dialect varies the wire forms of §8.4; canonical does not', () => {
    const forms = (dialect: 'canonical' | 'mixed') => {
      const seen = new Set<string>();
      for (const r of new GenesysSimulator({ agents: 8, seed: 2, startTimeMs: START, dialect }).take(3000)) {
        const outer = JSON.parse(r.value);
        const e = outer.event ?? outer;
        if (outer.event) seen.add('envelope');
        for (const name of ['AgentID', 'Agent ID', 'agentId', 'TimeinSecs']) if (name in e) seen.add(name);
        if (typeof e.time === 'string' && !Number.isNaN(Date.parse(e.time))) seen.add('iso time');
        if (typeof e.time === 'number') seen.add('epoch time');
        if (e.time && typeof e.time === 'object') seen.add('timeinsecs' in e.time ? 'lower struct time' : 'struct time');
        if (typeof e.AgentWorkMode === 'number') seen.add('enum ordinal');
        if (/^Agent[A-Z]/.test(e.AgentWorkMode ?? '')) seen.add('enum prefixed');
        if (Array.isArray(e.UserData ?? e.Reasons)) seen.add('kv array');
        if (typeof e.ThisDN === 'number') seen.add('numeric DN');
        if (typeof e.Server === 'string') seen.add('string Server');
        if (e.InfoStatus && typeof e.InfoStatus === 'object') seen.add('InfoStatus object');
      }
      return [...seen].sort();
    };
    assert.deepEqual(forms('mixed'), ['Agent ID', 'AgentID', 'InfoStatus object', 'TimeinSecs', 'agentId', 'enum ordinal',
      'enum prefixed', 'envelope', 'epoch time', 'iso time', 'kv array', 'lower struct time', 'numeric DN',
      'string Server', 'struct time']);
    assert.deepEqual(forms('canonical'), ['AgentID', 'struct time']);
  });

  it('rejects impossible options', () => {
    assert.throws(() => new GenesysSimulator({ agents: 0 }), RangeError);
    assert.throws(() => new GenesysSimulator({ malformedShare: 1.5 }), RangeError);
    assert.throws(() => new GenesysSimulator({ malformedShare: 0.6, unknownShare: 0.6 }), RangeError);
    assert.throws(() => startGenesysPublisher({ brokers: [] }), RangeError);
    assert.throws(() => startGenesysPublisher({ brokers: ['127.0.0.1:1'], ratePerSecond: 0 }), RangeError);
  });

  it('parses the CLI flags', () => {
    const opts = parseGenesysCliArgs(['--agents', '3', '--rate=50', '--malformed', '0.1', '--dialect', 'mixed', '--print', '--count', '7']);
    assert.deepEqual({ ...opts }, { agents: 3, rate: 50, malformedShare: 0.1, dialect: 'mixed', print: true, count: 7, help: false });
    assert.throws(() => parseGenesysCliArgs(['--print']), /--count/);
    assert.throws(() => parseGenesysCliArgs(['--unknown', '2']), /between 0 and 1/);
    assert.throws(() => parseGenesysCliArgs(['--bogus']), /unknown option/);
  });
});
