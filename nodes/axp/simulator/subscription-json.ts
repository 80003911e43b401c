/** The Subscription and SubscriptionPage bodies (digest §3.1, §3.2); expiresIn is the time left, recomputed per request. */
import { SimContext } from './context';
import { NOTIFICATION_BASE, WS_PATH } from './paths';
import { SubscriptionRecord } from './subscriptions';

export function endpointOf(ctx: SimContext, record: SubscriptionRecord): string {
  const ws = ctx.origin().replace(/^http/, 'ws');
  return ctx.opts.endpointForm === 'full' ? `${ws}${WS_PATH}/${record.accountId}/${record.subscriptionId}` : `${ws}${WS_PATH}`;
}

export function subscriptionJson(ctx: SimContext, record: SubscriptionRecord): Record<string, unknown> {
  return {
    subscriptionId: record.subscriptionId,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
    expiresIn: Math.max(0, Math.ceil((record.expiresAt - ctx.now()) / 1000)),
    status: record.status,
    family: record.family,
    events: [...record.events],
    transport: { type: 'WEBSOCKET', endpoint: endpointOf(ctx, record), pingInterval: ctx.opts.pingIntervalS },
  };
}

/** One page; links are relative paths, blank where there is no previous or next page. */
export function subscriptionPage(
  ctx: SimContext, accountId: string, records: SubscriptionRecord[], pageNumber: number, pageSize: number,
): Record<string, unknown> {
  const start = (pageNumber - 1) * pageSize;
  const base = `${NOTIFICATION_BASE}/accounts/${accountId}/subscriptions`;
  const link = (page: number): string => `${base}?pageNumber=${page}&pageSize=${pageSize}`;
  return {
    pagination: { pageNumber, pageSize, total: records.length },
    subscriptions: records.slice(start, start + pageSize).map((r) => subscriptionJson(ctx, r)),
    links: {
      prev: pageNumber > 1 ? link(Math.min(pageNumber - 1, Math.max(1, Math.ceil(records.length / pageSize)))) : '',
      next: start + pageSize < records.length ? link(pageNumber + 1) : '',
    },
  };
}
