/** The simulator's URL paths: both token shapes, the Notification API, the WebSocket in both forms, and the control API. */

export const NOTIFICATION_BASE = '/api/notification/v1';
export const WS_PATH = '/ws/notification/v1/agent-engagement';
export const CONTROL_PREFIX = '/__sim/';

export type Route =
  | { kind: 'token'; accountId: string }
  | { kind: 'subscriptions'; accountId: string }
  | { kind: 'subscription'; accountId: string; subscriptionId: string; renew: boolean }
  | { kind: 'control'; path: string }
  | { kind: 'unknown' };

const TOKEN_PATHS = [/^\/api\/auth\/v1\/([^/]+)\/protocol\/openid-connect\/token$/, /^\/auth\/realms\/([^/]+)\/protocol\/openid-connect\/token$/];
const COLLECTION = /^\/api\/notification\/v1\/accounts\/([^/]+)\/subscriptions\/?$/;
const ITEM = /^\/api\/notification\/v1\/accounts\/([^/]+)\/subscriptions\/([^/]+)$/;
const RENEW_SUFFIX = ':renew';

function segment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Routes a request path; `{id}:renew` is one path segment with a literal colon (an encoded %3A is read the same). */
export function routeOf(pathname: string): Route {
  if (pathname.startsWith(CONTROL_PREFIX)) return { kind: 'control', path: pathname.slice(CONTROL_PREFIX.length) };
  for (const pattern of TOKEN_PATHS) {
    const match = pattern.exec(pathname);
    const accountId = match && segment(match[1]);
    if (accountId) return { kind: 'token', accountId };
  }
  const collection = COLLECTION.exec(pathname);
  const collectionAccount = collection && segment(collection[1]);
  if (collectionAccount) return { kind: 'subscriptions', accountId: collectionAccount };
  const item = ITEM.exec(pathname);
  const accountId = item && segment(item[1]);
  const id = item && segment(item[2]);
  if (accountId && id) {
    const renew = id.endsWith(RENEW_SUFFIX);
    const subscriptionId = renew ? id.slice(0, -RENEW_SUFFIX.length) : id;
    if (subscriptionId !== '') return { kind: 'subscription', accountId, subscriptionId, renew };
  }
  return { kind: 'unknown' };
}

/** The WebSocket endpoint's ids: {} for the short form, both ids for the long form, undefined for any other path. */
export function wsPathIds(pathname: string): { accountId?: string; subscriptionId?: string } | undefined {
  const path = pathname.replace(/\/$/, '');
  if (path === WS_PATH) return {};
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path.slice(WS_PATH.length));
  if (!path.startsWith(`${WS_PATH}/`) || !match) return undefined;
  const accountId = segment(match[1]);
  const subscriptionId = segment(match[2]);
  return accountId && subscriptionId ? { accountId, subscriptionId } : undefined;
}
