import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { parseAnalyticsCliArgs, runAnalyticsCli } from '../../nodes/analytics/simulator';
import { until } from '../support/wait';

describe('Analytics simulator CLI', function () {
  this.timeout(20000);

  it('defaults to port 8091, traffic every 2 s and an 8 s heartbeat', () => {
    assert.deepEqual(parseAnalyticsCliArgs([]), { port: 8091, trafficEverySeconds: 2, heartbeatSeconds: 8, help: false });
  });

  it('reads its flags and refuses bad values', () => {
    assert.deepEqual(parseAnalyticsCliArgs(['--port', '0', '--traffic-every=0.5', '--heartbeat', '1.5']), { port: 0, trafficEverySeconds: 0.5, heartbeatSeconds: 1.5, help: false });
    assert.equal(parseAnalyticsCliArgs(['--help']).help, true);
    assert.throws(() => parseAnalyticsCliArgs(['--port', '70000']), /--port/);
    assert.throws(() => parseAnalyticsCliArgs(['--traffic-every', 'often']), /--traffic-every/);
    assert.throws(() => parseAnalyticsCliArgs(['--heartbeat', '0']), /--heartbeat/);
    assert.throws(() => parseAnalyticsCliArgs(['--bogus']), /unknown option --bogus/);
  });

  it('prints the base URL and the credentials, serves a raw client, logs requests, and stops on SIGINT', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const writeOut = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const interruptHandlers = process.listeners('SIGINT');
    process.removeAllListeners('SIGINT');
    process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
    let socket: WebSocket | undefined;
    try {
      const running = runAnalyticsCli(['--port', '0', '--traffic-every', '0.05', '--heartbeat', '0.3']);
      await until('the banner', () => out.join('').includes('Ctrl+C'), 5000, 20);
      const banner = out.join('');
      const base = /Analytics simulator on (http:\/\/127\.0\.0\.1:\d+\/orca-streams-rest)/.exec(banner)?.[1];
      assert.ok(base, banner);
      assert.match(banner, /supervisor \/ secret \(supervisor\)/);
      assert.match(banner, /agentuser \/ secret/);
      const login = await fetch(`${base}/users/login?tenant=0&username=supervisor&password=secret`);
      const token = ((await login.json()) as { authdata: string }).authdata;
      const sourceId = ((await (await fetch(`${base}/sources`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sourceId: string }[])[0].sourceId;
      const body = { sourceId, producerId: 'Agent_SoD_3.5', streamType: 'SoD', transport: 'websocket', tenantId: '0', username: 'supervisor' };
      const subscribed = await fetch(`${base}/sources/${sourceId}/producers/Agent_SoD_3.5/subscriptions`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      const response = (await subscribed.json()) as Record<string, string>;
      const ws = new WebSocket(response.endpoint);
      socket = ws;
      const live = new Promise<any>((resolve) => ws.on('message', (data) => {
        const text = data.toString();
        if (text.startsWith('{') && JSON.parse(text).pumpup === false && JSON.parse(text).heartbeat === false) resolve(JSON.parse(text));
      }));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ authorization: token, eventName: 'subscriptionRedirect', ...response }));
      const delta = await live;
      assert.equal(delta.producerId, 'Agent_SoD_3.5');
      assert.ok(err.join('').includes('analytics simulator: GET /orca-streams-rest/users/login -> 200'));
      assert.ok(!err.join('').includes('password=secret'), 'no query strings in the log');
      process.emit('SIGINT');
      await running;
      assert.match(err.join(''), /stopped after \d+ requests/);
    } finally {
      socket?.terminate();
      process.stdout.write = writeOut;
      process.stderr.write = writeErr;
      for (const handler of interruptHandlers) process.on('SIGINT', handler as NodeJS.SignalsListener);
    }
  });
});
