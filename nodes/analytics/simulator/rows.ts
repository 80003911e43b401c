/**
 * The current measure values of every row (one dimension key of one producer). Writing a row returns only what
 * changed, which is exactly a delta frame's realtimeData (digest §5.3: deltas carry only the changed measures).
 */
import { findProducer } from './producers';

export type MeasureValue = number | string;
export type Dimension = Record<string, string>;

export interface Row {
  producerId: string;
  dimension: Dimension;
  values: Record<string, MeasureValue>;
}

export class RowStore {
  private readonly byProducer = new Map<string, Map<string, Row>>();

  /** The row, created with every measure at 0 or "UNKNOWN" (the document's sentinel) on first use. */
  row(producerId: string, dimension: Dimension): Row {
    let rows = this.byProducer.get(producerId);
    if (!rows) this.byProducer.set(producerId, (rows = new Map()));
    const key = rowKey(dimension);
    let row = rows.get(key);
    if (!row) {
      const values: Record<string, MeasureValue> = {};
      for (const m of findProducer(producerId)?.measures ?? []) values[m.name] = m.type === 'String' ? 'UNKNOWN' : 0;
      row = { producerId, dimension: { ...dimension }, values };
      rows.set(key, row);
    }
    return row;
  }

  /** Sets the values and returns the ones that differ from before. */
  set(producerId: string, dimension: Dimension, values: Record<string, MeasureValue>): Record<string, MeasureValue> {
    const row = this.row(producerId, dimension);
    const changed: Record<string, MeasureValue> = {};
    for (const [name, value] of Object.entries(values)) {
      if (row.values[name] === value) continue;
      row.values[name] = value;
      changed[name] = value;
    }
    return changed;
  }

  /** Adds to numeric measures (negative amounts allowed, never below 0) and returns the ones that changed. */
  add(producerId: string, dimension: Dimension, amounts: Record<string, number>): Record<string, MeasureValue> {
    const row = this.row(producerId, dimension);
    const next: Record<string, number> = {};
    for (const [name, amount] of Object.entries(amounts)) next[name] = Math.max(0, Number(row.values[name] ?? 0) + amount);
    return this.set(producerId, dimension, next);
  }

  rows(producerId: string): Row[] {
    return [...(this.byProducer.get(producerId)?.values() ?? [])];
  }

  remove(producerId: string, dimension: Dimension): void {
    this.byProducer.get(producerId)?.delete(rowKey(dimension));
  }
}

function rowKey(dimension: Dimension): string {
  return JSON.stringify(Object.entries(dimension));
}
