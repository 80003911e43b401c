/**
 * The snapshot a subscription gets after its redirect (digest §14.2.3): every visible row, split as the Agent example
 * is (numeric counters, then `active`, then the string attributes), each frame within 64 KiB, then the marker.
 */
import { Floor } from './floor';
import { encodeComplete, encodeFitting, FrameForm } from './frames';
import { ProducerDef } from './producers';
import { MeasureValue } from './rows';

export function pumpupIdentifier(username: string, sequence: number, producer: ProducerDef, at: number): string {
  return `${username}_${sequence}_${producer.streamName}_${at}`;
}

export function pumpupFrames(floor: Floor, producer: ProducerDef, form: FrameForm, sourceId: string, identifier: string): string[] {
  const frames: string[] = [];
  for (const row of floor.store.rows(producer.producerId)) {
    if (producer.agentKeyed && !floor.visible(row.dimension.agentId)) continue;
    for (const part of splitRow(row.values)) {
      frames.push(...encodeFitting(form, {
        producer, sourceId, dimension: row.dimension, realtimeData: part, pumpupIdentifier: identifier, pumpup: true, eventAction: 'UPSERT',
      }));
    }
  }
  frames.push(encodeComplete(form, producer, sourceId, identifier));
  return frames;
}

function splitRow(values: Record<string, MeasureValue>): Record<string, MeasureValue>[] {
  const counters: Record<string, MeasureValue> = {};
  const active: Record<string, MeasureValue> = {};
  const strings: Record<string, MeasureValue> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') strings[name] = value;
    else if (name === 'active') active[name] = value;
    else counters[name] = value;
  }
  return [counters, active, strings].filter((part) => Object.keys(part).length > 0);
}
