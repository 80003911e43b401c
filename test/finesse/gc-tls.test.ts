import assert from 'assert/strict';
import net from 'net';
import tls from 'tls';
import { GcSession } from '../../nodes/finesse/client/gc-session';
import { gcSessionOptions } from '../../nodes/finesse/gc-node';
import type { GcSimulator } from '../../nodes/finesse/simulator';
import { makeTestPki, type TestPki } from '../support/certificates';
import { linkReaches, sessionOptions, startSimulator, uniqueName } from '../support/finesse';
import { closeServer, tlsProxy } from '../support/finesse-tls';
import { nextEmitted } from '../support/wait';

describe('GC session over TLS', function () {
  this.timeout(60000);
  let pki: TestPki;
  let proxy: tls.Server;
  let simulator: GcSimulator;
  let queue: string;
  const sessions: GcSession[] = [];

  before(async () => {
    pki = makeTestPki();
    proxy = await tlsProxy(pki);
  });
  after(() => closeServer(proxy));
  beforeEach(async () => {
    queue = uniqueName('cc_gc');
    simulator = await startSimulator({ commandQueue: queue });
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.stop()));
    await simulator.stop();
  });

  const open = (secure: tls.ConnectionOptions) => {
    const port = (proxy.address() as net.AddressInfo).port;
    const session = new GcSession({ ...sessionOptions(queue), endpoint: { host: '127.0.0.1', port, tls: secure } });
    sessions.push(session);
    return session;
  };

  it('verifies the broker certificate by default: the node config turns verification on', () => {
    const options = gcSessionOptions({ id: 'n1', type: 'cc-finesse-gc', host: 'amq', port: 61614, tls: true, vhost: '', commandQueue: '', clientDestination: '', helloTimeout: '', beatInterval: '', ttl: '' }, {});
    assert.deepEqual(options.endpoint.tls, { rejectUnauthorized: true });
  });

  it('refuses a broker whose certificate it cannot verify, and says why', async () => {
    const session = open({});
    const refused = nextEmitted(session, 'link', 'a refused TLS connection', (change: { event: string; reason?: string }) => change.event === 'broker-lost');
    session.start();
    const change = await refused as { reason?: string };
    assert.match(change.reason ?? '', /certificate/i);
    assert.equal(session.state, 'broker-down');
  });

  it('gets in service through TLS with the private CA, or with verification turned off', async () => {
    const trusted = open({ ca: pki.ca });
    trusted.start();
    await linkReaches(trusted, 'in-service');
    const unverified = open({ rejectUnauthorized: false });
    unverified.start();
    await linkReaches(unverified, 'in-service');
  });
});
