/**
 * The accumulated view of each producer's rows (digest §5.6, §10): the server sends only changed
 * measures, so a row is the merge of every frame for its dimension key. A pumpup is collected into
 * a fresh table that replaces the old one when it completes, so a row the server no longer sends
 * disappears instead of lingering. Pure: the caller supplies the times.
 */
export interface MeasureRow {
  producerId: string;
  dimension: Record<string, string>;
  measures: Record<string, unknown>;
  /** When the row last changed, as the caller gave it. */
  updatedAt: string;
}

type Table = Map<string, MeasureRow>;

/** Not named by the document (§16.12); compared case-insensitively. */
const DELETE_ACTION = 'delete';

export class MeasureCache {
  private readonly current = new Map<string, Table>();
  private readonly pumping = new Map<string, Table>();

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
    return copy(merge(table, producerId, dimension, realtimeData, at));
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
    if (eventAction?.toLowerCase() === DELETE_ACTION) {
      const key = MeasureCache.keyOf(dimension);
      const removed = tables.map((table) => table.get(key)).find((row) => row !== undefined);
      for (const table of tables) table.delete(key);
      return removed ? copy(removed) : { producerId, dimension: { ...dimension }, measures: {}, updatedAt: at };
    }
    const [row] = tables.map((table) => merge(table, producerId, dimension, realtimeData, at));
    return copy(row);
  }

  /** The rows of one producer, or of every producer, as copies. */
  snapshot(producerId?: string): MeasureRow[] {
    const tables = producerId === undefined ? [...this.current.values()] : [this.current.get(producerId) ?? new Map<string, MeasureRow>()];
    return tables.flatMap((table) => [...table.values()].map(copy));
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
}

function merge(table: Table, producerId: string, dimension: Record<string, string>, realtimeData: Record<string, unknown>, at: string): MeasureRow {
  const key = MeasureCache.keyOf(dimension);
  const row = table.get(key);
  if (row === undefined) {
    const created = { producerId, dimension: { ...dimension }, measures: { ...realtimeData }, updatedAt: at };
    table.set(key, created);
    return created;
  }
  // Spread, not Object.assign: assigning a measure named __proto__ would set the prototype instead.
  row.measures = { ...row.measures, ...realtimeData };
  row.updatedAt = at;
  return row;
}

function copy(row: MeasureRow): MeasureRow {
  return { ...row, dimension: { ...row.dimension }, measures: { ...row.measures } };
}
