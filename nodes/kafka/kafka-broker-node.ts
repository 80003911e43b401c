import { KafkaBrokerClient, type KafkaClientSettings } from '../shared/kafka/kafka-broker-client';
import type { SaslMechanismName } from '../shared/kafka/broker-settings';
import type { KafkaPublisher } from '../shared/kafka/kafka-publisher';
import type { KafkaSource, KafkaSourceOptions } from '../shared/kafka/kafka-source';
import type { NodeDefinition, NodeRedNode } from '../shared/node/node-red';
import { SharedConnection, type Lease } from '../shared/node/shared-connection';

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

/** A user's consumer, and its hold on the broker's shared client (status with the broker's caveat, listeners). */
export interface KafkaSourceLease {
  source: KafkaSource;
  lease: Lease<KafkaBrokerClient>;
}

/** What a flow node sees of its cc-kafka-broker. */
export interface KafkaBrokerNode extends NodeRedNode {
  /** The users' sources, one per user; the broker owns them and stops the ones left at close. */
  acquireSource(user: NodeRedNode, options: Omit<KafkaSourceOptions, 'sessionTimeoutMs'>): KafkaSourceLease | undefined;
  releaseSource(user: NodeRedNode): Promise<void>;
  /** A user's producer (cc-kafka-publish); released with releaseSource's counterpart. */
  acquirePublisher(user: NodeRedNode): KafkaPublisherLease | undefined;
  /** The shared client itself, for a user that only reads a topic once (cc-agent-state's seed); released with releasePublisher. */
  acquireClient(user: NodeRedNode): Lease<KafkaBrokerClient> | undefined;
  releasePublisher(user: NodeRedNode): Promise<void>;
}

export interface KafkaPublisherLease {
  publisher: KafkaPublisher;
  lease: Lease<KafkaBrokerClient>;
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
 * The state behind one cc-kafka-broker node: the kafkajs client shared by its users through the pack's one
 * shared-connection mechanism (built on the first user, dropped with the last), one consumer per user.
 */
export class KafkaBrokerUsers {
  private readonly shared: SharedConnection<KafkaBrokerClient>;

  constructor(owner: NodeRedNode, settings: KafkaClientSettings) {
    this.shared = new SharedConnection(owner, {
      kind: 'Kafka broker',
      open: () => new KafkaBrokerClient(settings, {
        warn: (m) => owner.warn(m),
        info: (m) => owner.log(m),
        debug: (m) => owner.debug(m),
      }),
      // The kafkajs client holds no connection of its own: each user's consumer does, and is ended with its lease.
      close: () => {},
      caveat: settings.tls?.enabled && settings.tls.rejectUnauthorized === false ? 'certificate NOT verified' : undefined,
    });
  }

  get userCount(): number {
    return this.shared.userCount;
  }

  /** The kafkajs client the users share; exists only while someone uses the broker. */
  get client(): KafkaBrokerClient | undefined {
    return this.shared.client;
  }

  acquire(user: NodeRedNode, options: Omit<KafkaSourceOptions, 'sessionTimeoutMs'>): KafkaSourceLease | undefined {
    const lease = this.shared.acquire(user);
    if (!lease) return undefined;
    const source = lease.client.createSource(options);
    lease.listen(source, 'warning', (m: string) => user.warn(m));
    lease.onRelease(async () => {
      await source.stop();
      source.removeAllListeners();
    });
    return { source, lease };
  }

  acquirePublisher(user: NodeRedNode): KafkaPublisherLease | undefined {
    const lease = this.shared.acquire(user);
    if (!lease) return undefined;
    const publisher = lease.client.createPublisher();
    lease.onRelease(async () => {
      await publisher.stop();
      publisher.removeAllListeners();
    });
    return { publisher, lease };
  }

  acquireClient(user: NodeRedNode): Lease<KafkaBrokerClient> | undefined {
    return this.shared.acquire(user);
  }

  release(user: NodeRedNode): Promise<void> {
    return this.shared.release(user);
  }

  /** The config node closes: every consumer stopped, within the deadline. */
  releaseAll(): Promise<void> {
    return this.shared.close();
  }
}
