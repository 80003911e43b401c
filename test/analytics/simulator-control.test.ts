import assert from 'node:assert/strict';
import { AnalyticsSimulator } from '../../nodes/analytics/simulator';
import { decoded, isData, login, rest, streaming, subscribe } from './simulator-harness';

describe('Analytics simulator: traffic and the /__sim control API', function () {
  this.timeout(20000);
  let sim: AnalyticsSimulator;
  const control = (path: string, body?: unknown, method?: string): Promise<{ status: number; body: any }> =>
    rest(`${sim.baseUrl.replace('/orca-streams-rest', '')}/__sim/${path}`, { body, method });

  afterEach(async () => {
    await sim?.stop();
  });

  it('drives agent states, contacts, group removal, faults and introspection over HTTP, outside the request log', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client } = await streaming(sim, ['Agent_SoD_3.5']);
    const logged = sim.requests.length;
    client.frames.length = 0;
    assert.equal((await control('agents/state', { agentId: 'scollins', state: 'READY' })).status, 200);
    const delta = decoded(await client.take(isData));
    assert.deepEqual(delta.dimension, { agentId: 'scollins' });
    assert.equal((await control('contacts', { agentId: 'scollins' })).status, 200);
    await client.take((f) => isData(f) && JSON.parse(f.realtimeData).completed === 1, 'the completed contact');
    const bad = await control('agents/state', { agentId: 'nobody', state: 'READY' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /no agent nobody/);
    assert.equal((await control('agents/remove-from-group', { agentId: 'jsmith' })).status, 200);
    await client.take((f) => isData(f) && f.eventAction === 'DELETE');
    assert.equal((await control('raw', { text: 'garbage' })).status, 200);
    await client.take((f) => f === 'garbage');
    const state = await control('state');
    assert.deepEqual(state.body.users, [{ username: 'supervisor', supervisor: true }, { username: 'agentuser', supervisor: false }]);
    assert.equal(state.body.subscriptions[0].producerId, 'Agent_SoD_3.5');
    assert.equal(state.body.sockets[0].username, 'supervisor');
    assert.match((await fetch(`${sim.baseUrl.replace('/orca-streams-rest', '')}/__sim/public-key.pem`).then((r) => r.text())), /BEGIN PUBLIC KEY/);
    assert.equal((await control('faults/rest', { status: 502 })).status, 200);
    assert.equal((await rest(`${sim.baseUrl}/users/login?username=supervisor&password=secret`)).status, 502);
    assert.equal((await control('tokens/expire', {})).status, 200);
    assert.equal((await control('nothing')).status, 404);
    assert.equal(sim.requests.length, logged + 1, 'only the vendor request was logged');
    assert.equal((await control('sockets/drop', { closeFrame: false })).status, 200);
    assert.equal((await client.closed).code, 1006);
  });

  it('hangs on request over HTTP, writes contact details in bulk, and hands out endpoints of another origin', async () => {
    sim = new AnalyticsSimulator({ agents: 2 });
    await sim.start();
    const { client } = await streaming(sim, ['ContactDetail_CDR_3.5']);
    client.frames.length = 0;
    assert.equal((await control('contacts/details', { count: 30 })).status, 200);
    for (let i = 0; i < 30; i++) await client.take((f) => isData(f) && 'segmentId' in decoded(f).dimension, `contact detail ${i}`);
    assert.match((await control('contacts/details', { count: 0 })).body.error, /count >= 1/);
    client.close();
    assert.equal((await control('faults/hang', { point: 'login' })).status, 200);
    const hung = new Promise((resolve) => sim.once('hung', resolve));
    const never = rest(`${sim.baseUrl}/users/login?username=supervisor&password=secret`).then(() => 'answered', () => 'dropped');
    assert.deepEqual(await hung, { point: 'login' });
    assert.equal(sim.heldConnections, 1);
    assert.equal((await control('faults/hang', { point: 'dinner' })).status, 400);
    await sim.stop();
    assert.equal(await never, 'dropped', 'stop() drops what it held');

    sim = new AnalyticsSimulator({ agents: 2, endpointOrigin: 'ws://publisher.invalid:9' });
    await sim.start();
    const response = await subscribe(sim, await login(sim), 'Agent_SoD_3.5');
    assert.match(response.endpoint, /^ws:\/\/publisher\.invalid:9\//);
    assert.throws(() => new AnalyticsSimulator({ endpointOrigin: 'ftp://x' }), /endpointOrigin/);
  });

  it('runs random traffic that keeps the streams moving until stopped', async () => {
    sim = new AnalyticsSimulator({ agents: 4, seed: 3 });
    await sim.start();
    const { client } = await streaming(sim, ['Agent_SoD_3.5', 'RoutingService_SoD_3.5']);
    client.frames.length = 0;
    sim.startTraffic(20);
    for (let i = 0; i < 5; i++) await client.take(isData, `traffic delta ${i}`);
    sim.stopTraffic();
    const token = await login(sim);
    assert.equal(typeof token, 'string');
    assert.throws(() => sim.startTraffic(0), /positive/);
    assert.deepEqual(sim.agentIds(), ['scollins', 'jsmith', 'nbolshak', 'mlopez']);
    client.close();
  });

  it('refuses bad options and bad calls with a RangeError', () => {
    assert.throws(() => new AnalyticsSimulator({ wireForm: 'xml' as never }), /wireForm/);
    assert.throws(() => new AnalyticsSimulator({ users: [] }), /at least one user/);
    assert.throws(() => new AnalyticsSimulator({ maxSupervisors: 0 }), /maxSupervisors/);
    assert.throws(() => new AnalyticsSimulator({ heartbeatMs: -1 }), /heartbeatMs/);
    sim = new AnalyticsSimulator({ agents: 9 });
    assert.equal(sim.agentIds().length, 9);
    assert.equal(sim.agentIds()[8], 'agent9');
    assert.throws(() => sim.setAgentState('scollins', 'AWAY' as never), /state must be/);
    assert.throws(() => sim.failNextRest(200), /400-599/);
    assert.throws(() => sim.removeAgentFromGroup('nobody'), /no agent/);
  });
});
