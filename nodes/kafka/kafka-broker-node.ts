import { KafkaBrokerClient, type KafkaClientSettings } from '../shared/kafka/kafka-broker-client';
import type { SaslMechanismName } from '../shared/kafka/broker-settings';
import type { KafkaSource, KafkaSourceOptions } from '../shared/kafka/kafka-source';
import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { connectionStatus } from '../shared/status';

export interface KafkaBrokerDefinition extends NodeDefinition {
  brokers: string;
  clientId: string;
  tls: boolean;
  rejectUnauthorized: boolean;
  servername: string;
  tlsVersion: '' | 'TLSv1.2' | 'TLSv1.3';
  ciphers: string;
  sasl: SaslMechanismName;
  connectionTimeout: number | string;
  sessionTimeout: number | string;
}

export const KAFKA_BROKER_CREDENTIALS = {
  ca: { type: 'password' },
  cert: { type: 'password' },
  key: { type: 'password' },
  pfx: { type: 'password' },
  passphrase: { type: 'password' },
  username: { type: 'password' },
  password: { type: 'password' },
} as const;

/** What a flow node sees of its cc-kafka-broker. */
export interface KafkaBrokerNode extends NodeRedNode {
  /** The users' sources, one per user; the broker owns them and stops the ones left at close. */
  acquireSource(user: NodeRedNode, options: Omit<KafkaSourceOptions, 'sessionTimeoutMs'>): KafkaSource | undefined;
  releaseSource(user: NodeRedNode): Promise<void>;
}

function milliseconds(value: number | string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return Number(value);
}

export function kafkaClientSettings(config: KafkaBrokerDefinition, credentials: Record<string, string | undefined>): KafkaClientSettings {
  return {
    brokers: config.brokers,
    clientId: config.clientId,
    tls: {
      enabled: Boolean(config.tls),
      ca: credentials.ca,
      cert: credentials.cert,
      key: credentials.key,
      pfx: credentials.pfx,
      passphrase: credentials.passphrase,
      rejectUnauthorized: config.rejectUnauthorized !== false,
      servername: config.servername,
      version: config.tlsVersion || '',
      ciphers: config.ciphers,
    },
    sasl: { mechanism: config.sasl || 'none', username: credentials.username, password: credentials.password },
    connectionTimeoutMs: milliseconds(config.connectionTimeout),
    sessionTimeoutMs: milliseconds(config.sessionTimeout),
  };
}

/**
 * The state behind one cc-kafka-broker node: counts its users (Node-RED's MQTT broker node is the
 * model), builds the kafkajs client on the first user and drops it with the last.
 */
export class KafkaBrokerUsers {
  private current: KafkaBrokerClient | undefined;
  private readonly sources = new Map<string, KafkaSource>();

  constructor(private readonly owner: NodeRedNode, private readonly settings: KafkaClientSettings) {}

  get userCount(): number {
    return this.sources.size;
  }

  /** The kafkajs client the users share; exists only while someone uses the broker. */
  get client(): KafkaBrokerClient | undefined {
    return this.current;
  }

  acquire(user: NodeRedNode, options: Omit<KafkaSourceOptions, 'sessionTimeoutMs'>): KafkaSource | undefined {
    if (!this.current) {
      try {
        this.current = new KafkaBrokerClient(this.settings, {
          warn: (m) => this.owner.warn(m),
          info: (m) => this.owner.log(m),
          debug: (m) => this.owner.debug(m),
        });
      } catch (err) {
        const problem = (err as Error).message;
        user.status(connectionStatus({ state: 'error', reason: problem }));
        user.error(`Kafka broker "${this.owner.name || this.owner.id}": ${problem}`);
        return undefined;
      }
    }
    const source = this.current.createSource(options);
    source.on('warning', (m: string) => user.warn(m));
    this.sources.set(user.id, source);
    return source;
  }

  release(user: NodeRedNode): Promise<void> {
    return this.releaseId(user.id);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.sources.keys()].map((id) => this.releaseId(id)));
  }

  private async releaseId(id: string): Promise<void> {
    const source = this.sources.get(id);
    this.sources.delete(id);
    if (this.sources.size === 0) this.current = undefined;
    if (source) {
      await source.stop();
      source.removeAllListeners();
    }
  }
}
