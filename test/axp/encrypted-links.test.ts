import assert from 'assert/strict';
import { checkAccount, type AxpAccountSettings } from '../../nodes/axp/client/account-settings';
import { checkEncrypted } from '../../nodes/axp/client/encrypted-links';
import { isLoopbackHost, UnencryptedLinkError } from '../../nodes/shared/http/unencrypted-links';
import { AxpTokenSource } from '../../nodes/axp/client/token-source';
import { AxpSubscriptionsApi } from '../../nodes/axp/client/subscriptions-api';
import type { AxpSimulator } from '../../nodes/axp/simulator';
import { accountOf, spyOnNetwork, StreamUnderTest, startAxpSimulator, type NetworkSpy } from '../support/axp';

const SETTINGS: AxpAccountSettings = {
  apiHost: 'uk.cc.avayacloud.com', accountId: 'DYNNUG', clientId: 'c', clientSecret: 's', rejectUnauthorized: true, allowUnencrypted: false,
};

describe('AXP: no secret over an unencrypted link to another machine', function () {
  this.timeout(30000);

  describe('the rule, on the URL alone', () => {
    const loopback: [string, boolean][] = [
      ['localhost', true], ['LOCALHOST', true], ['localhost.', true], ['127.0.0.1', true], ['127.255.3.4', true], ['[::1]', true],
      ['128.0.0.1', false], ['10.0.0.1', false], ['127.0.0.1.example.com', false], ['localhost.example.com', false], ['mylocalhost', false],
      ['[::ffff:7f00:1]', true], ['[fe80::1]', false], ['api.example.invalid', false],
    ];
    for (const [host, expected] of loopback) {
      it(`${host} is ${expected ? '' : 'not '}a loopback host`, () => assert.equal(isLoopbackHost(host), expected));
    }

    const links: [url: string, allowed: boolean, refused: boolean][] = [
      ['https://api.example.invalid/x', false, false],
      ['wss://events.example.invalid/ws', false, false],
      ['http://api.example.invalid/x', false, true],
      ['ws://events.example.invalid/ws', false, true],
      ['HTTP://API.EXAMPLE.INVALID/', false, true],
      ['http://10.1.2.3:8090/x', false, true],
      ['http://api.example.invalid/x', true, false],
      ['ws://events.example.invalid/ws', true, false],
      ['http://127.0.0.1:8090/x', false, false],
      ['http://127.1:8090/x', false, false],
      ['http://0x7f.0.0.1/x', false, false],
      ['ws://[::1]:8090/ws', false, false],
      ['http://[0:0:0:0:0:0:0:1]/x', false, false],
      ['http://localhost:8090/x', false, false],
    ];
    for (const [url, allowed, refused] of links) {
      it(`${url}${allowed ? ' (unencrypted allowed)' : ''} is ${refused ? 'refused' : 'accepted'}`, () => {
        const check = () => checkEncrypted(url, 'the API host', 'the bearer token', allowed);
        if (refused) assert.throws(check, (err: Error) => err instanceof UnencryptedLinkError && /refused unencrypted .*expose the bearer token/.test(err.message));
        else assert.doesNotThrow(check);
      });
    }

    it('refuses an account whose API host or token URL is http:// to another machine, naming what it would expose', () => {
      assert.throws(() => checkAccount({ ...SETTINGS, apiHost: 'http://api.example.invalid' }), /refused unencrypted http:\/\/ to api\.example\.invalid \(the API host\): it would expose the client secret and the bearer token/);
      assert.throws(() => checkAccount({ ...SETTINGS, tokenUrl: 'http://idp.example.invalid/token' }), /refused unencrypted http:\/\/ to idp\.example\.invalid \(the token URL\): it would expose the client secret/);
      assert.throws(() => checkAccount({ ...SETTINGS, apiHost: 'http://api.example.invalid', tokenUrl: 'https://idp.example.invalid/token' }), /\(the API host\): it would expose the bearer token to the network;/);
      assert.doesNotThrow(() => checkAccount({ ...SETTINGS, apiHost: 'http://api.example.invalid', allowUnencrypted: true }));
      assert.doesNotThrow(() => checkAccount({ ...SETTINGS, apiHost: 'http://127.0.0.1:8090' }));
    });
  });

  describe('before any lookup or connection', () => {
    let spy: NetworkSpy;
    beforeEach(() => { spy = spyOnNetwork(); });
    afterEach(() => spy.restore());

    it('refuses the token request to an http:// token URL: the error is the refusal, and nothing was looked up or asked', async () => {
      const tokens = new AxpTokenSource({ ...SETTINGS, tokenUrl: 'http://idp.example.invalid/token' });
      await assert.rejects(tokens.get(), (err: Error) => err instanceof UnencryptedLinkError && !/ENOTFOUND/.test(err.message));
      assert.deepEqual([spy.lookups, spy.requests], [[], []]);
    });

    it('refuses REST calls to an http:// API host the same way, with a real token in hand', async () => {
      const simulator = await startAxpSimulator();
      try {
        const settings = { ...accountOf(simulator), apiHost: 'http://api.example.invalid', tokenUrl: simulator.tokenUrl };
        const api = new AxpSubscriptionsApi(settings, new AxpTokenSource(settings));
        await assert.rejects(api.create([]), (err: Error) => err instanceof UnencryptedLinkError && /\(the API host\): it would expose the bearer token/.test(err.message));
        assert.equal(simulator.tokenRequests, 1, 'the token came from the simulator');
        assert.deepEqual(spy.lookups.filter((h) => h.endsWith('.invalid')), []);
        assert.deepEqual(spy.requests.filter((r) => r.includes('.invalid')), []);
      } finally {
        await simulator.stop();
      }
    });

    it('with unencrypted links allowed, goes ahead: the spy sees the lookup (so it would have seen one above)', async () => {
      const tokens = new AxpTokenSource({ ...SETTINGS, tokenUrl: 'http://idp.example.invalid/token', allowUnencrypted: true });
      await assert.rejects(tokens.get(), /ENOTFOUND/);
      assert.deepEqual(spy.lookups, ['idp.example.invalid']);
      assert.deepEqual(spy.requests, ['http://idp.example.invalid']);
    });
  });

  describe('the WebSocket endpoint the server hands out', () => {
    let simulator: AxpSimulator;
    let spy: NetworkSpy;
    const streams: StreamUnderTest[] = [];
    afterEach(async () => {
      spy?.restore();
      await Promise.all(streams.splice(0).map((s) => s.stream.stop()));
      await simulator?.stop();
    });

    it('refuses a ws:// endpoint on another machine before looking it up, and says why', async () => {
      simulator = await startAxpSimulator({ publicUrl: 'http://events.example.invalid:8090' });
      const s = new StreamUnderTest(accountOf(simulator)).start();
      streams.push(s);
      spy = spyOnNetwork();
      await s.reaches('refused');
      assert.match(s.stream.machine.reason ?? '', /^refused unencrypted ws:\/\/ to events\.example\.invalid:8090 \(the subscription's endpoint\): it would expose the bearer token/);
      assert.deepEqual(spy.lookups, [], 'no DNS lookup of the endpoint');
      assert.equal(spy.requests.filter((r) => r.includes('example.invalid')).length, 0, 'no connection to the endpoint');
      assert.equal(simulator.sockets().length, 0);
    });

    it('streams over ws:// on this machine (the simulator) without any permission', async () => {
      simulator = await startAxpSimulator();
      const s = new StreamUnderTest(accountOf(simulator)).start();
      streams.push(s);
      await s.reaches('streaming');
    });
  });
});
