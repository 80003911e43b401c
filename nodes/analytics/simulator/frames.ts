/**
 * What the data publisher writes on the socket (digest §5.3): data rows in the object form (core five fields) or the
 * string form (stringified dimension and realtimeData plus the extended envelope), the pumpup-complete marker, the
 * JSON heartbeat, the '--heartbeat--' text and the status replies.
 */
import { ProducerDef } from './producers';
import { MeasureValue } from './rows';
import { WireForm } from './options';

export type FrameForm = 'string' | 'object';

export const KEEPALIVE_TEXT = '--heartbeat--';

/** "up to 64Kb" per message (§2), read as KiB. */
export const MAX_FRAME_BYTES = 64 * 1024;

export interface DataFrame {
  producer: ProducerDef;
  sourceId: string;
  dimension: Record<string, string>;
  realtimeData: Record<string, MeasureValue>;
  pumpupIdentifier: string | null;
  pumpup: boolean;
  eventAction: 'UPSERT' | 'DELETE';
}

/** 'mixed' follows each producer's examples in the document. */
export function formFor(wireForm: WireForm, producer: ProducerDef): FrameForm {
  return wireForm === 'mixed' ? producer.documentForm : wireForm;
}

export function encodeData(form: FrameForm, frame: DataFrame): string {
  if (form === 'object') {
    return JSON.stringify({
      dimension: frame.dimension, realtimeData: frame.realtimeData, pumpup: frame.pumpup, pumpupComplete: false, heartbeat: false,
      // The object form has no eventAction, but a delete must stay recognisable [assumption].
      ...(frame.eventAction === 'DELETE' ? { eventAction: 'DELETE' } : {}),
    });
  }
  return JSON.stringify({
    dimension: JSON.stringify(frame.dimension), realtimeData: JSON.stringify(frame.realtimeData), pumpupIdentifier: frame.pumpupIdentifier,
    pumpup: frame.pumpup, pumpupComplete: false, heartbeat: false, extra: null, sourceId: frame.sourceId,
    producerId: frame.producer.producerId, eventAction: frame.eventAction,
  });
}

/** The object form is the document's empty marker; the string form also names the producer that completed (§16 q8). */
export function encodeComplete(form: FrameForm, producer: ProducerDef, sourceId: string, pumpupIdentifier: string): string {
  if (form === 'object') return JSON.stringify({ dimension: {}, realtimeData: {}, pumpup: true, pumpupComplete: true, heartbeat: false });
  return JSON.stringify({
    dimension: '{}', realtimeData: '{}', pumpupIdentifier, pumpup: true, pumpupComplete: true, heartbeat: false, extra: null,
    sourceId, producerId: producer.producerId, eventAction: 'UPSERT',
  });
}

/** The document prints the real-time heartbeat in the object form only. */
export const HEARTBEAT_FRAME = JSON.stringify({ dimension: {}, realtimeData: {}, pumpup: false, pumpupComplete: false, heartbeat: true });

/** Reply to a redirect [assumption: the document names the codes 200 and 500 but not their wire shape]. */
export function encodeStatus(status: 200 | 500, message: string, guid: string | undefined): string {
  return JSON.stringify({ status, message, ...(guid === undefined ? {} : { guid }) });
}

/** Encodes a data frame, splitting its measures over several frames when one would exceed the 64 KiB limit. */
export function encodeFitting(form: FrameForm, frame: DataFrame): string[] {
  const text = encodeData(form, frame);
  const entries = Object.entries(frame.realtimeData);
  if (Buffer.byteLength(text) <= MAX_FRAME_BYTES || entries.length < 2) return [text];
  const half = Math.ceil(entries.length / 2);
  return [
    ...encodeFitting(form, { ...frame, realtimeData: Object.fromEntries(entries.slice(0, half)) }),
    ...encodeFitting(form, { ...frame, realtimeData: Object.fromEntries(entries.slice(half)) }),
  ];
}
