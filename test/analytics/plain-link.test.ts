import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnalyticsSession } from '../../nodes/analytics/client/analytics-session';
import { checkPlainLink } from '../../nodes/analytics/client/plain-link';
import { isLoopbackHost, UnencryptedLinkError } from '../../nodes/shared/http/unencrypted-links';
import { DnsSpy } from '../support/dns-spy';

const SECRET = { username: 'supervisor', password: 'pässwörd&=7q#x' };

const made: AnalyticsSession[] = [];
function session(baseUrl: string, allowUnencrypted = false): AnalyticsSession {
  const s = new AnalyticsSession({ baseUrl, tenant: '0', rejectUnauthorized: true, allowUnencrypted, ...SECRET });
  made.push(s);
  return s;
}
const closeSessions = () => { for (const s of made.splice(0)) s.close(); };

describe('Unencrypted links: refused to another machine before any connection', () => {
  let spy: DnsSpy | undefined;
  afterEach(() => {
    spy?.restore();
    closeSessions();
  });

  const LOOPBACK: [string, boolean][] = [
    ['localhost', true], ['LOCALHOST.', true], ['127.0.0.1', true], ['127.255.0.9', true], ['[::1]', true], ['[::ffff:7f00:1]', true],
    ['128.0.0.1', false], ['10.0.0.1', false], ['[::2]', false], ['localhost.example.com', false], ['my-localhost', false], ['analytics.invalid', false],
  ];
  for (const [host, loopback] of LOOPBACK) {
    it(`reads ${host} as ${loopback ? 'this machine' : 'another machine'} from its spelling`, () => {
      assert.equal(isLoopbackHost(host), loopback);
    });
  }

  it('reads the URL parser\'s spellings of 127.0.0.1 (127.1, 2130706433, 0x7f.1) as this machine', () => {
    for (const url of ['http://127.1/x', 'http://2130706433/', 'http://0x7f.1/']) assert.doesNotThrow(() => checkPlainLink(new URL(url), false, 'base URL', 'x'));
  });

  it('lets TLS through everywhere, plain links only to this machine or when allowed', () => {
    assert.doesNotThrow(() => checkPlainLink(new URL('https://analytics.example.com/'), false, 'base URL', 'x'));
    assert.doesNotThrow(() => checkPlainLink(new URL('wss://analytics.example.com/'), false, 'endpoint', 'x'));
    assert.doesNotThrow(() => checkPlainLink(new URL('ws://[::1]:9/'), false, 'endpoint', 'x'));
    assert.doesNotThrow(() => checkPlainLink(new URL('http://analytics.example.com/'), true, 'base URL', 'x'));
    assert.throws(() => checkPlainLink(new URL('http://analytics.example.com/a?token=t'), false, 'base URL', 'the supervisor password'), (err: Error) => {
      assert.ok(err instanceof UnencryptedLinkError);
      assert.match(err.message, /^base URL refused, not encrypted: http:\/\/analytics\.example\.com\/a would carry the supervisor password in clear to analytics\.example\.com\. Use an https:\/\/ base URL .*"Allow unencrypted connections to another machine"/);
      assert.doesNotMatch(err.message, /token=t/, 'no query string in the message');
      return true;
    });
  });

  it('refuses an http:// base URL to another machine when the session is made: no DNS lookup, no ENOTFOUND', () => {
    spy = new DnsSpy();
    assert.throws(() => session('http://analytics.invalid/orca-streams-rest'), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'unencrypted', `the refusal, not a lookup failure: ${err.message}`);
      assert.match(err.message, /^base URL refused, not encrypted: http:\/\/analytics\.invalid\/orca-streams-rest would carry the supervisor password \(the login sends it in the query string\) and the bearer token in clear to analytics\.invalid/);
      return true;
    });
    assert.deepEqual(spy.hosts, [], 'nothing was looked up');
  });

  it('does look an https:// name up (the spy sees lookups: the test above would notice one)', async () => {
    spy = new DnsSpy();
    await assert.rejects(session('https://analytics.invalid/orca-streams-rest').sources(), /ENOTFOUND/);
    assert.equal(spy.looked('analytics.invalid'), true);
  });

  it('allows an http:// base URL to another machine when told to', () => {
    assert.doesNotThrow(() => session('http://analytics.invalid/orca-streams-rest', true));
  });

  it('refuses a ws:// data publisher endpoint on another machine, whatever form the server gives it in', () => {
    const s = session('https://analytics.example.com/orca-streams-rest');
    assert.equal(s.socketUrl('wss://pub.example.com/ws'), 'wss://pub.example.com/ws');
    assert.equal(s.socketUrl('/data-publisher/ws'), 'wss://analytics.example.com/data-publisher/ws', 'a relative endpoint keeps the base\'s TLS');
    for (const endpoint of ['ws://pub.invalid:8080/ws', 'http://pub.invalid/ws']) {
      assert.throws(() => s.socketUrl(endpoint), (err: Error) => err instanceof UnencryptedLinkError && /^data publisher endpoint refused, not encrypted: ws:\/\/pub\.invalid.* the bearer token \(the subscription redirect carries it\)/.test(err.message), endpoint);
    }
    assert.equal(session('http://127.0.0.1:9/orca-streams-rest').socketUrl('ws://localhost:9/ws'), 'ws://localhost:9/ws');
    assert.equal(session('https://analytics.example.com/', true).socketUrl('ws://pub.invalid/ws'), 'ws://pub.invalid/ws');
  });
});

describe('The login never shows the password', () => {
  let server: http.Server;
  let base: string;
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  before(async () => {
    server = http.createServer((req, res) => answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orca-streams-rest`;
  });
  afterEach(closeSessions);
  after(() => new Promise((resolve) => server.close(resolve)));

  const leaks = (text: string) => [SECRET.password, encodeURIComponent(SECRET.password)].filter((form) => text.includes(form));

  it('sends it as the vendor document requires (the login\'s query string) and nowhere else', async () => {
    let seen: { url: string; headers: http.IncomingHttpHeaders } | undefined;
    answer = (req, res) => {
      seen = { url: req.url ?? '', headers: req.headers };
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"status":401,"message":"no"}');
    };
    await assert.rejects(session(base).sources());
    assert.equal(new URL(seen!.url, 'http://x').searchParams.get('password'), SECRET.password);
    assert.deepEqual(leaks(JSON.stringify(seen!.headers)), []);
  });

  it('takes it out of an error whose server echoes the request, in prose or as the URL', async () => {
    answer = (req, res) => {
      const url = req.url ?? '';
      const password = new URL(url, 'http://x').searchParams.get('password');
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`Login of supervisor with ${password} failed for GET ${url} (${decodeURIComponent(url)})`);
    };
    const s = session(base);
    const err = await s.sources().then(() => assert.fail('the login succeeded'), (e: Error) => e);
    assert.match(err.message, /login failed: 500 Internal Server Error: Login of supervisor with \[redacted\]/);
    assert.deepEqual(leaks(`${err.message}\n${err.stack}`), []);
  });

  it('names host and path only when the connection fails', async () => {
    answer = (req) => req.socket.destroy();
    const err = await session(base).sources().then(() => assert.fail('the login succeeded'), (e: Error) => e);
    assert.match(err.message, /GET 127\.0\.0\.1:\d+\/orca-streams-rest\/users\/login: socket hang up/);
    assert.deepEqual(leaks(err.message), []);
    assert.doesNotMatch(err.message, /\?/);
  });
});
