/** Checks a SubscriptionRequest body (digest §4.5, §14.1.7); returns the first problem in words, or undefined. */
import { isPlainObject } from '../../shared/describe';
import { ProducerDef } from './producers';

export interface RequestContext {
  sourceId: string;
  producer: ProducerDef;
  username: string;
  checkUsername: boolean;
}

export function subscriptionRequestProblem(body: unknown, ctx: RequestContext): string | undefined {
  if (!isPlainObject(body)) return 'the body must be a JSON SubscriptionRequest object';
  const text = (name: string): string | undefined => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  for (const name of ['sourceId', 'producerId', 'streamType', 'transport', 'username']) {
    if (text(name) === undefined) return `${name} is required and must be a string`;
  }
  if (text('sourceId') !== ctx.sourceId) return `sourceId ${JSON.stringify(body.sourceId)} does not match the path`;
  if (text('producerId') !== ctx.producer.producerId) return `producerId ${JSON.stringify(body.producerId)} does not match the path`;
  // SoD is documented as the only stream type, yet the ContactDetail id says CDR (§16 q18): both are accepted.
  const streamType = text('streamType')?.toLowerCase();
  if (streamType !== 'sod' && streamType !== ctx.producer.streamType.toLowerCase()) return `streamType must be SoD or ${ctx.producer.streamType}`;
  if (text('transport')?.toLowerCase() !== 'websocket') return 'transport must be "websocket"';
  if (body.tenantId !== undefined && String(body.tenantId) !== '0') return 'tenantId must be "0"';
  if (ctx.checkUsername && text('username') !== ctx.username) return 'username must be the logged-in user';
  for (const name of ['dimensionFilters', 'measureFilters']) {
    const filters = body[name];
    if (filters === undefined) continue;
    if (!Array.isArray(filters) || !filters.every((f) => isPlainObject(f) && typeof f.name === 'string')) {
      return `${name} must be an array of {name, filters}`;
    }
  }
  return undefined;
}
