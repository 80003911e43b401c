import type { KafkaBrokerNode } from '../../kafka/kafka-broker-node';
import type { KafkaRecord } from '../kafka/kafka-record';
import type { KafkaDelivery, KafkaSourceState } from '../kafka/kafka-source';
import { eventMessage, failureMessage, type Transport, type Vendor } from '../message';
import { parseFailure, type ParsedEvent, type ParseFailure, type ParseResult } from '../parse-result';
import { clip, connectionStatus, type NodeStatus } from '../status';
import type { NodeMessage, NodeRedNode } from './node-red';
import { onClose } from './shared-connection';
import { StatusDisplay } from './status-display';

/** The delivery settings every Kafka source node's dialog has (see KafkaDelivery). */
export interface KafkaDeliverySettings {
  commit?: string;
  maxUnacked?: number | string;
}

export const DEFAULT_MAX_UNACKED = 500;

/** Reads the dialog's delivery settings; throws an Error a person can act on for a value that cannot work. */
export function kafkaDelivery(settings: KafkaDeliverySettings, sourceId: string): KafkaDelivery {
  const commit = settings.commit || 'sent';
  if (commit === 'sent') return { commit: 'sent' };
  if (commit !== 'acked') throw new Error(`Commit must be "sent" or "acked", not "${commit}"`);
  const raw = settings.maxUnacked;
  const maxUnacked = raw === undefined || raw === '' ? DEFAULT_MAX_UNACKED : Number(raw);
  if (!Number.isInteger(maxUnacked) || maxUnacked < 1) throw new Error(`Max. unacknowledged must be a whole number ≥ 1, not "${String(raw)}"`);
  return { commit: 'acked', maxUnacked, sourceId };
}

export interface KafkaSourceNodeSpec<T> {
  vendor: Vendor;
  topics: string[];
  groupId: string;
  fromBeginning: boolean;
  onlyNew?: boolean;
  /** When offsets are committed (default: once sent). */
  delivery?: KafkaDeliverySettings;
  /** How many outputs carry events (default 1); the output for unreadable records comes after them. */
  eventOutputs?: number;
  parse(text: string, record: KafkaRecord): ParseResult<T>;
  /** Sees every parsed event (to learn state such as DN-to-agent bindings) and says whether to send it. */
  accept?(parsed: ParsedEvent<T>, record: KafkaRecord): boolean;
  /** Which event output an event leaves by (default 0). */
  outputOf?(parsed: ParsedEvent<T>, record: KafkaRecord): number;
  /** Told of every connection change (e.g. to start a watchdog once the broker serves us). */
  onState?(state: KafkaSourceState): void;
}

/** What a vendor node can do beyond the shared glue: send its own messages, raise an alarm on the status. */
export interface KafkaSourceNodeControl {
  send(output: number, msg: NodeMessage): void;
  /** Shows the alarm instead of the connection status until cleared with undefined. */
  setAlarm(text: string | undefined): void;
}

/**
 * The glue every Kafka source node shares: one consumer from the broker config node, each record
 * parsed and sent out of an event output or the last output (what could not be read), the status
 * kept current without flooding the editor. The offset of a record is committed only once its
 * message has been handed to Node-RED, or, with commit "acked", once cc-kafka-ack has received it.
 * Whatever a parser, filter or router throws sends that record to the error output: a throw reaching
 * kafkajs would fetch the same batch again and again.
 */
export function runKafkaSourceNode<T>(node: NodeRedNode, broker: KafkaBrokerNode | undefined, spec: KafkaSourceNodeSpec<T>): KafkaSourceNodeControl {
  const eventOutputs = spec.eventOutputs ?? 1;
  const outputs = (output: number, msg: NodeMessage): (NodeMessage | null)[] => {
    if (eventOutputs === 1) return output === 0 ? [msg, null] : [null, msg];
    const all: (NodeMessage | null)[] = new Array(eventOutputs + 1).fill(null);
    all[output] = msg;
    return all;
  };
  const control: KafkaSourceNodeControl = { send: (output, msg) => node.send(outputs(output, msg)), setAlarm: () => {} };
  if (!broker || typeof broker.acquireSource !== 'function') {
    node.status(connectionStatus({ state: 'error', reason: 'no Kafka broker configured' }));
    node.error('No Kafka broker configured: open the node and pick or add a cc-kafka-broker');
    node.on('close', (_removed, done) => done());
    return control;
  }
  let delivery: KafkaDelivery;
  try {
    delivery = kafkaDelivery(spec.delivery ?? {}, node.id);
  } catch (err) {
    node.status({ fill: 'red', shape: 'dot', text: clip(`error: ${(err as Error).message}`) });
    node.error((err as Error).message);
    node.on('close', (_removed, done) => done());
    return control;
  }
  let count = 0;
  let connection: KafkaSourceState = { state: 'connecting', partitions: 0 };
  let alarm: string | undefined;
  const render = (): NodeStatus => {
    if (alarm) return { fill: 'red', shape: 'dot', text: alarm };
    if (connection.paused) return pausedStatus(connection.paused.outstanding);
    const detail = connection.state === 'connected' ? `${connection.partitions} partition${connection.partitions === 1 ? '' : 's'}` : undefined;
    return connectionStatus({ state: connection.state, reason: connection.reason, count, detail });
  };
  let display = new StatusDisplay(node, render);
  control.setAlarm = (text) => {
    if (text === alarm) return;
    alarm = text;
    display.now();
  };

  const fail = (record: KafkaRecord, transport: Transport, failure: ParseFailure): false => {
    const msg = failureMessage(spec.vendor, record.text ?? '', failure, transport, record.receivedAt);
    node.send(outputs(eventOutputs, msg));
    node.error(`${failure.message} (topic ${record.meta.topic}, partition ${record.meta.partition}, offset ${record.meta.offset})`, msg);
    return false;
  };

  const onRecord = (record: KafkaRecord): boolean => {
    const transport: Transport = { name: 'kafka', meta: record.meta };
    let parsed: ParseResult<T>;
    let output: number;
    try {
      parsed = record.text === null
        ? parseFailure('Record has no value (a tombstone): nothing to parse')
        : spec.parse(record.text, record);
      if (!parsed.ok) return fail(record, transport, parsed);
      if (spec.accept && !spec.accept(parsed, record)) return false;
      output = spec.outputOf ? spec.outputOf(parsed, record) : 0;
    } catch (err) {
      return fail(record, transport, parseFailure(`Reading the record failed: ${(err as Error).message}`));
    }
    node.send(outputs(output, eventMessage(spec.vendor, parsed, transport, record.receivedAt)));
    count++;
    display.soon();
    return true;
  };

  const acquired = broker.acquireSource(node, {
    topics: spec.topics, groupId: spec.groupId, fromBeginning: spec.fromBeginning, onlyNew: spec.onlyNew, onRecord, delivery,
  });
  if (acquired) {
    const { source, lease } = acquired;
    display = new StatusDisplay(lease, render);
    lease.listen(source, 'state', (update: KafkaSourceState) => {
      connection = update;
      display.now();
      spec.onState?.(update);
    });
    lease.status(connectionStatus({ state: 'connecting' }));
    source.start();
  }
  onClose(node, () => {
    display.close();
    return broker.releaseSource(node);
  });
  return control;
}

/** Acknowledged mode at its bound: the flow has not finished with this many messages, so nothing more is read. */
function pausedStatus(outstanding: number): NodeStatus {
  return { fill: 'yellow', shape: 'ring', text: `paused · ${outstanding} unacknowledged` };
}
