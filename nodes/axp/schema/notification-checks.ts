/**
 * Deviations a validated notification is delivered with, as warnings (digest §7.1, §7.3, §7.4):
 * routing fields missing from the envelope, another family, enum values the document does not
 * list, a timestamp that is no usable time, and a documented event without an id to de-duplicate by.
 */
import { clip, clipLong } from '../../shared/describe';
import { isKnownBody } from './bodies';
import { AXP_FAMILY, DOCUMENTED_ENUMS } from './event-types';
import { ENVELOPE_ROUTING_FIELDS, notificationId, type AxpNotification } from './notification';

export function notificationWarnings(n: AxpNotification): string[] {
  const warnings: string[] = [];
  const missing = ENVELOPE_ROUTING_FIELDS.filter((field) => n[field] === undefined || n[field] === '');
  if (missing.length > 0) warnings.push(`Notification envelope has no ${missing.join(', ')}`);
  if (n.family !== undefined && n.family !== AXP_FAMILY) {
    warnings.push(`Notification family "${clip(n.family)}" is not ${AXP_FAMILY}`);
  }
  const body = n.body;
  if (!isKnownBody(body)) return warnings;

  for (const { path, values } of DOCUMENTED_ENUMS[body.event] ?? []) {
    const value = valueAt(body, path);
    if (typeof value === 'string' && !values.includes(value)) {
      warnings.push(`${body.event} ${path.join('.')} "${clip(value)}" is not a documented value (${clipLong(values.join(', '))}); kept as sent`);
    }
  }
  if (body.timestamp !== undefined && body.timestampMs === undefined) {
    warnings.push(`${body.event} timestamp "${clip(body.timestamp)}" is not a usable epoch in milliseconds (not an integer, or beyond JavaScript's safe range); no timestampMs`);
  }
  if (notificationId(n) === undefined) {
    const key = body.event === 'SingleStepTransfer' ? 'correlationId' : 'id';
    warnings.push(`${body.event} has no ${key}; a replay of it cannot be recognised`);
  }
  return warnings;
}

function valueAt(root: object, path: readonly string[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
