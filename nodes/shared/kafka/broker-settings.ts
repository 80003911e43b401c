import { normalizePem } from '../pem';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { createSecureContext, type ConnectionOptions, type SecureVersion } from 'tls';
import { opensslCipherList } from './tls-ciphers';

export type SaslMechanismName = 'none' | 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** What a cc-kafka-broker config node holds, secrets included (they come from Node-RED credentials). */
export interface KafkaBrokerSettings {
  /** Comma-separated host:port list. */
  brokers: string;
  clientId?: string;
  tls?: {
    enabled: boolean;
    ca?: string;
    cert?: string;
    key?: string;
    /** A PKCS#12 bundle (certificate and key), base64. */
    pfx?: string;
    /** Passphrase of the key or of the PKCS#12 bundle. */
    passphrase?: string;
    rejectUnauthorized?: boolean;
    servername?: string;
    /** Pin the protocol version ('TLSv1.2' as POM's SDK does); empty lets Node negotiate. */
    version?: '' | 'TLSv1.2' | 'TLSv1.3';
    /** Cipher suites, OpenSSL or Java names, comma- or colon-separated. */
    ciphers?: string;
  };
  sasl?: { mechanism: SaslMechanismName; username?: string; password?: string };
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** A setting a person has to fix; the message names the field and never echoes a secret. */
export class KafkaSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KafkaSettingsError';
  }
}

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/;

export function parseBrokerList(text: string): string[] {
  const brokers = (text || '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new KafkaSettingsError('Brokers is empty: give at least one host:port, e.g. kafka1:9092');
  for (const broker of brokers) {
    const m = HOST_PORT.exec(broker);
    const port = m ? Number(m[2]) : 0;
    if (!m || port < 1 || port > 65535) {
      throw new KafkaSettingsError(`Broker "${broker}" is not host:port (e.g. kafka1:9092)`);
    }
  }
  return brokers;
}

function pem(label: string, text: string | undefined, kind: string): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (!value.includes(`-----BEGIN `) || !value.includes(kind)) {
    throw new KafkaSettingsError(`TLS ${label} is not a PEM ${kind} (expected a block starting with -----BEGIN …${kind}-----)`);
  }
  return normalizePem(value);
}

function pkcs12(text: string | undefined): Buffer | undefined {
  const value = text?.replace(/\s+/g, '');
  if (!value) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new KafkaSettingsError('TLS PKCS#12 bundle is not base64 (load the .p12 file again)');
  return Buffer.from(value, 'base64');
}

/** Opens the key material once now, so a wrong passphrase is reported as such rather than as a failed handshake. */
function checkClientIdentity(options: ConnectionOptions): void {
  if (!options.pfx && !options.key) return;
  try {
    createSecureContext({ pfx: options.pfx, cert: options.cert, key: options.key, passphrase: options.passphrase });
  } catch (err) {
    const what = options.pfx ? 'PKCS#12 bundle' : 'client key and certificate';
    const reason = /bad decrypt|mac verify|password|passphrase|decrypt/i.test((err as Error).message) || isEncryptedPem(options.key)
      ? 'wrong or missing passphrase'
      : (err as Error).message.replace(/^error:[0-9A-F]+:/i, '');
    throw new KafkaSettingsError(`TLS ${what} cannot be opened: ${reason}`);
  }
}

/** Some OpenSSL 3 builds report a wrong passphrase on an encrypted PEM key only as "DECODER routines::unsupported". */
function isEncryptedPem(key: ConnectionOptions['key']): boolean {
  return typeof key === 'string' && /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(key);
}

function tlsOptions(tls: NonNullable<KafkaBrokerSettings['tls']>): ConnectionOptions {
  const ca = pem('CA certificate', tls.ca, 'CERTIFICATE');
  const cert = pem('client certificate', tls.cert, 'CERTIFICATE');
  const key = pem('client key', tls.key, 'PRIVATE KEY');
  const pfx = pkcs12(tls.pfx);
  if (Boolean(cert) !== Boolean(key)) {
    throw new KafkaSettingsError('TLS client certificate and client key go together: give both or neither');
  }
  if (pfx && key) throw new KafkaSettingsError('TLS client identity: give a PKCS#12 bundle or a PEM certificate and key, not both');
  const options: ConnectionOptions = { rejectUnauthorized: tls.rejectUnauthorized !== false };
  if (ca) options.ca = [ca];
  if (cert) options.cert = cert;
  if (key) options.key = key;
  if (pfx) options.pfx = pfx;
  if ((key || pfx) && tls.passphrase) options.passphrase = tls.passphrase;
  if (tls.servername?.trim()) options.servername = tls.servername.trim();
  if (tls.version) {
    if (tls.version !== 'TLSv1.2' && tls.version !== 'TLSv1.3') throw new KafkaSettingsError(`TLS version "${tls.version}" is not TLSv1.2 or TLSv1.3`);
    options.minVersion = tls.version as SecureVersion;
    if (tls.version === 'TLSv1.2') options.maxVersion = 'TLSv1.2';
  }
  if (tls.ciphers?.trim()) {
    options.ciphers = opensslCipherList(tls.ciphers);
    try {
      createSecureContext({ ciphers: options.ciphers });
    } catch {
      throw new KafkaSettingsError(`TLS cipher list names no cipher this Node.js knows: ${tls.ciphers.trim().slice(0, 80)}`);
    }
  }
  checkClientIdentity(options);
  return options;
}

function saslOptions(sasl: NonNullable<KafkaBrokerSettings['sasl']>): SASLOptions | undefined {
  if (sasl.mechanism === 'none') return undefined;
  if (!['plain', 'scram-sha-256', 'scram-sha-512'].includes(sasl.mechanism)) {
    throw new KafkaSettingsError(`SASL mechanism "${sasl.mechanism}" is not one of none, plain, scram-sha-256, scram-sha-512`);
  }
  if (!sasl.username || !sasl.password) {
    throw new KafkaSettingsError(`SASL ${sasl.mechanism} needs a username and a password`);
  }
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}

function positive(label: string, value: number | undefined, fallback: number): number {
  if (value === undefined || value === null || Number.isNaN(value)) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new KafkaSettingsError(`${label} must be a positive number of milliseconds`);
  return Math.round(value);
}

/** Turns the config node's settings into a kafkajs client configuration (logging is added by the caller). */
export function toKafkaConfig(settings: KafkaBrokerSettings): KafkaConfig {
  const config: KafkaConfig = {
    brokers: parseBrokerList(settings.brokers),
    clientId: settings.clientId?.trim() || 'node-red-contact-center',
    connectionTimeout: positive('Connection timeout', settings.connectionTimeoutMs, 10000),
    requestTimeout: positive('Request timeout', settings.requestTimeoutMs, 30000),
  };
  if (settings.tls?.enabled) config.ssl = tlsOptions(settings.tls);
  const sasl = settings.sasl ? saslOptions(settings.sasl) : undefined;
  if (sasl) config.sasl = sasl;
  return config;
}
