/**
 * The Notification API (digest §3, §9.1): Bearer and account checks, then create (201), list (paged), get,
 * `{id}:renew` and delete (204, closing the bound socket with 4002).
 */
import { IncomingMessage } from 'node:http';
import { CLOSE } from './close-codes';
import { SimContext } from './context';
import { readBody, Reply, VIOLATION } from './http-io';
import { Route } from './paths';
import { subscriptionJson, subscriptionPage } from './subscription-json';
import { validateCreate, validatePage } from './subscription-request';
import { appKeyMatches } from './token-route';

type NotificationRoute = Extract<Route, { kind: 'subscriptions' | 'subscription' }>;

export async function notificationRoute(ctx: SimContext, req: IncomingMessage, reply: Reply, route: NotificationRoute, query: URLSearchParams): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const token = bearer ? ctx.tokens.valid(bearer[1]) : undefined;
  if (!token) return reply.problem(401, bearer ? 'the access token is unknown or expired' : 'Authorization: Bearer <token> is missing');
  if (!appKeyMatches(token.client, req)) return reply.problem(401, 'missing or wrong appkey header');
  if (route.accountId !== token.accountId) return reply.problem(403, `the token does not grant access to account ${route.accountId}`);
  if (route.kind === 'subscriptions') {
    if (req.method === 'POST') return create(ctx, req, reply, route.accountId);
    if (req.method === 'GET') return list(ctx, reply, route.accountId, query);
    return reply.problem(405, 'subscriptions take GET and POST');
  }
  const allowed = route.renew ? ['POST'] : ['GET', 'DELETE'];
  if (!allowed.includes(req.method ?? '')) return reply.problem(405, `this path takes ${allowed.join(' and ')}`);
  const record = ctx.subscriptions.find(route.subscriptionId);
  if (!record || record.accountId !== route.accountId) return reply.problem(404, `no subscription ${route.subscriptionId}`);
  if (route.renew) {
    // The body is optional and its authToken matters for webhooks only (INF), so it is read and not judged.
    await readBody(req);
    ctx.subscriptions.renew(record);
    return reply.json(200, subscriptionJson(ctx, record));
  }
  if (req.method === 'GET') return reply.json(200, subscriptionJson(ctx, record));
  ctx.subscriptions.remove(record);
  ctx.hub.closeBound(record.subscriptionId, CLOSE.deleted);
  reply.empty(204);
}

async function create(ctx: SimContext, req: IncomingMessage, reply: Reply, accountId: string): Promise<void> {
  const text = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply.problem(400, 'the request body is not JSON', [{ field: 'body', message: 'must be JSON', code: VIOLATION.INVALID }]);
  }
  const request = validateCreate(body);
  if (Array.isArray(request)) return reply.problem(400, 'the subscription request is invalid', request);
  const record = ctx.subscriptions.create(ctx.ids.uuid(), accountId, request.family, request.events);
  ctx.log(`subscription ${record.subscriptionId} created for ${record.events.join(',')}`);
  reply.json(201, subscriptionJson(ctx, record));
}

function list(ctx: SimContext, reply: Reply, accountId: string, query: URLSearchParams): void {
  const page = validatePage(query);
  if (Array.isArray(page)) return reply.problem(400, 'invalid paging', page);
  reply.json(200, subscriptionPage(ctx, accountId, ctx.subscriptions.ofAccount(accountId), page.pageNumber, page.pageSize));
}
