import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaSource, type KafkaSourceOptions } from './kafka-source';
import { toKafkaConfig, type KafkaBrokerSettings } from './broker-settings';

export interface KafkaLog {
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export interface KafkaClientSettings extends KafkaBrokerSettings {
  /** Consumer-group session timeout shared by every source of this broker. */
  sessionTimeoutMs?: number;
}

const REPEAT_QUIET_MS = 30000;

/**
 * One kafkajs client for one cluster, shared by every source that reads from it. Builds the
 * kafkajs configuration once (throws KafkaSettingsError for a setting a person must fix) and
 * routes kafkajs logging to the caller without repeating the same line every heartbeat.
 */
export class KafkaBrokerClient {
  readonly kafka: Kafka;
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly settings: KafkaClientSettings, private readonly log: KafkaLog) {
    this.kafka = new Kafka({
      ...toKafkaConfig(settings),
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.write(entry),
    });
  }

  createSource(options: Omit<KafkaSourceOptions, 'sessionTimeoutMs'>): KafkaSource {
    return new KafkaSource(this.kafka, { sessionTimeoutMs: this.settings.sessionTimeoutMs, ...options });
  }

  createPublisher(): KafkaPublisher {
    return new KafkaPublisher(this.kafka);
  }

  private write({ level, log }: LogEntry): void {
    const line = `${log.message}${log.error ? `: ${log.error}` : ''}`;
    const now = Date.now();
    if (now - (this.lastLogged.get(line) ?? 0) < REPEAT_QUIET_MS) return;
    if (this.lastLogged.size > 500) this.lastLogged.clear();
    this.lastLogged.set(line, now);
    if (level <= logLevel.ERROR) this.log.warn(line);
    else if (level === logLevel.WARN) this.log.info(line);
    else this.log.debug(line);
  }
}
