import assert from 'node:assert/strict';
import { SimAgent } from '../../nodes/finesse/simulator';
import { logIn, SimFixture } from './simulator-harness';

const AGENTS: SimAgent[] = Array.from({ length: 20 }, (_, i) => ({ id: String(2000 + i), password: `pw${i}`, lastName: `L${i}` }));

describe('GC simulator: throughput', function () {
  this.timeout(120000);
  const fx = new SimFixture();
  afterEach(() => fx.cleanup());

  it('answers 10,000 sequential GetState round trips, each with its own correlated State', async () => {
    const sim = await fx.sim({ agents: AGENTS });
    const gc = await fx.client(sim);
    await logIn(gc, '2000', 'pw0', '6000');
    const started = Date.now();
    for (let i = 0; i < 10000; i++) {
      const [state] = await gc.request('GetState#2000', '');
      if (!state.startsWith('2000#State#NOT_READY#-1#')) assert.fail(`round trip ${i} answered ${state}`);
    }
    assert.equal(sim.commandsHandled, 10002);
    process.stdout.write(`      (10,000 round trips in ${Date.now() - started} ms)\n`);
  });

  it('answers a burst of 1,000 concurrent commands from 20 agents, none lost or crossed', async () => {
    const sim = await fx.sim({ agents: AGENTS });
    const clients = await Promise.all(AGENTS.map(() => fx.client(sim)));
    await Promise.all(AGENTS.map((a, i) => logIn(clients[i], a.id, a.password, String(6000 + i))));
    const replies = await Promise.all(AGENTS.flatMap((a, i) => Array.from({ length: 50 }, (_, n) =>
      clients[i].request(n % 2 === 0 ? `GetState#${a.id}` : `reasoncodenotready#${a.id}`, '').then(([body]) => [a.id, n, body] as const))));
    assert.equal(replies.length, 1000);
    for (const [id, n, body] of replies) {
      assert.ok(body.startsWith(n % 2 === 0 ? `${id}#State#NOT_READY#` : `${id}#ReasonCodes#Category:NOT_READY#`), `${id}/${n}: ${body}`);
    }
    for (const client of clients) assert.deepEqual(await client.drainBodies(), []);
  });
});
