import type { KafkaBrokerNode } from '../../kafka/kafka-broker-node';
import type { KafkaRecord } from '../kafka/kafka-record';
import type { KafkaSourceState } from '../kafka/kafka-source';
import { eventMessage, failureMessage, type Transport, type Vendor } from '../message';
import { parseFailure, type ParsedEvent, type ParseResult } from '../parse-result';
import { connectionStatus } from '../status';
import type { NodeRedNode } from './node-red';

export interface KafkaSourceNodeSpec<T> {
  vendor: Vendor;
  topic: string;
  groupId: string;
  fromBeginning: boolean;
  parse(text: string, record: KafkaRecord): ParseResult<T>;
  /** Sees every parsed event (to learn state such as DN-to-agent bindings) and says whether to send it. */
  accept?(parsed: ParsedEvent<T>, record: KafkaRecord): boolean;
}

const STATUS_EVERY_MS = 1000;

/**
 * The glue every Kafka source node shares: one consumer from the broker config node, each record
 * parsed and sent out of output 1 (event) or output 2 (what could not be read), the status kept
 * current without flooding the editor. The offset of a record is committed only once its message
 * has been handed to Node-RED.
 */
export function runKafkaSourceNode<T>(node: NodeRedNode, broker: KafkaBrokerNode | undefined, spec: KafkaSourceNodeSpec<T>): void {
  if (!broker || typeof broker.acquireSource !== 'function') {
    node.status({ fill: 'red', shape: 'dot', text: 'error: no Kafka broker configured' });
    node.error('No Kafka broker configured: open the node and pick or add a cc-kafka-broker');
    node.on('close', (_removed, done) => done());
    return;
  }
  let count = 0;
  let connection: KafkaSourceState = { state: 'connecting', partitions: 0 };
  let statusTimer: NodeJS.Timeout | undefined;
  let statusDirty = false;

  const showStatus = () => {
    statusDirty = false;
    const detail = connection.state === 'connected' ? `${connection.partitions} partition${connection.partitions === 1 ? '' : 's'}` : undefined;
    node.status(connectionStatus({ state: connection.state, reason: connection.reason, count, detail }));
  };
  const countChanged = () => {
    if (statusTimer) {
      statusDirty = true;
      return;
    }
    showStatus();
    statusTimer = setTimeout(function flush() {
      statusTimer = undefined;
      if (statusDirty) showStatus();
    }, STATUS_EVERY_MS);
  };

  const onRecord = (record: KafkaRecord) => {
    const receivedAt = record.receivedAt;
    const transport: Transport = { name: 'kafka', meta: record.meta };
    const parsed = record.text === null
      ? parseFailure('Record has no value (a tombstone): nothing to parse')
      : spec.parse(record.text, record);
    if (!parsed.ok) {
      const msg = failureMessage(spec.vendor, record.text ?? '', parsed, transport, receivedAt);
      node.send([null, msg]);
      node.error(`${parsed.message} (topic ${record.meta.topic}, partition ${record.meta.partition}, offset ${record.meta.offset})`, msg);
      return;
    }
    if (spec.accept && !spec.accept(parsed, record)) return;
    node.send([eventMessage(spec.vendor, parsed, transport, receivedAt), null]);
    count++;
    countChanged();
  };

  const source = broker.acquireSource(node, { topic: spec.topic, groupId: spec.groupId, fromBeginning: spec.fromBeginning, onRecord });
  if (source) {
    source.on('state', (update: KafkaSourceState) => {
      connection = update;
      showStatus();
    });
    node.status(connectionStatus({ state: 'connecting' }));
    source.start();
  }
  node.on('close', (_removed, done) => {
    clearTimeout(statusTimer);
    broker.releaseSource(node).then(done, (err: Error) => {
      node.warn(`closing the Kafka consumer: ${err.message}`);
      done();
    });
  });
}
