/**
 * Wraps a body in the notification envelope (digest §5, §9.3) and sends it to every streaming session whose
 * subscription's `events` filter lets it through. Nothing is kept for sessions that are not there (no replay).
 */
import { UNKNOWN_FIELD, UNKNOWN_FIELD_VALUE } from './body-factory';
import { SimContext } from './context';
import { loginFields } from './login-fields';
import { SubscriptionRecord } from './subscriptions';

const FAMILY = 'AGENT_ENGAGEMENT';

/** A notification as sent: the envelope fields and the body. */
export interface SentNotification {
  correlationId: string;
  subscriptionId: string;
  family: string;
  sentAt: string;
  accountId: string;
  body: Record<string, unknown>;
  [field: string]: unknown;
}

function matchesFilter(events: readonly string[], event: unknown): boolean {
  return events.includes('ALL') || (typeof event === 'string' && events.includes(event));
}

export function deliver(ctx: SimContext, body: Record<string, unknown>, envelope: Record<string, unknown> = {}): SentNotification[] {
  const sent: SentNotification[] = [];
  for (const { session, record } of ctx.hub.streaming()) {
    // find() settles an expiry an injected clock has passed before anything is sent.
    if (ctx.subscriptions.find(record.subscriptionId)?.status !== 'ACTIVE') continue;
    if (!matchesFilter(record.events, body.event)) continue;
    const notification = wrap(ctx, record, body, envelope);
    session.sendNotification(JSON.stringify(notification), ctx.faults.delayMs);
    sent.push(notification);
  }
  return sent;
}

/** Generated fields first, login ids from the roster, then the caller's envelope fields, which win. */
function wrap(ctx: SimContext, record: SubscriptionRecord, body: Record<string, unknown>, envelope: Record<string, unknown>): SentNotification {
  const given = { ...envelope };
  delete given.body;
  return {
    correlationId: ctx.ids.uuid(),
    subscriptionId: record.subscriptionId,
    family: FAMILY,
    sentAt: new Date(ctx.now()).toISOString(),
    accountId: record.accountId,
    ...loginFields(body, ctx.world.agentsById),
    ...(ctx.opts.includeUnknownFields ? { [UNKNOWN_FIELD]: UNKNOWN_FIELD_VALUE } : {}),
    ...given,
    body,
  };
}
