import assert from 'node:assert/strict';
import type { ParsedEvent } from '../../nodes/shared/parse-result';
import { FinesseEventSchema, parseFinesseEvent, type FinesseEventPayload } from '../../nodes/finesse/schema/events';

/** Parses a body that must be delivered, checks it against FinesseEventSchema, and returns the payload without args and raw. */
export function parsed(body: string): ParsedEvent<FinesseEventPayload> & { fields: Record<string, unknown> } {
  const result = parseFinesseEvent(body);
  if (!result.ok) assert.fail(`expected ok for ${JSON.stringify(body)}, got: ${result.message}`);
  const checked = FinesseEventSchema.safeParse(result.payload);
  if (!checked.success) assert.fail(`payload fails FinesseEventSchema: ${checked.error.message}`);
  assert.equal(result.payload.raw, body);
  const fields: Record<string, unknown> = { ...result.payload };
  delete fields.args;
  delete fields.raw;
  return { ...result, fields };
}
