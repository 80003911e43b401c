/**
 * The notification envelope (digest §5, §7.1): formally every field is optional, in practice the
 * five routing fields are always sent (a missing one is a warning, see notification-checks.ts),
 * the eight login-id fields appear only on some events, and `body` is the one thing required.
 */
import type { z } from 'zod';
import { AxpBodySchema, type AxpBody } from './bodies';
import { looseRecord, optionalText } from './scalars';

/** Sent on every notification as far as the document shows. */
export const ENVELOPE_ROUTING_FIELDS = ['correlationId', 'subscriptionId', 'family', 'sentAt', 'accountId'] as const;

export const AxpNotificationSchema = looseRecord({
  correlationId: optionalText,
  subscriptionId: optionalText,
  family: optionalText,
  /** ISO 8601 (`format: datetime` in the YAML); kept as sent. */
  sentAt: optionalText,
  accountId: optionalText,
  /** "Agent related events" only. */
  loginId: optionalText,
  /** Single Step Transfer events. */
  initiatingLoginId: optionalText,
  /** Single Step Transfer to USER. */
  destinationLoginId: optionalText,
  /** AgentParticipant OBSERVING. */
  observedLoginId: optionalText,
  observingLoginId: optionalText,
  /** AgentParticipant COACHING. */
  coachedLoginId: optionalText,
  coachingLoginId: optionalText,
  /** AgentParticipant BARGEDIN. */
  bargingLoginId: optionalText,
  body: AxpBodySchema,
});

export type AxpNotification = z.output<typeof AxpNotificationSchema>;

/**
 * The key that tells a replayed event from a new one (the vendor sends no sequence numbers):
 * `body.id`, or for SingleStepTransfer, which has no `id`, its `correlationId`. A
 * SingleStepTransferError without an `id` gets none: its `correlationId` repeats the failed
 * transfer's, so using it would drop the error as a replay of the transfer.
 */
export function notificationId(n: AxpNotification): string | undefined {
  const body: AxpBody = n.body;
  const id = scalarText(body.id);
  if (id !== undefined) return id;
  return body.event === 'SingleStepTransfer' ? scalarText(body.correlationId) : undefined;
}

/** Unknown bodies are not normalised, so their ids may still be numbers. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' ? String(value) : undefined;
}
