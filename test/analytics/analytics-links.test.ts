import assert from 'assert/strict';
import net from 'net';
import os from 'os';
import type { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { analyticsModules, catchModule, Collector, helper, load, waitForStatus } from '../support/flow';
import { SUPERVISOR, startAnalyticsSimulator } from '../support/analytics';
import { DnsSpy } from '../support/dns-spy';
import { until } from '../support/wait';

const MEASURES = { id: 'm', type: 'cc-analytics-measures', server: 'server', producers: ['Agent'], mode: 'update', dimensionFilters: [], measureFilters: [], wires: [['m-out'], ['m-err']] };
const QUERY = { id: 'q', type: 'cc-analytics-query', server: 'server', query: 'sources', wires: [['q-out']] };

/** This machine's first address on a network interface (not loopback): "another machine" as far as the URL says. */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4')?.address;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Shown { fill?: string; text?: string }

/** The statuses a node showed (the helper's spy is on the prototype: every node's calls are in it). */
function statusesOf(id: string): Shown[] {
  const node = helper.getNode(id);
  return node.status.getCalls().filter((c: { thisValue: unknown }) => c.thisValue === node).map((c: { args: [Shown] }) => c.args[0]);
}

/** Everything a person could see: statuses and log lines. */
function everythingShown(): string {
  return JSON.stringify([statusesOf('m'), statusesOf('q'), helper.log().args]);
}

describe('Analytics links: no secret over an unencrypted link to another machine', function () {
  this.timeout(60000);
  let simulator: AnalyticsSimulator | undefined;
  let spy: DnsSpy | undefined;
  let out: Record<string, Collector>;
  before(() => helper.startServer());
  after(() => helper.stopServer());
  afterEach(async () => {
    spy?.restore();
    spy = undefined;
    await helper.unload();
    await simulator?.stop();
    simulator = undefined;
  });

  async function deploy(server: Record<string, unknown>, nodes: Record<string, unknown>[] = [MEASURES, QUERY]): Promise<void> {
    const flow = [
      { id: 'server', type: 'cc-analytics-server', tenant: '0', rejectUnauthorized: true, ...server },
      { id: 'catcher', type: 'catch', scope: null, wires: [['catch-out']] },
      ...nodes, ...['m-out', 'm-err', 'q-out', 'catch-out'].map((id) => ({ id, type: 'helper' })),
    ];
    await load([...analyticsModules, catchModule], flow, { server: SUPERVISOR });
    out = Object.fromEntries(['m-out', 'q-out', 'catch-out'].map((id) => [id, new Collector(helper.getNode(id))]));
  }

  it('refuses an http:// base URL to another machine on every node, before any DNS lookup', async () => {
    spy = new DnsSpy();
    await deploy({ baseUrl: 'http://analytics.invalid/orca-streams-rest' });
    const refusal = /base URL refused, not encrypted: http:\/\/analytics\.invalid\/orca-streams-rest/;
    for (const id of ['m', 'q']) {
      const shown = statusesOf(id);
      assert.ok(shown.some((s) => s.fill === 'red' && /^error: base URL refused, not encrypted: http:\/\/analytics/.test(s.text ?? '')), `${id}: ${JSON.stringify(shown)}`);
    }
    const logged = helper.log().args.map((a: [{ msg?: unknown; level?: number }]) => String(a[0]?.msg));
    assert.ok(logged.some((line: string) => refusal.test(line) && /Allow unencrypted connections to another machine/.test(line)), logged.join('\n'));
    helper.getNode('q').receive({});
    const [caught] = await out['catch-out'].waitFor(1);
    assert.match(caught.error!.message, /Analytics server "server": base URL refused, not encrypted/);
    assert.equal(spy.looked('analytics.invalid'), false, `looked up: ${spy.hosts.join(', ')}`);
    assert.doesNotMatch(everythingShown(), /ENOTFOUND|getaddrinfo/);
  });

  it('refuses a ws:// endpoint on another machine that the server hands out, says so once, and gives the subscription back', async () => {
    simulator = await startAnalyticsSimulator({ endpointOrigin: 'ws://analytics.invalid:9' });
    spy = new DnsSpy();
    await deploy({ baseUrl: simulator.baseUrl }, [MEASURES]);
    const m = helper.getNode('m');
    const status = await waitForStatus(m, (s) => s.fill === 'red' && /^error: data publisher endpoint refused, not encrypted/.test(s.text ?? ''), 15000);
    assert.match(status.text!, /^error: /);
    // It tries again (a person may change the server): the second refusal is not logged again.
    await until('a second subscription attempt given back', () => simulator!.requests.filter((r) => r.method === 'DELETE' && r.status === 200).length >= 2, 15000, 50);
    const warnings = helper.log().args.filter((a: [{ msg?: unknown }]) => /data publisher endpoint refused, not encrypted: ws:\/\/analytics\.invalid:9\//.test(String(a[0]?.msg)));
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.equal(simulator.sockets().length, 0, 'no WebSocket reached the simulator');
    assert.equal(spy.looked('analytics.invalid'), false, `looked up: ${spy.hosts.join(', ')}`);
  });

  describe('with this machine\'s network address (another machine as far as the URL says)', () => {
    let base: string;
    beforeEach(async function () {
      const lan = lanAddress();
      if (!lan) return this.skip();
      const port = await freePort();
      simulator = await startAnalyticsSimulator({ host: '0.0.0.0', port, endpointOrigin: `ws://${lan}:${port}` });
      base = `http://${lan}:${port}/orca-streams-rest`;
    });

    it('sends nothing there unless allowed', async () => {
      await deploy({ baseUrl: base });
      helper.getNode('q').receive({});
      await out['catch-out'].waitFor(1);
      for (const id of ['m', 'q']) assert.ok(statusesOf(id).some((s) => s.fill === 'red' && /not encrypted/.test(s.text ?? '')), id);
      assert.deepEqual(simulator!.requests, [], 'no request reached the server');
    });

    it('streams when allowed, and shows NOT encrypted on every node', async () => {
      await deploy({ baseUrl: base, allowUnencrypted: true });
      await out['m-out'].waitUntil('pumpup complete', (msgs) => msgs.some((x) => x.event.type === 'pumpupComplete'));
      helper.getNode('q').receive({});
      await out['q-out'].waitFor(1);
      for (const id of ['m', 'q']) {
        const last = statusesOf(id).at(-1)!;
        assert.equal(last.fill, 'yellow', `${id}: ${JSON.stringify(last)}`);
        assert.match(last.text ?? '', /^NOT encrypted · /);
      }
      assert.equal(simulator!.sockets().length, 1, 'the WebSocket went to the network address');
    });
  });
});
