import assert from 'assert/strict';
import { GcCommandError } from '../../nodes/finesse/client/command-errors';
import type { GcIncoming } from '../../nodes/finesse/client/gc-incoming';
import { PendingCommands } from '../../nodes/finesse/client/pending-commands';
import { parseFinesseEvent } from '../../nodes/finesse/schema/events';

const incoming = (body: string, correlationId?: string): GcIncoming => ({
  body, headers: correlationId ? { 'correlation-id': correlationId } : {}, receivedAt: new Date().toISOString(), parsed: parseFinesseEvent(body),
});

describe('PendingCommands: matching GC replies to commands', () => {
  it('matches by correlation id, and refuses on an Error or RE_LOGIN carrying it', async () => {
    const pending = new PendingCommands();
    const state = pending.wait('c1', '1001', ['State'], 1000, 'GetState');
    const error = pending.wait('c2', '1001', ['State'], 1000, 'MakeReady');
    const relogin = pending.wait('c3', '1002', ['State'], 1000, 'GetState');
    assert.equal(pending.settle(incoming('1001#Error#CF_INVALID_OBJECT_STATE', 'c2')), true);
    assert.equal(pending.settle(incoming('1002#State#RE_LOGIN', 'c3')), true);
    assert.equal(pending.settle(incoming('1001#State#READY', 'c1')), true);
    assert.equal((await state).reply?.body, '1001#State#READY');
    await assert.rejects(error, (err: GcCommandError) => err.failure === 'gc-error' && err.errorName === 'CF_INVALID_OBJECT_STATE');
    await assert.rejects(relogin, (err: GcCommandError) => err.failure === 're-login');
    assert.equal(pending.size, 0);
  });

  it('falls back to agent and event type only for a GC that never copies correlation ids', async () => {
    const legacy = new PendingCommands();
    const answered = legacy.wait('c1', '1001', ['State'], 1000, 'GetState');
    assert.equal(legacy.settle(incoming('1002#State#READY')), false, 'another agent\'s state is not the answer');
    assert.equal(legacy.settle(incoming('1001#State#READY')), true);
    assert.equal((await answered).correlationId, 'c1');

    const modern = new PendingCommands();
    const waiting = modern.wait('c2', '1001', ['State'], 200, 'MakeNotReady');
    modern.settle(incoming('System#IN_SERVICE', 'hello-1'));
    assert.equal(modern.settle(incoming('1001#State#TALKING')), false, 'news from the phone must not answer a command');
    await assert.rejects(waiting, (err: GcCommandError) => err.failure === 'timeout');
  });

  it('ignores a late reply, and cancel() forgets a command that could not be sent', async () => {
    const pending = new PendingCommands();
    const late = pending.wait('c1', '1001', ['State'], 50, 'GetState');
    await assert.rejects(late, (err: GcCommandError) => err.failure === 'timeout');
    assert.equal(pending.settle(incoming('1001#State#READY', 'c1')), false);
    void pending.wait('c2', '1001', ['State'], 10000, 'GetState').catch(() => undefined);
    pending.cancel('c2');
    assert.equal(pending.size, 0);
  });

  it('refuses a command beyond the limit at once, as too-many-pending, and reports the limit once', async () => {
    const reached: number[] = [];
    const pending = new PendingCommands(3, (limit) => reached.push(limit));
    const waits = ['c1', 'c2', 'c3'].map((id) => pending.wait(id, '1001', ['State'], 10000, 'GetState for agent 1001'));
    for (const id of ['c4', 'c5']) {
      assert.throws(() => pending.wait(id, '1001', ['State'], 10000, 'MakeReady for agent 1001'), (err: GcCommandError) =>
        err instanceof GcCommandError && err.failure === 'too-many-pending' && /cannot send MakeReady for agent 1001: 3 commands already wait/.test(err.message));
    }
    assert.equal(pending.size, 3, 'a refused command leaves nothing behind');
    assert.deepEqual(reached, [3]);
    assert.equal(pending.settle(incoming('1001#State#READY', 'c1')), true);
    await waits[0];
    const fourth = pending.wait('c6', '1001', ['State'], 10000, 'GetState for agent 1001');
    assert.throws(() => pending.admit('Connect for agent 1001'), (err: GcCommandError) => err.failure === 'too-many-pending');
    assert.deepEqual(reached, [3], 'the limit is reported once, not once per refused command');
    pending.failAll('closed', 'closed');
    for (const wait of [...waits.slice(1), fourth]) await assert.rejects(wait, (err: GcCommandError) => err.failure === 'closed');
  });

  it('counts the commands the caller holds elsewhere, and takes only a whole positive limit', () => {
    const pending = new PendingCommands(2);
    void pending.wait('c1', '1001', ['State'], 10000, 'GetState').catch(() => undefined);
    pending.admit('Connect', 0);
    assert.throws(() => pending.admit('Connect', 1), (err: GcCommandError) => err.failure === 'too-many-pending');
    pending.cancel('c1');
    for (const bad of [0, -1, 1.5, NaN]) assert.throws(() => new PendingCommands(bad), RangeError);
  });

  it('abandon() ends one wait at once as closed and leaves the others', async () => {
    const pending = new PendingCommands();
    const abandoned = pending.wait('c1', '1001', ['State'], 10000, 'GetState');
    const kept = pending.wait('c2', '1001', ['State'], 10000, 'GetState');
    pending.abandon('c1', 'the node was closed');
    await assert.rejects(abandoned, (err: GcCommandError) => err.failure === 'closed' && err.correlationId === 'c1');
    assert.equal(pending.size, 1);
    pending.settle(incoming('1001#State#READY', 'c2'));
    assert.equal((await kept).correlationId, 'c2');
  });
});
