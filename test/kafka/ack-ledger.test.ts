import assert from 'assert/strict';
import { AckLedger } from '../../nodes/shared/kafka/ack-ledger';

function handOut(ledger: AckLedger, partition: number, offsets: number[]): void {
  for (const o of offsets) ledger.handOut('t', partition, String(o));
}

describe('AckLedger', () => {
  it('commits a partition only up to the lowest offset not yet acknowledged, whatever the order of acks', () => {
    const ledger = new AckLedger(100);
    handOut(ledger, 0, [10, 11, 12, 13, 14]);
    assert.deepEqual(ledger.takeCommits(), [], 'nothing acknowledged: nothing to commit');
    for (const o of [14, 12, 11]) assert.equal(ledger.ack('t', 0, String(o), ledger.epoch), 'acked');
    assert.deepEqual(ledger.takeCommits(), [], '10 is outstanding: the commit point has not moved');
    ledger.ack('t', 0, '10', ledger.epoch);
    assert.deepEqual(ledger.takeCommits(), [{ topic: 't', partition: 0, offset: '13' }]);
    ledger.ack('t', 0, '13', ledger.epoch);
    assert.deepEqual(ledger.takeCommits(), [{ topic: 't', partition: 0, offset: '15' }], 'all done: the offset after the last');
    assert.equal(ledger.outstanding, 0);
  });

  it('keeps partitions apart', () => {
    const ledger = new AckLedger(100);
    handOut(ledger, 0, [0, 1]);
    handOut(ledger, 1, [7]);
    ledger.ack('t', 1, '7', ledger.epoch);
    assert.deepEqual(ledger.takeCommits(), [{ topic: 't', partition: 1, offset: '8' }]);
    assert.equal(ledger.outstanding, 2);
  });

  it('lets records that need no ack through without holding back the commit, but not past an outstanding one', () => {
    const ledger = new AckLedger(100);
    ledger.passOver('t', 0, '0');
    ledger.passOver('t', 0, '1');
    assert.deepEqual(ledger.takeCommits(), [{ topic: 't', partition: 0, offset: '2' }]);
    handOut(ledger, 0, [2]);
    ledger.passOver('t', 0, '3');
    assert.deepEqual(ledger.takeCommits(), [], '2 is outstanding');
    ledger.ack('t', 0, '2', ledger.epoch);
    assert.deepEqual(ledger.takeCommits(), [{ topic: 't', partition: 0, offset: '4' }]);
  });

  it('counts what is outstanding and is full at maxUnacked', () => {
    const ledger = new AckLedger(3);
    handOut(ledger, 0, [0, 1]);
    assert.equal(ledger.full, false);
    handOut(ledger, 1, [0]);
    assert.equal(ledger.full, true);
    ledger.ack('t', 0, '1', ledger.epoch);
    assert.equal(ledger.full, false);
    assert.equal(ledger.outstanding, 2);
  });

  it('counts an ack once, however often the message arrives', () => {
    const ledger = new AckLedger(10);
    handOut(ledger, 0, [0, 1]);
    ledger.ack('t', 0, '1', ledger.epoch);
    ledger.ack('t', 0, '1', ledger.epoch);
    assert.equal(ledger.outstanding, 1);
  });

  it('calls acks from before a reset stale, and forgets what was outstanding', () => {
    const ledger = new AckLedger(10);
    handOut(ledger, 0, [0, 1]);
    const old = ledger.epoch;
    ledger.reset();
    assert.notEqual(ledger.epoch, old);
    assert.equal(ledger.outstanding, 0);
    assert.equal(ledger.ack('t', 0, '0', old), 'stale');
    assert.deepEqual(ledger.takeCommits(), []);
  });

  it('never takes another ledger\'s epoch, so an ack cannot reach a source that did not hand it out', () => {
    const a = new AckLedger(10);
    const b = new AckLedger(10);
    handOut(b, 0, [0]);
    assert.equal(b.ack('t', 0, '0', a.epoch), 'stale');
    assert.equal(b.outstanding, 1);
  });

  it('offers a commit that failed again', () => {
    const ledger = new AckLedger(10);
    handOut(ledger, 0, [0]);
    ledger.ack('t', 0, '0', ledger.epoch);
    const commits = ledger.takeCommits();
    ledger.returnCommits(commits);
    assert.deepEqual(ledger.takeCommits(), commits);
  });

  it('refuses a bound that is not a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, NaN]) assert.throws(() => new AckLedger(bad), RangeError);
  });
});
