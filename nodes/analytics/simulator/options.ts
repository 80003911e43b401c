/** Options of the Analytics simulator, their defaults and their validation. Every [assumption] of the digest is a switch here. */

export interface AnalyticsSimUser {
  username: string;
  password: string;
  /** An ACM supervisor with Analytics groups (default true); others may log in but get 403 on subscribe. */
  supervisor?: boolean;
}

export type WireForm = 'string' | 'object' | 'mixed';

export interface AnalyticsSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default supervisor / secret plus a non-supervisor agentuser / secret. */
  users?: AnalyticsSimUser[];
  /** Default 'Oceana_Streams_127.0.0.1_3.5' (the vendor's id embeds an IPv4 address and the version). */
  sourceId?: string;
  /** Interval of the JSON heartbeat and of the '--heartbeat--' text frame (default 8000, digest §5.5). */
  heartbeatMs?: number;
  /** A socket whose client sent no '--heartbeat--' for this long is closed (default 2.5 x heartbeatMs). */
  clientHeartbeatTimeoutMs?: number;
  /** 'string' (stringified dimension/realtimeData, extended envelope), 'object' (core five fields) or 'mixed' (as the document's examples). */
  wireForm?: WireForm;
  /** Reply {"status":200,...} to accepted redirects (default true); failures always get a status 500 frame. */
  statusReplies?: boolean;
  /** Concurrent users with live subscriptions (default 5). */
  maxSupervisors?: number;
  /** Live subscriptions per user (default unlimited). */
  maxSubscriptions?: number;
  /** Token lifetime in seconds (default 86400, as the vendor's example token). */
  tokenLifetimeS?: number;
  /** Answer 429 to REST requests that come less than 100 ms after the previous one with the same token (default false: count them). */
  strictPacing?: boolean;
  /** Roster size (default 6). */
  agents?: number;
  /** RNG seed (default 1). */
  seed?: number;
  /** GET .../producers also lists Admin_Admin_3.5 (default false). */
  listAdminProducer?: boolean;
  /** Status of a DELETE for a subscription that does not exist (default 404). */
  unknownDeleteStatus?: 200 | 404;
  /** The SubscriptionResponse `transport` value (default 'websocket'; the document's text says 'WebSocket'). */
  responseTransport?: string;
  /** Each subscription gets its own endpoint path (default false: one endpoint shared per user). */
  endpointPerSubscription?: boolean;
  /** The WebSocket handshake must carry Authorization: Bearer <token> (default false). */
  requireHandshakeAuth?: boolean;
  /**
   * scheme://host:port of the endpoints handed out in SubscriptionResponses (default the simulator's own
   * ws://host:port), e.g. a data publisher behind another name, or an unencrypted one on another host.
   */
  endpointOrigin?: string;
  /** Close the socket after a refused redirect (default false: the status 500 frame only). */
  closeOnRedirectFailure?: boolean;
  /** The subscription body's username must equal the token's sub (default true). */
  checkSubscriptionUsername?: boolean;
  /** Clock for timestamps, token expiry and pacing; default Date.now. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface ResolvedAnalyticsOptions {
  host: string;
  port: number;
  users: Required<AnalyticsSimUser>[];
  sourceId: string;
  heartbeatMs: number;
  clientHeartbeatTimeoutMs: number;
  wireForm: WireForm;
  statusReplies: boolean;
  maxSupervisors: number;
  maxSubscriptions: number;
  tokenLifetimeS: number;
  strictPacing: boolean;
  agents: number;
  seed: number;
  listAdminProducer: boolean;
  unknownDeleteStatus: 200 | 404;
  responseTransport: string;
  endpointPerSubscription: boolean;
  requireHandshakeAuth: boolean;
  endpointOrigin?: string;
  closeOnRedirectFailure: boolean;
  checkSubscriptionUsername: boolean;
  now: () => number;
  log: (line: string) => void;
}

export const DEFAULT_USERS: readonly Required<AnalyticsSimUser>[] = [
  { username: 'supervisor', password: 'secret', supervisor: true },
  { username: 'agentuser', password: 'secret', supervisor: false },
];

export const DEFAULT_SOURCE_ID = 'Oceana_Streams_127.0.0.1_3.5';

export function resolveAnalyticsOptions(options: AnalyticsSimulatorOptions = {}): ResolvedAnalyticsOptions {
  const users = (options.users ?? DEFAULT_USERS).map((u) => ({ ...u, supervisor: u.supervisor ?? true }));
  if (users.length === 0) throw new RangeError('users needs at least one user');
  for (const u of users) if (!u.username || !u.password) throw new RangeError('every user needs a username and a password');
  if (new Set(users.map((u) => u.username)).size !== users.length) throw new RangeError('usernames must be unique');
  const port = options.port ?? 0;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new RangeError('port must be an integer from 0 to 65535');
  const heartbeatMs = positive('heartbeatMs', options.heartbeatMs ?? 8000);
  const sourceId = options.sourceId ?? DEFAULT_SOURCE_ID;
  if (sourceId === '' || sourceId.includes('/')) throw new RangeError('sourceId must be non-empty and contain no "/"');
  return {
    host: options.host ?? '127.0.0.1',
    port,
    users,
    sourceId,
    heartbeatMs,
    clientHeartbeatTimeoutMs: positive('clientHeartbeatTimeoutMs', options.clientHeartbeatTimeoutMs ?? heartbeatMs * 2.5),
    wireForm: oneOf('wireForm', options.wireForm ?? 'string', ['string', 'object', 'mixed'] as const),
    statusReplies: options.statusReplies ?? true,
    maxSupervisors: count('maxSupervisors', options.maxSupervisors ?? 5),
    maxSubscriptions: count('maxSubscriptions', options.maxSubscriptions ?? Infinity),
    tokenLifetimeS: positive('tokenLifetimeS', options.tokenLifetimeS ?? 86400),
    strictPacing: options.strictPacing ?? false,
    agents: count('agents', options.agents ?? 6),
    seed: options.seed ?? 1,
    listAdminProducer: options.listAdminProducer ?? false,
    unknownDeleteStatus: oneOf('unknownDeleteStatus', String(options.unknownDeleteStatus ?? 404), ['200', '404'] as const) === '200' ? 200 : 404,
    responseTransport: options.responseTransport ?? 'websocket',
    endpointPerSubscription: options.endpointPerSubscription ?? false,
    requireHandshakeAuth: options.requireHandshakeAuth ?? false,
    ...(options.endpointOrigin === undefined ? {} : { endpointOrigin: origin('endpointOrigin', options.endpointOrigin) }),
    closeOnRedirectFailure: options.closeOnRedirectFailure ?? false,
    checkSubscriptionUsername: options.checkSubscriptionUsername ?? true,
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
  };
}

function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`${name} must be a URL origin such as ws://host:port`);
  }
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) throw new RangeError(`${name} must be ws://, wss://, http:// or https://`);
  return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number`);
  return value;
}

/** A limit of at least one; Infinity means no limit. */
function count(name: string, value: number): number {
  if (!(value === Infinity || (Number.isInteger(value) && value >= 1))) throw new RangeError(`${name} must be an integer >= 1`);
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`${name} must be ${allowed.join(' or ')}`);
  return value as T;
}
