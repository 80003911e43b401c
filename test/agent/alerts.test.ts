import assert from 'assert/strict';
import { AlertWatch, parseThresholds, thresholdFor } from '../../nodes/agent/alerts';
import type { AgentSnapshot } from '../../nodes/agent/model';
import { AgentRoster } from '../../nodes/agent/roster';

function clock(start = Date.parse('2026-12-07T10:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; }, iso: () => new Date(now).toISOString() };
}

describe('thresholds and alerts', () => {
  it('reads thresholds as a list or its JSON text, and says which entry is wrong', () => {
    assert.deepEqual(parseThresholds('[{"state":"NOT_READY","seconds":900},{"state":"NOT_READY","reason":"7","seconds":60}]'),
      [{ state: 'NOT_READY', seconds: 900 }, { state: 'NOT_READY', reason: '7', seconds: 60 }]);
    assert.deepEqual(parseThresholds(''), []);
    assert.deepEqual(parseThresholds(undefined), []);
    assert.throws(() => parseThresholds([{ state: 'SLEEPING', seconds: 5 }]), /threshold 1: state must be one of/);
    assert.throws(() => parseThresholds([{ state: 'READY', seconds: 5 }, { state: 'WRAP_UP', seconds: 0 }]), /threshold 2: seconds must be a number > 0/);
    assert.throws(() => parseThresholds('{'), /JSON array/);
  });

  it('prefers the threshold of the reason code to the state\'s own', () => {
    const t = parseThresholds([{ state: 'NOT_READY', seconds: 900 }, { state: 'NOT_READY', reason: 'LUNCH', seconds: 3600 }]);
    const snap = (code?: string) => ({ vendor: 'pom', agentId: 'a', state: 'NOT_READY', since: '', native: { type: 'x' }, ...(code ? { reason: { code } } : {}) }) as AgentSnapshot;
    assert.equal(thresholdFor(t, snap('LUNCH'))?.seconds, 3600);
    assert.equal(thresholdFor(t, snap('BREAK'))?.seconds, 900);
    assert.equal(thresholdFor(t, snap())?.seconds, 900);
  });

  it('raises one alert per episode once the threshold passes, and says when the episode ends', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    const watch = new AlertWatch(parseThresholds([{ state: 'NOT_READY', seconds: 900 }, { state: 'WRAP_UP', seconds: 120 }]));
    roster.apply('finesse', { agentId: '1001', state: 'NOT_READY', reason: { code: '7' }, native: { type: 'State' } }, c.iso());
    c.advance(899000);
    assert.deepEqual(watch.check(roster), []);
    c.advance(1000);
    const [raised] = watch.check(roster);
    assert.equal(raised.kind, 'raised');
    assert.equal(raised.durationMs, 900000);
    assert.deepEqual(raised.threshold, { state: 'NOT_READY', seconds: 900 });
    c.advance(60000);
    assert.deepEqual(watch.check(roster), [], 'one alert per episode');
    const change = roster.apply('finesse', { agentId: '1001', state: 'READY', native: { type: 'State' } }, c.iso())!;
    const ended = watch.changed(change)!;
    assert.equal(ended.kind, 'ended');
    assert.equal(ended.snapshot.state, 'NOT_READY');
    assert.equal(ended.durationMs, 960000);
    assert.equal(watch.changed(change), undefined, 'ended once');
  });

  it('starts a new episode with a new reason', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    const watch = new AlertWatch(parseThresholds([{ state: 'NOT_READY', seconds: 10 }]));
    roster.apply('pom', { agentId: 'a', state: 'NOT_READY', reason: { code: 'A' }, native: { type: 'x' } }, c.iso());
    c.advance(10000);
    assert.equal(watch.check(roster).length, 1);
    const change = roster.apply('pom', { agentId: 'a', state: 'NOT_READY', reason: { code: 'B' }, native: { type: 'x' } }, c.iso())!;
    assert.equal(watch.changed(change)?.kind, 'ended');
    const again = watch.check(roster);
    assert.equal(again.length, 1, 'time in state counts per state: still over the threshold, now with reason B');
    assert.deepEqual(again[0].snapshot.reason, { code: 'B' });
  });

  it('raises nothing without thresholds', () => {
    const c = clock();
    const roster = new AgentRoster({ now: c.now });
    roster.apply('pom', { agentId: 'a', state: 'NOT_READY', native: { type: 'x' } }, c.iso());
    c.advance(1e9);
    assert.deepEqual(new AlertWatch([]).check(roster), []);
  });
});
