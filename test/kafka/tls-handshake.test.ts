import assert from 'assert/strict';
import type { AddressInfo } from 'net';
import tls from 'tls';
import { KafkaBrokerClient } from '../../nodes/shared/kafka/kafka-broker-client';
import type { KafkaSource, KafkaSourceState } from '../../nodes/shared/kafka/kafka-source';
import { makeTestPki, type TestPki } from '../support/certificates';

const quiet = { warn() {}, info() {}, debug() {} };

/** A TLS endpoint that, like a broker with ssl.client.auth=required, accepts only clients with a certificate from its CA. */
function mutualTlsServer(pki: TestPki) {
  const server = tls.createServer({ key: pki.serverKey, cert: pki.serverCert, ca: [pki.ca], requestCert: true, rejectUnauthorized: true });
  const clients: string[] = [];
  const rejected: string[] = [];
  const negotiated: string[] = [];
  server.on('secureConnection', (socket) => {
    clients.push(String(socket.getPeerCertificate().subject.CN));
    negotiated.push(`${socket.getProtocol()} ${socket.getCipher().name}`);
    socket.destroy();
    server.emit('client');
  });
  server.on('tlsClientError', (err) => {
    rejected.push(err.message);
    server.emit('client');
  });
  return { server, clients, rejected, negotiated };
}

function listen(server: tls.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function startSource(client: KafkaBrokerClient): KafkaSource {
  const source = client.createSource({ topics: ['voice-agentstate'], groupId: 'tls-test', fromBeginning: false, onRecord: () => true });
  source.start();
  return source;
}

function stateMatching(source: KafkaSource, predicate: (s: KafkaSourceState) => boolean): Promise<KafkaSourceState> {
  return new Promise((resolve) => source.on('state', (s: KafkaSourceState) => predicate(s) && resolve(s)));
}

describe('Kafka TLS handshake', function () {
  this.timeout(30000);
  let pki: TestPki;
  before(() => {
    pki = makeTestPki();
  });

  it('presents the client certificate (with its key passphrase) to a broker that demands one', async () => {
    const { server, clients } = mutualTlsServer(pki);
    const port = await listen(server);
    const seen = new Promise((resolve) => server.once('client', resolve));
    const client = new KafkaBrokerClient({
      brokers: `localhost:${port}`,
      tls: { enabled: true, ca: pki.ca, cert: pki.clientCert, key: pki.clientKey, passphrase: pki.passphrase },
    }, quiet);
    const source = startSource(client);
    try {
      await seen;
      assert.deepEqual(clients, [pki.clientCommonName]);
    } finally {
      await source.stop();
      server.close();
    }
  });

  it('presents a PKCS#12 identity over TLS 1.2 with the cipher list POM documents', async () => {
    const { server, clients, negotiated } = mutualTlsServer(pki);
    const port = await listen(server);
    const seen = new Promise((resolve) => server.once('client', resolve));
    const client = new KafkaBrokerClient({
      brokers: `localhost:${port}`,
      tls: {
        enabled: true, ca: pki.ca, pfx: pki.clientP12, passphrase: pki.passphrase, version: 'TLSv1.2',
        ciphers: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_EMPTY_RENEGOTIATION_INFO_SCSV',
      },
    }, quiet);
    const source = startSource(client);
    try {
      await seen;
      assert.deepEqual(clients, [pki.clientCommonName]);
      assert.deepEqual(negotiated, ['TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384']);
    } finally {
      await source.stop();
      server.close();
    }
  });

  it('is refused by that broker without a client certificate', async () => {
    const { server, clients, rejected } = mutualTlsServer(pki);
    const port = await listen(server);
    const seen = new Promise((resolve) => server.once('client', resolve));
    const client = new KafkaBrokerClient({ brokers: `localhost:${port}`, tls: { enabled: true, ca: pki.ca } }, quiet);
    const source = startSource(client);
    try {
      await seen;
      assert.deepEqual(clients, []);
      assert.equal(rejected.length, 1);
    } finally {
      await source.stop();
      server.close();
    }
  });

  it('verifies the broker certificate by default and reports an untrusted one as an error', async () => {
    const server = tls.createServer({ key: pki.serverKey, cert: pki.serverCert });
    const port = await listen(server);
    const client = new KafkaBrokerClient({ brokers: `localhost:${port}`, tls: { enabled: true } }, quiet);
    const source = startSource(client);
    try {
      const state = await stateMatching(source, (s) => s.state === 'error');
      assert.match(state.reason ?? '', /^TLS: .*(certificate|self.signed)/i);
    } finally {
      await source.stop();
      server.close();
    }
  });
});
