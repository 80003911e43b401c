/** What an acknowledgement did. */
export type AckOutcome =
  /** Counted: the record is done (again, for a message acknowledged twice). */
  | 'acked'
  /** From before a rebalance or a reconnect: the record will be delivered again, so the ack no longer counts. */
  | 'stale';

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read, as Kafka commits it. */
  offset: string;
}

interface PartitionLedger {
  topic: string;
  partition: number;
  /** Offsets handed out, in delivery (= offset) order; true once acknowledged. Done entries at the front are dropped. */
  pending: Map<string, boolean>;
  /** The offset after the highest one seen (handed out or passed over). */
  end: bigint;
  /** The offset last taken for a commit; at first, where this ledger started reading (committing it would say nothing). */
  committed: bigint;
}

/** Each epoch is unique in the process, so an ack can never be counted by a ledger that did not hand its record out. */
let lastEpoch = 0;

/**
 * The records a Kafka source has handed out and not yet had acknowledged, per partition. Acknowledgements may
 * come in any order; what may be committed for a partition is only the lowest offset not yet acknowledged (or,
 * with none outstanding, the offset after the last one seen), so a commit never covers a record whose flow has
 * not finished with it.
 */
export class AckLedger {
  private partitions = new Map<string, PartitionLedger>();
  private count = 0;
  private current = ++lastEpoch;

  constructor(readonly maxUnacked: number) {
    if (!Number.isInteger(maxUnacked) || maxUnacked < 1) throw new RangeError(`maxUnacked must be a whole number ≥ 1, not ${maxUnacked}`);
  }

  /** Identifies this ledger's current generation; messages carry it so their ack finds the right one. */
  get epoch(): number {
    return this.current;
  }

  /** Records handed out and not acknowledged. */
  get outstanding(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.maxUnacked;
  }

  /** A record is handed out: it stays outstanding until acknowledged. */
  handOut(topic: string, partition: number, offset: string): void {
    const ledger = this.ledger(topic, partition, offset);
    ledger.pending.set(offset, false);
    this.count++;
    const next = BigInt(offset) + 1n;
    if (next > ledger.end) ledger.end = next;
  }

  /** A record that needs no acknowledgement (passed over by a filter, or sent to the error output). */
  passOver(topic: string, partition: number, offset: string): void {
    const ledger = this.ledger(topic, partition, offset);
    const next = BigInt(offset) + 1n;
    if (next > ledger.end) ledger.end = next;
  }

  ack(topic: string, partition: number, offset: string, epoch: number): AckOutcome {
    if (epoch !== this.current) return 'stale';
    const ledger = this.partitions.get(`${topic}:${partition}`);
    if (!ledger) return 'stale';
    if (ledger.pending.get(offset) === false) {
      ledger.pending.set(offset, true);
      this.count--;
      for (const [first, done] of ledger.pending) {
        if (!done) break;
        ledger.pending.delete(first);
      }
    }
    return 'acked';
  }

  /** Per partition whose commit point moved since the last call: the offset Kafka may now commit. */
  takeCommits(): TopicPartitionOffset[] {
    const commits: TopicPartitionOffset[] = [];
    for (const ledger of this.partitions.values()) {
      const point = this.commitPoint(ledger);
      if (point <= ledger.committed) continue;
      ledger.committed = point;
      commits.push({ topic: ledger.topic, partition: ledger.partition, offset: point.toString() });
    }
    return commits;
  }

  /** Puts back commits that could not be made, so the next takeCommits offers them again. */
  returnCommits(commits: TopicPartitionOffset[]): void {
    for (const { topic, partition } of commits) {
      const ledger = this.partitions.get(`${topic}:${partition}`);
      if (ledger) ledger.committed = -1n;
    }
  }

  /**
   * Forgets everything (after a rebalance or reconnect, Kafka delivers again from the committed offsets) and
   * starts a new epoch, so acks of earlier messages are recognised as stale.
   */
  reset(): void {
    this.partitions = new Map();
    this.count = 0;
    this.current = ++lastEpoch;
  }

  private commitPoint(ledger: PartitionLedger): bigint {
    for (const [offset] of ledger.pending) return BigInt(offset);
    return ledger.end;
  }

  /** The partition's ledger, begun at `first` (where Kafka resumed reading it) when this is its first record. */
  private ledger(topic: string, partition: number, first: string): PartitionLedger {
    const key = `${topic}:${partition}`;
    let ledger = this.partitions.get(key);
    if (!ledger) {
      ledger = { topic, partition, pending: new Map(), end: 0n, committed: BigInt(first) };
      this.partitions.set(key, ledger);
    }
    return ledger;
  }
}
