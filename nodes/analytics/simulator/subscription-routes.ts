/** POST and DELETE .../subscriptions (digest §4.5, §4.6, §14.1.7-8). */
import { IncomingMessage } from 'node:http';
import { SOURCE_NAME } from './catalogue';
import { SimContext } from './context';
import { readBody, Reply } from './http-io';
import { WS_PATH } from './paths';
import { findProducer, ProducerDef } from './producers';
import { subscriptionRequestProblem } from './subscription-request';
import { TokenRecord } from './tokens';

interface Target {
  sourceId: string;
  producerId: string;
}

export async function subscriptionsRoute(ctx: SimContext, req: IncomingMessage, token: TokenRecord, target: Target, reply: Reply): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'POST' && method !== 'DELETE') return reply.error(405, 'subscriptions take POST or DELETE');
  if (target.sourceId !== ctx.opts.sourceId) return reply.error(404, `no source ${target.sourceId}`);
  const producer = findProducer(target.producerId);
  if (!producer) return reply.error(404, `no streaming producer ${target.producerId} in source ${target.sourceId}`);
  if (method === 'DELETE') return unsubscribe(ctx, token, producer, reply);
  if (!token.supervisor) return reply.error(403, `user ${token.username} is not an ACM supervisor with Analytics groups`);
  const text = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply.error(400, 'the body is not valid JSON');
  }
  const problem = subscriptionRequestProblem(body, {
    sourceId: ctx.opts.sourceId, producer, username: token.username, checkUsername: ctx.opts.checkSubscriptionUsername,
  });
  if (problem) return reply.error(400, problem);
  const outcome = ctx.subscriptions.create(token.username, producer, (guid) => endpointFor(ctx, guid));
  if ('limit' in outcome) return reply.error(429, outcome.limit);
  if (outcome.replaced) ctx.hub.stopStream(outcome.replaced.guid);
  const { record } = outcome;
  reply.json(200, {
    source: SOURCE_NAME, sourceId: ctx.opts.sourceId, producer: producer.producerName, producerId: producer.producerId,
    streamType: producer.streamType, version: producer.version, transport: ctx.opts.responseTransport, endpoint: record.endpoint, guid: record.guid,
  });
}

function unsubscribe(ctx: SimContext, token: TokenRecord, producer: ProducerDef, reply: Reply): void {
  const record = ctx.subscriptions.remove(token.username, producer.producerId);
  if (record) ctx.hub.stopStream(record.guid);
  if (!record && ctx.opts.unknownDeleteStatus === 404) return reply.error(404, `user ${token.username} has no subscription to ${producer.producerId}`);
  reply.json(200, { status: 200, message: record ? `unsubscribed from ${producer.producerId}` : 'no such subscription' });
}

/** One endpoint shared per user by default; per subscription when configured (§16 q16). */
function endpointFor(ctx: SimContext, guid: string): string {
  return `${ctx.wsOrigin()}${WS_PATH}${ctx.opts.endpointPerSubscription ? `/${guid}` : ''}`;
}
