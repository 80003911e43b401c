/** Options of the AXP simulator, their defaults and their validation. */

export interface AxpSimClient {
  clientId: string;
  clientSecret: string;
  /** When set, token and notification requests of this client must carry it in the `appkey` header. */
  appKey?: string;
}

export interface AxpSimAgent {
  agentId: string;
  /** The e-mail-like handle the envelope's login-id fields carry. */
  loginId: string;
}

export type TimestampAs = 'string' | 'number';
export type ReasonCodeAs = 'string' | 'number';
/** `array` = the AsyncAPI schema types; `object` = the shapes of the vendor's examples (one bare `{category, values}`). */
export type AttributesShape = 'array' | 'object';

export interface AxpSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /**
   * The http(s):// origin the simulator names in what it hands out (transport.endpoint, the token issuer) instead of
   * its own, for a simulator reached through a proxy or under another name. Default: its own URL.
   */
  publicUrl?: string;
  /** Default 'DYNNUG'; six letters, as the vendor's account ids are. */
  accountId?: string;
  /** Default one client, node-red / secret. */
  clients?: AxpSimClient[];
  /** Access-token lifetime in seconds (default 900). */
  tokenLifetimeS?: number;
  /** Subscription lifetime in seconds, set on create and on renew (default 900). */
  subscriptionLifetimeS?: number;
  /** The longest gap allowed between client pings, in seconds (default 300). */
  pingIntervalS?: number;
  /** How long a new socket may take to send its authentication message (default 10000). */
  authTimeoutMs?: number;
  /** transport.endpoint with /{accountId}/{subscriptionId} (default 'full') or the intro's bare form; the upgrade accepts both. */
  endpointForm?: 'full' | 'short';
  /** RNG seed (default 1): the same seed and the same calls give the same ids. */
  seed?: number;
  timestampAs?: TimestampAs;
  reasonCodeAs?: ReasonCodeAs;
  attributesShape?: AttributesShape;
  /** Adds a field the document does not know to bodies and envelopes, and an unknown event type to scenarios. */
  includeUnknownFields?: boolean;
  /** Default: four agents with e-mail-like login ids; at least two (transfers and supervision need a second agent). */
  agents?: AxpSimAgent[];
  /** Close authenticated sockets when their token expires (default false: the token is checked at authentication only). */
  closeOnTokenExpiry?: boolean;
  /** Clock for every time the simulator states (createdAt, expiresAt, sentAt, timestamps, expiry checks); default Date.now. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface ResolvedAxpOptions {
  host: string;
  port: number;
  publicUrl: string | undefined;
  accountId: string;
  clients: AxpSimClient[];
  tokenLifetimeS: number;
  subscriptionLifetimeS: number;
  pingIntervalS: number;
  authTimeoutMs: number;
  endpointForm: 'full' | 'short';
  seed: number;
  timestampAs: TimestampAs;
  reasonCodeAs: ReasonCodeAs;
  attributesShape: AttributesShape;
  includeUnknownFields: boolean;
  agents: AxpSimAgent[];
  closeOnTokenExpiry: boolean;
  now: () => number;
  log: (line: string) => void;
}

/** Agent ids as the vendor's examples spell them: UUIDs and the short opaque form. */
export const DEFAULT_AGENTS: readonly AxpSimAgent[] = [
  { agentId: '4a785201-73b8-4842-abf7-36f5e572d310', loginId: 'maria.lopez@example.com' },
  { agentId: 'zz3tDKfrQx-Mv78Q_AIpGG', loginId: 'tom.becker@example.com' },
  { agentId: 'ab8f46f8-fd79-4380-8d0e-ce739ca481db', loginId: 'aisha.khan@example.com' },
  { agentId: 'db9c8c9b-cb3a-42c9-8078-7a347726f016', loginId: 'li.wei@example.com' },
];

export const DEFAULT_CLIENT: AxpSimClient = { clientId: 'node-red', clientSecret: 'secret' };

export function resolveAxpOptions(options: AxpSimulatorOptions = {}): ResolvedAxpOptions {
  const accountId = options.accountId ?? 'DYNNUG';
  if (!/^[A-Za-z]{6}$/.test(accountId)) throw new RangeError('accountId must be six letters, like DYNNUG');
  const clients = (options.clients ?? [DEFAULT_CLIENT]).map((c) => ({ ...c }));
  if (clients.length === 0) throw new RangeError('clients needs at least one client');
  for (const c of clients) {
    if (!c.clientId || !c.clientSecret) throw new RangeError('every client needs a clientId and a clientSecret');
  }
  const agents = (options.agents ?? DEFAULT_AGENTS).map((a) => ({ ...a }));
  if (agents.length < 2) throw new RangeError('agents needs at least two agents (transfers and supervision use a second one)');
  if (new Set(agents.map((a) => a.agentId)).size !== agents.length) throw new RangeError('agent ids must be unique');
  for (const a of agents) if (!a.agentId || !a.loginId) throw new RangeError('every agent needs an agentId and a loginId');
  const port = options.port ?? 0;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new RangeError('port must be an integer from 0 to 65535');
  return {
    host: options.host ?? '127.0.0.1',
    port,
    publicUrl: publicUrlOf(options.publicUrl),
    accountId,
    clients,
    tokenLifetimeS: wholeSeconds('tokenLifetimeS', options.tokenLifetimeS ?? 900),
    subscriptionLifetimeS: wholeSeconds('subscriptionLifetimeS', options.subscriptionLifetimeS ?? 900),
    pingIntervalS: wholeSeconds('pingIntervalS', options.pingIntervalS ?? 300),
    authTimeoutMs: positive('authTimeoutMs', options.authTimeoutMs ?? 10000),
    endpointForm: oneOf('endpointForm', options.endpointForm ?? 'full', ['full', 'short'] as const),
    seed: options.seed ?? 1,
    timestampAs: oneOf('timestampAs', options.timestampAs ?? 'string', ['string', 'number'] as const),
    reasonCodeAs: oneOf('reasonCodeAs', options.reasonCodeAs ?? 'string', ['string', 'number'] as const),
    attributesShape: oneOf('attributesShape', options.attributesShape ?? 'array', ['array', 'object'] as const),
    includeUnknownFields: options.includeUnknownFields ?? false,
    agents,
    closeOnTokenExpiry: options.closeOnTokenExpiry ?? false,
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
  };
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError('publicUrl must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('publicUrl must be an http:// or https:// URL');
  return url.origin;
}

/** The wire carries these as integers, so fractions are refused rather than silently rounded. */
function wholeSeconds(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be a whole number of seconds >= 1`);
  return value;
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number`);
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`${name} must be ${allowed.join(' or ')}`);
  return value as T;
}
