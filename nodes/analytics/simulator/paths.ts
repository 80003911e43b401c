/**
 * URL paths (digest §4, §14.1.1): the REST base, the singular and plural forms the document writes, a tolerated '//'
 * after the base, the data publisher's WebSocket path and the simulator-only control API.
 */
export const REST_BASE = '/orca-streams-rest';
export const WS_BASE = '/orca-streams-data-publisher';
export const WS_PATH = `${WS_BASE}/websocket`;
export const CONTROL_BASE = '/__sim';

export type Route =
  | { kind: 'login' }
  | { kind: 'sources' }
  | { kind: 'producers'; sourceId: string }
  | { kind: 'dictionary'; sourceId: string; producerId: string }
  | { kind: 'subscriptions'; sourceId: string; producerId: string }
  | { kind: 'dimdata'; sourceId: string; producerId: string; dimDataName: string; dimDataType: string }
  | { kind: 'control'; path: string }
  | { kind: 'none' };

const either = (segment: string | undefined, singular: string): boolean => segment === singular || segment === `${singular}s`;

export function routeOf(pathname: string): Route {
  if (pathname.startsWith(`${CONTROL_BASE}/`)) return { kind: 'control', path: pathname.slice(CONTROL_BASE.length + 1) };
  if (!pathname.startsWith(REST_BASE)) return { kind: 'none' };
  const rest = pathname.slice(REST_BASE.length);
  if (rest !== '' && !rest.startsWith('/')) return { kind: 'none' };
  let s: string[];
  try {
    s = rest.split('/').filter((part) => part !== '').map(decodeURIComponent);
  } catch {
    return { kind: 'none' };
  }
  if (s.length === 2 && either(s[0], 'user') && s[1] === 'login') return { kind: 'login' };
  if (!either(s[0], 'source')) return { kind: 'none' };
  if (s.length === 1) return { kind: 'sources' };
  const [, sourceId, producers, producerId, leaf] = s;
  if (!either(producers, 'producer')) return { kind: 'none' };
  if (s.length === 3) return { kind: 'producers', sourceId };
  if (s.length === 5 && (leaf === 'dictionaries' || leaf === 'dictionary')) return { kind: 'dictionary', sourceId, producerId };
  if (s.length === 5 && either(leaf, 'subscription')) return { kind: 'subscriptions', sourceId, producerId };
  if (s.length === 8 && leaf === 'dimdata' && s[6] === 'datatype') return { kind: 'dimdata', sourceId, producerId, dimDataName: s[5], dimDataType: s[7] };
  return { kind: 'none' };
}

export function isWsPath(pathname: string): boolean {
  return pathname === WS_BASE || pathname.startsWith(`${WS_BASE}/`);
}
