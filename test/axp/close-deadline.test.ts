import assert from 'assert/strict';
import { HANG_TARGETS, type AxpSimulator, type HangTarget } from '../../nodes/axp/simulator';
import { axpModules, catchModule, helper, load } from '../support/flow';
import { axpFlow, openHandles, startAxpSimulator } from '../support/axp';
import { nextEmitted, until } from '../support/wait';

/** Node-RED gives a node 15 s to close; the pack promises well under that. */
const CLOSE_WITHIN_MS = 10000;

/** What each hang leaves the node waiting for. */
const WAITING_ON: Record<HangTarget, string> = {
  token: 'a token request the identity provider never answers',
  rest: 'a subscription create the API never answers',
  upgrade: 'a WebSocket handshake that never completes',
};

describe('AXP nodes close within 10 s whatever the peer does, leaving no socket or timer', function () {
  this.timeout(60000);
  let simulator: AxpSimulator;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    await helper.unload();
    await simulator.stop();
  });

  /** Closes a node as a deploy that removes it does, within the promised time. */
  async function closeWithin(id: string): Promise<void> {
    const started = Date.now();
    await helper.getNode(id).close(true);
    const took = Date.now() - started;
    assert.ok(took < CLOSE_WITHIN_MS, `closing ${id} took ${took} ms`);
  }

  /** Ways the two nodes close: one after the other either way round, or both at once as Node-RED stops a flow. */
  const ORDERS: { name: string; close(): Promise<void> }[] = [
    { name: 'the events node, then the account', close: async () => { await closeWithin('ev'); await closeWithin('account'); } },
    { name: 'the account, then the events node', close: async () => { await closeWithin('account'); await closeWithin('ev'); } },
    { name: 'both at once, as Node-RED stops a flow', close: async () => { await Promise.all([closeWithin('ev'), closeWithin('account')]); } },
  ];

  for (const target of HANG_TARGETS) {
    for (const order of ORDERS) {
      it(`${WAITING_ON[target]}: closing ${order.name}`, async () => {
        simulator = await startAxpSimulator();
        const before = openHandles();
        simulator.hangNext(target);
        const hanging = nextEmitted(simulator, 'hanging', `the ${target} hang`, (t: HangTarget) => t === target, 10000);
        const { flow, credentials } = axpFlow(simulator, [{ id: 'ev' }]);
        await load([...axpModules, catchModule], flow, credentials);
        await hanging;
        assert.equal(simulator.heldConnections, 1);
        await order.close();
        // The client's end of the held connection is gone, so the simulator sees it close.
        await until('the held connection closed by the node', () => simulator.heldConnections === 0, 2000, 20);
        await until('no socket or timer of the nodes left', () => {
          const now = openHandles();
          return now.sockets <= before.sockets && now.timers <= before.timers;
        }, 2000, 20).catch((err: Error) => { throw new Error(`${err.message}: before ${JSON.stringify(before)}, now ${JSON.stringify(openHandles())}`); });
      });
    }
  }
});
