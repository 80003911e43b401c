import assert from 'assert/strict';
import type { AgentObservation } from '../../nodes/agent/model';
import { AgentRoster } from '../../nodes/agent/roster';

function clock(start = Date.parse('2026-12-07T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; }, iso: () => new Date(now).toISOString() };
}

const obs = (agentId: string, extra: Partial<AgentObservation> = {}): AgentObservation => ({ agentId, native: { type: 'T' }, ...extra });

describe('AgentRoster', () => {
  it('reports a new agent and each change of state, with the previous state and how long it lasted', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    const first = roster.apply('finesse', obs('1001', { state: 'NOT_READY', reason: { code: '7' } }), c.iso());
    assert.equal(first?.snapshot.state, 'NOT_READY');
    assert.equal(first?.previous, undefined);
    assert.deepEqual(first?.snapshot.reason, { code: '7' });
    c.advance(30000);
    const ready = roster.apply('finesse', obs('1001', { state: 'READY' }), c.iso());
    assert.deepEqual(ready?.previous, { state: 'NOT_READY', since: '2026-12-07T10:00:00.000Z', durationMs: 30000 });
    assert.equal(ready?.snapshot.reason, undefined, 'a reason belongs to the state it came with');
    assert.equal(ready?.snapshot.since, '2026-12-07T10:00:30.000Z');
  });

  it('sends nothing for a repeat, and keeps since', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    roster.apply('genesys', obs('1', { state: 'READY' }), c.iso());
    c.advance(5000);
    assert.equal(roster.apply('genesys', obs('1', { state: 'READY' }), c.iso()), undefined);
    assert.equal(roster.get('genesys', '1')?.since, '2026-12-07T10:00:00.000Z');
    assert.equal(roster.durationMs('genesys', '1'), 5000);
  });

  it('reports a change of reason alone, and of pending state alone', () => {
    const roster = new AgentRoster();
    roster.apply('pom', obs('a', { state: 'NOT_READY', reason: { code: 'LUNCH' } }), new Date().toISOString());
    assert.deepEqual(roster.apply('pom', obs('a', { state: 'NOT_READY', reason: { code: 'BREAK' } }), new Date().toISOString())?.snapshot.reason, { code: 'BREAK' });
    roster.apply('finesse', obs('b', { state: 'BUSY' }), new Date().toISOString());
    assert.equal(roster.apply('finesse', obs('b', { state: 'BUSY', pending: 'NOT_READY' }), new Date().toISOString())?.snapshot.pending, 'NOT_READY');
    assert.equal(roster.apply('finesse', obs('b', { pending: null }), new Date().toISOString())?.snapshot.pending, undefined, 'null clears it');
  });

  it('keeps what an observation does not tell, and takes what it does', () => {
    const roster = new AgentRoster();
    const at = new Date().toISOString();
    roster.apply('axp', obs('x', { state: 'BUSY', contacts: 2, name: 'Ann', extension: '4001' }), at);
    assert.equal(roster.apply('axp', obs('x', { contacts: 1, native: { type: 'Dialog', state: 'DROP' } }), at), undefined, 'details alone are no change');
    assert.deepEqual(roster.get('axp', 'x'), { vendor: 'axp', agentId: 'x', state: 'BUSY', since: at, contacts: 1, name: 'Ann', extension: '4001', native: { type: 'T' } },
      'the vendor\'s words for the state are kept when only details change');
    assert.equal(roster.apply('axp', obs('new', { name: 'Bob' }), at), undefined);
    assert.equal(roster.get('axp', 'new'), undefined, 'no row for an agent known only by details');
  });

  it('does not move an agent back for an event older than its current state, by the vendor\'s clock', () => {
    const roster = new AgentRoster();
    roster.apply('genesys', obs('1', { state: 'READY', eventTime: '2026-12-07T10:00:10Z' }), '2026-12-07T10:00:11Z');
    assert.equal(roster.apply('genesys', obs('1', { state: 'NOT_READY', eventTime: '2026-12-07T10:00:05Z' }), '2026-12-07T10:00:12Z'), undefined);
    assert.equal(roster.get('genesys', '1')?.state, 'READY');
    const later = roster.apply('genesys', obs('1', { state: 'BUSY', eventTime: '2026-12-07T10:00:20Z' }), '2026-12-07T10:00:12Z');
    assert.equal(later?.snapshot.since, '2026-12-07T10:00:20Z', 'since is the vendor time');
    assert.equal(later?.previous?.durationMs, 10000, 'measured on the vendor clock between two vendor times');
  });

  it('lets arrival order decide where either side has no vendor time', () => {
    const roster = new AgentRoster();
    roster.apply('finesse', obs('1', { state: 'READY', eventTime: '2026-12-07T10:00:10Z' }), '2026-12-07T10:00:11Z');
    assert.equal(roster.apply('finesse', obs('1', { state: 'BUSY' }), '2026-12-07T09:00:00Z')?.snapshot.state, 'BUSY', 'no vendor time: applied in arrival order');
    const roster2 = new AgentRoster();
    roster2.apply('finesse', obs('2', { state: 'READY' }), '2026-12-07T10:00:11Z');
    assert.equal(roster2.apply('finesse', obs('2', { state: 'BUSY', eventTime: '2020-01-01T00:00:00Z' }), '2026-12-07T10:00:12Z')?.snapshot.state, 'BUSY',
      'the current state has no vendor time: the local clock is never compared with the vendor\'s');
  });

  it('keeps vendors apart for the same agent id', () => {
    const roster = new AgentRoster();
    roster.apply('genesys', obs('1001', { state: 'READY' }), new Date().toISOString());
    roster.apply('finesse', obs('1001', { state: 'NOT_READY' }), new Date().toISOString());
    assert.equal(roster.size, 2);
  });

  it('lists every agent sorted by vendor and id with its time in state, and counts per state', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    roster.apply('pom', obs('b', { state: 'READY' }), c.iso());
    roster.apply('finesse', obs('1002', { state: 'BUSY' }), c.iso());
    roster.apply('finesse', obs('999', { state: 'READY' }), c.iso());
    c.advance(4000);
    const rows = roster.roster();
    assert.deepEqual(rows.map((r) => `${r.vendor}/${r.agentId}`), ['finesse/999', 'finesse/1002', 'pom/b']);
    assert.deepEqual(rows.map((r) => r.durationMs), [4000, 4000, 4000]);
    assert.deepEqual(roster.counts(), { LOGGED_OUT: 0, NOT_READY: 0, READY: 2, RESERVED: 0, BUSY: 1, WRAP_UP: 0, UNKNOWN: 0 });
  });

  it('forgets agents logged out longer ago than forgetAfter, by the local clock', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    roster.apply('genesys', obs('1', { state: 'LOGGED_OUT' }), c.iso());
    roster.apply('genesys', obs('2', { state: 'READY' }), c.iso());
    c.advance(59000);
    assert.equal(roster.forgetLoggedOut(60000), 0);
    c.advance(1000);
    assert.equal(roster.forgetLoggedOut(60000), 1);
    assert.deepEqual(roster.roster().map((r) => r.agentId), ['2']);
  });

  it('is bounded: beyond its limit the least recently changed agent goes, said once', () => {
    const said: string[] = [];
    const roster = new AgentRoster({ maxAgents: 3, onLimit: (m) => said.push(m) });
    for (const id of ['a', 'b', 'c']) roster.apply('axp', obs(id, { state: 'READY' }), new Date().toISOString());
    roster.apply('axp', obs('a', { state: 'BUSY' }), new Date().toISOString());
    roster.apply('axp', obs('d', { state: 'READY' }), new Date().toISOString());
    roster.apply('axp', obs('e', { state: 'READY' }), new Date().toISOString());
    assert.deepEqual(roster.roster().map((r) => r.agentId), ['a', 'd', 'e']);
    assert.equal(said.length, 1);
  });

  it('survives a store and restore, skipping what does not look like an agent', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    roster.apply('finesse', obs('1001', { state: 'NOT_READY', reason: { code: '3', label: 'Lunch' } }), c.iso());
    const copy = new AgentRoster({ now: c.now });
    copy.restore(JSON.parse(JSON.stringify([...roster.store(), { nonsense: true }, null])));
    assert.deepEqual(copy.roster(), roster.roster());
    copy.restore('not a list');
    assert.equal(copy.size, 1);
  });
});
