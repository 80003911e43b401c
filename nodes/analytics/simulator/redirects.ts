/**
 * The client's JSON messages on the socket (digest §5.2): subscriptionRedirect starts a guid's stream with a pumpup,
 * unsubscriptionRedirect stops that guid only, and {"eventName":"pumpup"} (an invented format, §5.2 d) re-runs one.
 */
import { CLOSE } from './close-codes';
import { SimContext } from './context';
import { encodeStatus, formFor } from './frames';
import { pumpupFrames, pumpupIdentifier } from './pumpup';
import type { PublisherSession } from './session';
import { SubscriptionRecord } from './subscriptions';

type Checked = { record: SubscriptionRecord; username: string } | { failure: string };

export function handleClientMessage(ctx: SimContext, session: PublisherSession, message: Record<string, unknown>): void {
  const eventName = message.eventName;
  const guid = typeof message.guid === 'string' ? message.guid : undefined;
  if (eventName !== 'subscriptionRedirect' && eventName !== 'unsubscriptionRedirect' && eventName !== 'pumpup') {
    refuse(ctx, session, `unknown eventName ${JSON.stringify(eventName)}`, guid);
    return;
  }
  const checked = check(ctx, session, message, guid);
  if ('failure' in checked) {
    refuse(ctx, session, checked.failure, guid, eventName === 'subscriptionRedirect');
    return;
  }
  const { record, username } = checked;
  if (eventName === 'subscriptionRedirect') {
    session.username = username;
    ctx.hub.stopStream(record.guid);
    session.startStream(record);
    if (ctx.opts.statusReplies) session.sendText(encodeStatus(200, 'OK', record.guid));
    ctx.notify('redirect', { guid: record.guid, eventName });
    runPumpup(ctx, session, record);
  } else if (eventName === 'unsubscriptionRedirect') {
    session.stopStream(record.guid);
    if (ctx.opts.statusReplies) session.sendText(encodeStatus(200, 'OK', record.guid));
    ctx.notify('redirect', { guid: record.guid, eventName });
  } else if (session.isStreaming(record.guid)) runPumpup(ctx, session, record);
  else refuse(ctx, session, `guid ${record.guid} is not streaming on this socket`, record.guid);
}

/** The token (bare or "Bearer ..."), then the guid: a live subscription of that user, on this user's socket. */
function check(ctx: SimContext, session: PublisherSession, message: Record<string, unknown>, guid: string | undefined): Checked {
  const token = ctx.tokens.check(typeof message.authorization === 'string' ? message.authorization : undefined);
  if (!token) return { failure: 'the authorization token is missing, invalid or expired' };
  if (guid === undefined) return { failure: 'guid is missing' };
  const record = ctx.subscriptions.byGuid(guid);
  if (!record || record.username !== token.username) return { failure: `guid ${guid} is not a subscription of user ${token.username}` };
  if (!record.live && message.eventName !== 'unsubscriptionRedirect') return { failure: `subscription ${guid} was deleted or replaced` };
  if (session.username !== undefined && session.username !== token.username) return { failure: `this socket belongs to another user` };
  return { record, username: token.username };
}

function refuse(ctx: SimContext, session: PublisherSession, why: string, guid: string | undefined, mayClose = false): void {
  ctx.log(`refused a client message: ${why}`);
  session.sendText(encodeStatus(500, why, guid));
  if (mayClose && ctx.opts.closeOnRedirectFailure) session.close(CLOSE.redirectRefused);
}

function runPumpup(ctx: SimContext, session: PublisherSession, record: SubscriptionRecord): void {
  const identifier = pumpupIdentifier(record.username, ctx.pumpupSequence(record.username), record.producer, ctx.now());
  const form = formFor(ctx.opts.wireForm, record.producer);
  for (const frame of pumpupFrames(ctx.floor, record.producer, form, ctx.opts.sourceId, identifier)) session.sendText(frame);
}
