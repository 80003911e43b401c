import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { parseAxpCliArgs, runAxpCli } from '../../nodes/axp/simulator';
import { until } from '../support/wait';

describe('AXP simulator CLI', function () {
  this.timeout(20000);

  it('defaults to port 8090, account DYNNUG, node-red / secret, traffic every 5 s, pingInterval 300', () => {
    assert.deepEqual(parseAxpCliArgs([]), {
      port: 8090, accountId: 'DYNNUG', clientId: 'node-red', clientSecret: 'secret', trafficEverySeconds: 5, pingIntervalS: 300, help: false,
    });
  });

  it('reads its flags and refuses bad values', () => {
    const opts = parseAxpCliArgs(['--port', '0', '--account=ZWJJIQ', '--client-id', 'flows', '--client-secret', 'p@ss', '--traffic-every', '0.5', '--ping-interval', '30']);
    assert.deepEqual(opts, { port: 0, accountId: 'ZWJJIQ', clientId: 'flows', clientSecret: 'p@ss', trafficEverySeconds: 0.5, pingIntervalS: 30, help: false });
    assert.equal(parseAxpCliArgs(['--help']).help, true);
    assert.throws(() => parseAxpCliArgs(['--port', '70000']), /--port/);
    assert.throws(() => parseAxpCliArgs(['--account', 'DYN1']), /six letters/);
    assert.throws(() => parseAxpCliArgs(['--traffic-every', 'often']), /--traffic-every/);
    assert.throws(() => parseAxpCliArgs(['--ping-interval', '1.5']), /--ping-interval/);
    assert.throws(() => parseAxpCliArgs(['--client-id', '']), /must not be empty/);
    assert.throws(() => parseAxpCliArgs(['--bogus']), /unknown option --bogus/);
  });

  it('prints the URLs and credentials, serves traffic to a raw client, logs requests, and stops on SIGINT', async () => {
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
      const running = runAxpCli(['--port', '0', '--account', 'JDBUTC', '--client-id', 'demo', '--client-secret', 'demo-secret', '--traffic-every', '0.2']);
      await until('the banner', () => out.join('').includes('Ctrl+C'), 5000, 20);
      const banner = out.join('');
      const url = /AXP simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
      assert.ok(url, banner);
      assert.match(banner, /client id\s+demo\n/);
      assert.match(banner, /client secret\s+demo-secret\n/);
      assert.ok(banner.includes(`${url}/api/auth/v1/JDBUTC/protocol/openid-connect/token`));
      const tokenAnswer = await fetch(`${url}/api/auth/v1/JDBUTC/protocol/openid-connect/token`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=demo&client_secret=demo-secret',
      });
      const accessToken = ((await tokenAnswer.json()) as { access_token: string }).access_token;
      const created = await fetch(`${url}/api/notification/v1/accounts/JDBUTC/subscriptions`, {
        method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ family: 'AGENT_ENGAGEMENT', events: ['ALL'], transport: { type: 'WEBSOCKET' } }),
      });
      const subscription = (await created.json()) as { subscriptionId: string; transport: { endpoint: string } };
      const ws = new WebSocket(subscription.transport.endpoint);
      socket = ws;
      const notification = new Promise<any>((resolve) => ws.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.body) resolve(frame);
      }));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ event: 'authentication', subscriptionId: subscription.subscriptionId, token: accessToken }));
      assert.equal((await notification).accountId, 'JDBUTC');
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      process.emit('SIGINT', 'SIGINT');
      await running;
      assert.equal(await closed, 1000);
    } finally {
      process.stdout.write = writeOut;
      process.stderr.write = writeErr;
      for (const handler of interruptHandlers) process.on('SIGINT', handler);
      socket?.terminate();
    }
    const log = err.join('');
    assert.match(log, /axp simulator: POST \/api\/auth\/v1\/JDBUTC\/protocol\/openid-connect\/token -> 200\n/);
    assert.match(log, /axp simulator: POST \/api\/notification\/v1\/accounts\/JDBUTC\/subscriptions -> 201\n/);
    assert.match(log, /socket authenticated for subscription/);
    assert.match(log, /stopped after 2 requests/);
    assert.ok(!log.includes('demo-secret'), 'no secret in the log');
  });
});
