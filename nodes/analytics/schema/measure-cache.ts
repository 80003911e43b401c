/**
 * The accumulated view of each producer's rows (digest §5.6, §10): the server sends only changed
 * measures, so a row is the merge of every frame for its dimension key. A pumpup is collected into
 * a fresh table that replaces the old one when it completes, so a row the server no longer sends
 * disappears instead of lingering. No I/O: the caller supplies the rows' times, and a clock for the
 * idle expiry.
 *
 * Bounded: a producer keeps at most `maxRows` rows (the least recently updated one goes first), and
 * rows of a contact-level producer (one row per contact, a number that only grows through the day)
 * go when they were not updated for `contactIdleMs`.
 */
import { isContactLevelProducer } from './catalogue';

export interface MeasureRow {
  producerId: string;
  dimension: Record<string, string>;
  measures: Record<string, unknown>;
  /** When the row last changed, as the caller gave it. */
  updatedAt: string;
}

export const DEFAULT_MAX_ROWS = 50000;
export const DEFAULT_CONTACT_IDLE_MS = 60 * 60 * 1000;

export interface MeasureCacheOptions {
  /** Rows kept per producer (default 50,000); each table of a producer (current, pumping) holds at most this many. */
  maxRows?: number;
  /** A contact-level producer's row not updated for this long is dropped (default 1 hour). */
  contactIdleMs?: number;
  /** Whether a producer has one row per contact (default: the producerId names ContactDetail). */
  contactLevel?: (producerId: string) => boolean;
  /** The clock of the idle expiry, epoch ms (default Date.now). */
  now?: () => number;
  /** Told once per producer, the first time its row limit is reached. */
  onLimit?: (producerId: string, maxRows: number) => void;
}

interface Entry {
  row: MeasureRow;
  /** The clock when the row was last written. */
  touched: number;
}

/** Keyed by dimension; a Map keeps insertion order, and a written row is moved to the end, so the first entry is the stalest. */
type Table = Map<string, Entry>;

/** Not named by the document (§16.12); compared case-insensitively. */
const DELETE_ACTION = 'delete';

export class MeasureCache {
  private readonly current = new Map<string, Table>();
  private readonly pumping = new Map<string, Table>();
  private readonly maxRows: number;
  private readonly contactIdleMs: number;
  private readonly contactLevel: (producerId: string) => boolean;
  private readonly now: () => number;
  private readonly onLimit: (producerId: string, maxRows: number) => void;
  private readonly limitReached = new Set<string>();

  constructor(options: MeasureCacheOptions = {}) {
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.contactIdleMs = options.contactIdleMs ?? DEFAULT_CONTACT_IDLE_MS;
    if (!(Number.isInteger(this.maxRows) && this.maxRows >= 1)) throw new RangeError('maxRows must be an integer >= 1');
    if (!(this.contactIdleMs > 0)) throw new RangeError('contactIdleMs must be a positive number');
    this.contactLevel = options.contactLevel ?? ((producerId) => isContactLevelProducer({ producerId }));
    this.now = options.now ?? Date.now;
    this.onLimit = options.onLimit ?? (() => undefined);
  }

  /** Stable for the same key/value pairs in any order: the dimension as JSON with its keys sorted. */
  static keyOf(dimension: Record<string, string>): string {
    return JSON.stringify(Object.fromEntries(Object.keys(dimension).sort().map((key) => [key, dimension[key]])));
  }

  /**
   * A pumpup row. The first one while the producer is not pumping starts a fresh table; the server
   * splits one key over several frames, so rows for the same key merge.
   */
  pumpupRow(producerId: string, dimension: Record<string, string>, realtimeData: Record<string, unknown>, at: string): MeasureRow {
    let table = this.pumping.get(producerId);
    if (table === undefined) {
      table = new Map();
      this.pumping.set(producerId, table);
    }
    this.expire(producerId, table);
    return copy(this.merge(table, producerId, dimension, realtimeData, at));
  }

  /**
   * The producer's pumpup is complete: its fresh table replaces the old one. A producer that was not
   * pumping had an empty pumpup, so its table empties. Without a producerId (the object-form marker
   * does not say which) every producer that is pumping completes. Returns the producers completed.
   */
  pumpupComplete(producerId: string | undefined): string[] {
    const completed = producerId === undefined ? [...this.pumping.keys()] : [producerId];
    for (const id of completed) {
      this.current.set(id, this.pumping.get(id) ?? new Map());
      this.pumping.delete(id);
    }
    return completed;
  }

  /**
   * A live delta merged into the producer's row (created if new), and into the table being pumped
   * too, so the replacement does not lose it. A DELETE eventAction removes the row from both and
   * returns it as it was (or, for a row never seen, with no measures).
   */
  delta(producerId: string, dimension: Record<string, string>, realtimeData: Record<string, unknown>, eventAction: string | undefined, at: string): MeasureRow {
    const tables = [this.tableOf(producerId), this.pumping.get(producerId)].filter((table): table is Table => table !== undefined);
    for (const table of tables) this.expire(producerId, table);
    if (eventAction?.toLowerCase() === DELETE_ACTION) {
      const key = MeasureCache.keyOf(dimension);
      const removed = tables.map((table) => table.get(key)).find((entry) => entry !== undefined);
      for (const table of tables) table.delete(key);
      return removed ? copy(removed.row) : { producerId, dimension: { ...dimension }, measures: {}, updatedAt: at };
    }
    const [row] = tables.map((table) => this.merge(table, producerId, dimension, realtimeData, at));
    return copy(row);
  }

  /** The rows of one producer, or of every producer, as copies, stalest first; expired rows are dropped first. */
  snapshot(producerId?: string): MeasureRow[] {
    const ids = producerId === undefined ? [...this.current.keys()] : [producerId];
    return ids.flatMap((id) => {
      const table = this.current.get(id);
      if (table === undefined) return [];
      this.expire(id, table);
      return [...table.values()].map((entry) => copy(entry.row));
    });
  }

  /** How many rows a producer holds now (its pumping table not counted). */
  size(producerId: string): number {
    return this.current.get(producerId)?.size ?? 0;
  }

  /** Forgets one producer (or every one), a pumpup in progress included. */
  clear(producerId?: string): void {
    if (producerId === undefined) {
      this.current.clear();
      this.pumping.clear();
      return;
    }
    this.current.delete(producerId);
    this.pumping.delete(producerId);
  }

  /** A pumpup cut off (the connection dropped): its partial rows go; the last complete table stays until the next pumpup completes. */
  abandonPumpup(): void {
    this.pumping.clear();
  }

  isPumping(producerId: string): boolean {
    return this.pumping.has(producerId);
  }

  private tableOf(producerId: string): Table {
    let table = this.current.get(producerId);
    if (table === undefined) {
      table = new Map();
      this.current.set(producerId, table);
    }
    return table;
  }

  /** Writes the measures into the key's row and moves it to the end; a new row at the limit first evicts the stalest. */
  private merge(table: Table, producerId: string, dimension: Record<string, string>, realtimeData: Record<string, unknown>, at: string): MeasureRow {
    const key = MeasureCache.keyOf(dimension);
    const entry = table.get(key);
    const touched = this.now();
    if (entry !== undefined) {
      table.delete(key);
      // Spread, not Object.assign: assigning a measure named __proto__ would set the prototype instead.
      entry.row.measures = { ...entry.row.measures, ...realtimeData };
      entry.row.updatedAt = at;
      entry.touched = touched;
      table.set(key, entry);
      return entry.row;
    }
    if (table.size >= this.maxRows) {
      table.delete(table.keys().next().value as string);
      if (!this.limitReached.has(producerId)) {
        this.limitReached.add(producerId);
        this.onLimit(producerId, this.maxRows);
      }
    }
    const row = { producerId, dimension: { ...dimension }, measures: { ...realtimeData }, updatedAt: at };
    table.set(key, { row, touched });
    return row;
  }

  /** Drops a contact-level producer's rows not written for contactIdleMs: they are at the front, so it stops at the first fresh one. */
  private expire(producerId: string, table: Table): void {
    if (!this.contactLevel(producerId)) return;
    const cutoff = this.now() - this.contactIdleMs;
    for (const [key, entry] of table) {
      if (entry.touched > cutoff) return;
      table.delete(key);
    }
  }
}

function copy(row: MeasureRow): MeasureRow {
  return { ...row, dimension: { ...row.dimension }, measures: { ...row.measures } };
}
