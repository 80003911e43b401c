import assert from 'assert/strict';
import { Backoff } from '../../nodes/shared/backoff';
import { connectionStatus } from '../../nodes/shared/status';

describe('Backoff', () => {
  it('grows exponentially up to the cap', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0 });
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(() => backoff.next()), [100, 200, 400, 800, 1000, 1000]);
    backoff.reset();
    assert.equal(backoff.next(), 100);
  });

  it('spreads retries with jitter inside [base * (1 - jitter), base]', () => {
    const low = new Backoff({ initialMs: 1000, maxMs: 8000, jitter: 0.5, random: () => 1 });
    const high = new Backoff({ initialMs: 1000, maxMs: 8000, jitter: 0.5, random: () => 0 });
    assert.deepEqual([low.next(), low.next()], [500, 1000]);
    assert.deepEqual([high.next(), high.next()], [1000, 2000]);
  });

  it('refuses a nonsensical range', () => {
    assert.throws(() => new Backoff({ initialMs: 0, maxMs: 10 }), RangeError);
    assert.throws(() => new Backoff({ initialMs: 100, maxMs: 10 }), RangeError);
  });
});

describe('connectionStatus', () => {
  it('renders each state as Node-RED status', () => {
    assert.deepEqual(connectionStatus({ state: 'connecting' }), { fill: 'yellow', shape: 'ring', text: 'connecting' });
    assert.deepEqual(connectionStatus({ state: 'connected', count: 12, detail: '2 partitions' }), { fill: 'green', shape: 'dot', text: 'connected · 2 partitions · 12 events' });
    assert.equal(connectionStatus({ state: 'connected', count: 1 }).text, 'connected · 1 event');
    assert.deepEqual(connectionStatus({ state: 'disconnected', reason: 'broker not responding' }), { fill: 'red', shape: 'ring', text: 'disconnected: broker not responding' });
    assert.deepEqual(connectionStatus({ state: 'error', reason: 'SASL authentication failed' }), { fill: 'red', shape: 'dot', text: 'error: SASL authentication failed' });
    assert.deepEqual(connectionStatus({ state: 'idle' }), {});
  });

  it('keeps the text short enough for the editor', () => {
    const text = connectionStatus({ state: 'error', reason: 'x'.repeat(200) }).text!;
    assert.ok(text.length <= 60);
    assert.ok(text.endsWith('…'));
  });
});
