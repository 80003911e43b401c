import assert from 'node:assert/strict';
import { RequestCancelledError } from '../../nodes/shared/http/http-request';
import { RestPacer, RestQueueFullError } from '../../nodes/analytics/client/rest-pacer';

/** A task held open until the test lets it finish. */
function held(): { task: () => Promise<string>; finish: () => void; started: () => boolean } {
  let finish: () => void = () => undefined;
  let started = false;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  return { task: async () => { started = true; await done; return 'ok'; }, finish: () => finish(), started: () => started };
}

describe('RestPacer', () => {
  it('starts each request at least the gap after the previous one was answered', async () => {
    const pacer = new RestPacer(50);
    const starts: number[] = [];
    const answered: number[] = [];
    await Promise.all([0, 1, 2].map(() => pacer.run(async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, 20));
      answered.push(Date.now());
    })));
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i] - answered[i - 1] >= 49, `request ${i} started ${starts[i] - answered[i - 1]} ms after the previous answer`);
  });

  it('lets at most maxWaiting requests wait: one more fails at once, saying why', async () => {
    const pacer = new RestPacer(0, 3);
    const running = held();
    const first = pacer.run(running.task);
    const waiting = [1, 2, 3].map((i) => pacer.run(async () => i));
    await new Promise((r) => setImmediate(r));
    assert.equal(running.started(), true);
    assert.equal(pacer.waiting, 3, 'the running request is not counted');
    const t0 = Date.now();
    await assert.rejects(pacer.run(async () => 4), (err: Error) => {
      assert.ok(err instanceof RestQueueFullError);
      assert.match(err.message, /3 REST requests are already waiting their turn .*this one is refused; send fewer requests at once/);
      return true;
    });
    assert.ok(Date.now() - t0 < 50, 'refused at once, not after waiting');
    running.finish();
    assert.equal(await first, 'ok');
    assert.deepEqual(await Promise.all(waiting), [1, 2, 3], 'the ones that waited still run, in order');
    assert.equal(await pacer.run(async () => 5), 5, 'room again once the queue drained');
  });

  it('cancel() fails the waiting requests and clears its timer; close() also refuses later ones', async () => {
    const pacer = new RestPacer(10000, 10);
    await pacer.run(async () => 'first');
    // The next one waits out the 10 s gap on a timer.
    const waiting = pacer.run(async () => 'second');
    pacer.cancel('the feed stopped');
    await assert.rejects(waiting, (err: Error) => err instanceof RequestCancelledError && /the feed stopped/.test(err.message));
    assert.equal(pacer.waiting, 0);
    assert.equal(pendingGapTimer(pacer), false, 'no gap timer left behind');
    pacer.close();
    await assert.rejects(pacer.run(async () => 'third'), RequestCancelledError);
  });
});

/** Whether the pacer still holds its gap timer (read through its private field: no event marks it). */
function pendingGapTimer(pacer: RestPacer): boolean {
  return (pacer as unknown as { timer?: NodeJS.Timeout }).timer !== undefined;
}
