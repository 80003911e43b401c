import type { KafkaBrokerNode } from '../../kafka/kafka-broker-node';
import type { KafkaRecord } from '../kafka/kafka-record';
import type { KafkaSourceState } from '../kafka/kafka-source';
import { eventMessage, failureMessage, type Transport, type Vendor } from '../message';
import { parseFailure, type ParsedEvent, type ParseResult } from '../parse-result';
import { connectionStatus } from '../status';
import type { NodeMessage, NodeRedNode } from './node-red';
import { StatusDisplay } from './status-display';

export interface KafkaSourceNodeSpec<T> {
  vendor: Vendor;
  topics: string[];
  groupId: string;
  fromBeginning: boolean;
  onlyNew?: boolean;
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
 * message has been handed to Node-RED.
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
  let count = 0;
  let connection: KafkaSourceState = { state: 'connecting', partitions: 0 };
  let alarm: string | undefined;
  const display = new StatusDisplay(node, () => {
    if (alarm) return { fill: 'red', shape: 'dot', text: alarm };
    const detail = connection.state === 'connected' ? `${connection.partitions} partition${connection.partitions === 1 ? '' : 's'}` : undefined;
    return connectionStatus({ state: connection.state, reason: connection.reason, count, detail });
  });
  control.setAlarm = (text) => {
    alarm = text;
    display.now();
  };

  const onRecord = (record: KafkaRecord) => {
    const transport: Transport = { name: 'kafka', meta: record.meta };
    const parsed = record.text === null
      ? parseFailure('Record has no value (a tombstone): nothing to parse')
      : spec.parse(record.text, record);
    if (!parsed.ok) {
      const msg = failureMessage(spec.vendor, record.text ?? '', parsed, transport, record.receivedAt);
      node.send(outputs(eventOutputs, msg));
      node.error(`${parsed.message} (topic ${record.meta.topic}, partition ${record.meta.partition}, offset ${record.meta.offset})`, msg);
      return;
    }
    if (spec.accept && !spec.accept(parsed, record)) return;
    node.send(outputs(spec.outputOf ? spec.outputOf(parsed, record) : 0, eventMessage(spec.vendor, parsed, transport, record.receivedAt)));
    count++;
    display.soon();
  };

  const source = broker.acquireSource(node, {
    topics: spec.topics, groupId: spec.groupId, fromBeginning: spec.fromBeginning, onlyNew: spec.onlyNew, onRecord,
  });
  if (source) {
    source.on('state', (update: KafkaSourceState) => {
      connection = update;
      display.now();
      spec.onState?.(update);
    });
    node.status(connectionStatus({ state: 'connecting' }));
    source.start();
  }
  node.on('close', (_removed, done) => {
    display.close();
    broker.releaseSource(node).then(done, (err: Error) => {
      node.warn(`closing the Kafka consumer: ${err.message}`);
      done();
    });
  });
  return control;
}
