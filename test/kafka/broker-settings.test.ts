import assert from 'assert/strict';
import { KafkaSettingsError, parseBrokerList, toKafkaConfig, type KafkaBrokerSettings } from '../../nodes/shared/kafka/broker-settings';
import { kafkaClientSettings, type KafkaBrokerDefinition } from '../../nodes/kafka/kafka-broker-node';
import { opensslCipherList } from '../../nodes/shared/kafka/tls-ciphers';
import { makeTestPki } from '../support/certificates';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----';
const SECRET = 'Sup3r-s3cret!';
const pki = makeTestPki();

function errorOf(settings: KafkaBrokerSettings): KafkaSettingsError {
  try {
    toKafkaConfig(settings);
  } catch (err) {
    assert.ok(err instanceof KafkaSettingsError);
    return err;
  }
  assert.fail('expected a settings error');
}

describe('Kafka broker settings to kafkajs configuration', () => {
  it('splits and checks the broker list', () => {
    assert.deepEqual(parseBrokerList(' k1:9092, k2:9093 ,[::1]:9094'), ['k1:9092', 'k2:9093', '[::1]:9094']);
    assert.throws(() => parseBrokerList(''), /at least one host:port/);
    assert.throws(() => parseBrokerList('k1'), /"k1" is not host:port/);
    assert.throws(() => parseBrokerList('k1:99999'), /not host:port/);
  });

  it('leaves TLS and SASL off by default and fills timeouts', () => {
    const config = toKafkaConfig({ brokers: 'k1:9092' });
    assert.equal(config.ssl, undefined);
    assert.equal(config.sasl, undefined);
    assert.equal(config.clientId, 'node-red-contact-center');
    assert.equal(config.connectionTimeout, 10000);
    assert.equal(config.requestTimeout, 30000);
  });

  it('turns on TLS with certificate verification unless the user turns it off', () => {
    assert.deepEqual(toKafkaConfig({ brokers: 'k1:9093', tls: { enabled: true } }).ssl, { rejectUnauthorized: true });
    assert.deepEqual(toKafkaConfig({ brokers: 'k1:9093', tls: { enabled: true, rejectUnauthorized: false } }).ssl, { rejectUnauthorized: false });
  });

  it('passes the CA, client certificate, key, passphrase and server name to TLS', () => {
    const config = toKafkaConfig({
      brokers: 'k1:9093',
      tls: { enabled: true, ca: CA, cert: pki.clientCert, key: pki.clientKey, passphrase: pki.passphrase, servername: 'kafka.example.com' },
    });
    assert.deepEqual(config.ssl, { rejectUnauthorized: true, ca: [CA], cert: pki.clientCert.trim(), key: pki.clientKey.trim(), passphrase: pki.passphrase, servername: 'kafka.example.com' });
  });

  it('takes a PKCS#12 bundle with its passphrase, and pins TLS 1.2 with a cipher list', () => {
    const config = toKafkaConfig({
      brokers: 'k1:9093',
      tls: { enabled: true, pfx: pki.clientP12, passphrase: pki.passphrase, version: 'TLSv1.2', ciphers: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_EMPTY_RENEGOTIATION_INFO_SCSV' },
    });
    assert.ok(Buffer.isBuffer(config.ssl && typeof config.ssl === 'object' ? config.ssl.pfx : undefined));
    assert.equal((config.ssl as { minVersion: string }).minVersion, 'TLSv1.2');
    assert.equal((config.ssl as { maxVersion: string }).maxVersion, 'TLSv1.2');
    assert.equal((config.ssl as { ciphers: string }).ciphers, 'ECDHE-RSA-AES128-GCM-SHA256');
  });

  it('says when a passphrase is wrong instead of failing the handshake later', () => {
    assert.throws(() => toKafkaConfig({ brokers: 'k:1', tls: { enabled: true, pfx: pki.clientP12, passphrase: 'wrong' } }), /PKCS#12 bundle cannot be opened: wrong or missing passphrase/);
    assert.throws(() => toKafkaConfig({ brokers: 'k:1', tls: { enabled: true, cert: pki.clientCert, key: pki.clientKey, passphrase: 'wrong' } }), /client key and certificate cannot be opened: wrong or missing passphrase/);
    assert.throws(() => toKafkaConfig({ brokers: 'k:1', tls: { enabled: true, pfx: '%%%', passphrase: 'x' } }), /not base64/);
    assert.throws(() => toKafkaConfig({ brokers: 'k:1', tls: { enabled: true, ciphers: 'NOT-A-CIPHER' } }), /names no cipher/);
  });

  it('translates the Java cipher names of eventsdk.properties to OpenSSL names', () => {
    const pom = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_EMPTY_RENEGOTIATION_INFO_SCSV';
    assert.equal(opensslCipherList(pom), 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384');
    assert.equal(opensslCipherList('TLS_RSA_WITH_AES_256_CBC_SHA256, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'), 'AES256-SHA256:ECDHE-RSA-AES128-SHA');
    assert.equal(opensslCipherList('ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256'), 'ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256');
  });

  it('ignores TLS material while TLS is off', () => {
    assert.equal(toKafkaConfig({ brokers: 'k1:9092', tls: { enabled: false, ca: CA } }).ssl, undefined);
  });

  for (const mechanism of ['plain', 'scram-sha-256', 'scram-sha-512'] as const) {
    it(`configures SASL ${mechanism}`, () => {
      const config = toKafkaConfig({ brokers: 'k1:9092', sasl: { mechanism, username: 'svc', password: SECRET } });
      assert.deepEqual(config.sasl, { mechanism, username: 'svc', password: SECRET });
    });
  }

  it('says what to fix, without echoing secrets', () => {
    const problems = [
      errorOf({ brokers: 'k1:9092', sasl: { mechanism: 'plain', username: 'svc' } }),
      errorOf({ brokers: 'k1:9092', sasl: { mechanism: 'oauth' as never, username: 'svc', password: SECRET } }),
      errorOf({ brokers: 'k1:9092', tls: { enabled: true, cert: CERT, passphrase: SECRET } }),
      errorOf({ brokers: 'k1:9092', tls: { enabled: true, key: `not a key ${SECRET}`, cert: CERT } }),
      errorOf({ brokers: 'k1:9092', tls: { enabled: true, ca: `garbage ${SECRET}` } }),
      errorOf({ brokers: 'k1:9092', connectionTimeoutMs: -5 }),
    ];
    assert.match(problems[0].message, /needs a username and a password/);
    assert.match(problems[1].message, /not one of none, plain/);
    assert.match(problems[2].message, /certificate and client key go together/);
    assert.match(problems[3].message, /client key is not a PEM/);
    assert.match(problems[4].message, /CA certificate is not a PEM/);
    assert.match(problems[5].message, /Connection timeout must be a positive/);
    for (const problem of problems) assert.ok(!problem.message.includes(SECRET), problem.message);
  });
});

describe('cc-kafka-broker properties and credentials to kafkajs configuration', () => {
  const base = { id: 'b', type: 'cc-kafka-broker', brokers: 'k1:9093', clientId: 'nr', servername: '', connectionTimeout: '', sessionTimeout: '' };

  it('keeps TLS verification on when the property is absent, and takes the PEM texts from credentials', () => {
    const settings = kafkaClientSettings({ ...base, tls: true, sasl: 'scram-sha-512' } as unknown as KafkaBrokerDefinition, {
      ca: CA, cert: pki.clientCert, key: pki.clientKey, passphrase: pki.passphrase, username: 'svc', password: SECRET,
    });
    const config = toKafkaConfig(settings);
    assert.deepEqual(config.ssl, { rejectUnauthorized: true, ca: [CA], cert: pki.clientCert.trim(), key: pki.clientKey.trim(), passphrase: pki.passphrase });
    assert.deepEqual(config.sasl, { mechanism: 'scram-sha-512', username: 'svc', password: SECRET });
    assert.equal(settings.sessionTimeoutMs, undefined);
  });

  it('turns verification off only when the user unticks it, and reads timeouts as numbers', () => {
    const settings = kafkaClientSettings({ ...base, tls: true, rejectUnauthorized: false, sasl: 'none', connectionTimeout: '2500', sessionTimeout: 6000 } as KafkaBrokerDefinition, {});
    const config = toKafkaConfig(settings);
    assert.deepEqual(config.ssl, { rejectUnauthorized: false });
    assert.equal(config.sasl, undefined);
    assert.equal(config.connectionTimeout, 2500);
    assert.equal(settings.sessionTimeoutMs, 6000);
  });
});
