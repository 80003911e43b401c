import assert from 'node:assert/strict';
import net from 'node:net';
import { GcSimulator } from '../../nodes/finesse/simulator';
import { endpoint, GcTestClient, logIn, ROSTER, uniqueName } from './simulator-harness';

/** A TCP hop between the simulator and ActiveMQ that the test can cut and restore, as if the broker went away. */
class CuttableLink {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async open(): Promise<void> {
    const server = net.createServer((inbound) => {
      const outbound = net.connect(endpoint.port, endpoint.host);
      for (const [from, to] of [[inbound, outbound], [outbound, inbound]]) {
        this.sockets.add(from);
        from.pipe(to);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.sockets.delete(from);
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('GC simulator: broker connection loss', function () {
  this.timeout(30000);
  const link = new CuttableLink();
  let sim: GcSimulator | undefined;
  let gc: GcTestClient | undefined;
  afterEach(async () => {
    gc?.close();
    await sim?.stop();
    await link.cut();
  });

  it('reconnects by itself, resubscribes, and keeps its agents, sessions and queued commands', async () => {
    await link.open();
    const commandQueue = uniqueName('gc');
    sim = new GcSimulator({ stomp: { host: '127.0.0.1', port: link.port }, commandQueue, agents: ROSTER });
    const events: string[] = [];
    sim.on('connected', () => events.push('connected'));
    sim.on('disconnected', () => events.push('disconnected'));
    await sim.start();
    gc = await GcTestClient.open(commandQueue);
    await logIn(gc, '1001', 'pw1', '5001');

    const lost = new Promise((resolve) => sim?.once('disconnected', resolve));
    await link.cut();
    await lost;
    const whileAway = gc.send('MakeReady#1001');
    const back = new Promise((resolve) => sim?.once('connected', resolve));
    await link.open();
    await back;

    const [ready] = await gc.takeCorrelated(whileAway, 1);
    assert.match(ready.body, /^1001#State#READY#/, 'the command waited in the queue and ran after the reconnect');
    assert.match((await gc.request('GetState#1001', ''))[0], /^1001#State#READY#/);
    assert.deepEqual(await gc.request(`Beat#${gc.destination}`, ''), ['System#IN_SERVICE'], 'the destination is still known');
    assert.deepEqual(events, ['connected', 'disconnected', 'connected']);
  });

  it('rejects start() when the broker cannot be reached', async () => {
    await link.open();
    const port = link.port;
    await link.cut();
    sim = new GcSimulator({ stomp: { host: '127.0.0.1', port }, commandQueue: uniqueName('gc'), agents: ROSTER });
    await assert.rejects(sim.start(), /ECONNREFUSED/);
  });
});
