/**
 * Subscribing (digest §4.5, §5.2): the SubscriptionRequest body we POST, the SubscriptionResponse
 * we get back, and the redirect messages sent on the WebSocket. Strict on what we send, since a
 * wrong value costs a refused subscription; tolerant on what we read. No message quotes a token.
 */
import { z } from 'zod';
import { clip, jsonType } from '../../shared/describe';
import { idText, parsedObject } from './rest-json';

export interface AnalyticsFilter {
  name: string;
  /** Printed `Filters` in the document's table; its examples and every other field use lower camel case. */
  filters: string[];
}

export interface AnalyticsSubscriptionRequestOptions {
  sourceId: string;
  producerId: string;
  username: string;
  /** Copy it from the producer: ContactDetail's is `CDR`. Defaults to `SoD`, the one documented value. */
  streamType?: string;
  /** Not used by the server today; sent when given. */
  dimensionFilters?: AnalyticsFilter[];
  measureFilters?: AnalyticsFilter[];
}

export interface AnalyticsSubscription {
  sourceId: string;
  producerId: string;
  /** The WebSocket URL, as the server gave it (normalising it is the client's job). */
  endpoint: string;
  guid: string;
  /** The producer's name. */
  producer?: string;
  /** The source's name. */
  source?: string;
  /** The response exactly as received: the redirect copies these values, not the parsed ones. */
  raw: Record<string, unknown>;
}

const nonEmpty = (what: string) => z.string({ error: (issue) => `${what} must be a string (got ${jsonType(issue.input)})` })
  .refine((value) => value.trim() !== '', { error: `${what} must not be empty` });

const FilterList = (what: string) => z.array(z.strictObject({
  name: nonEmpty(`${what} name`),
  filters: z.array(z.string(), { error: `${what} filters must be a list of strings` }),
}, { error: (issue) => `${what} must be {name, filters} (got ${jsonType(issue.input)})` }), {
  error: (issue) => `${what}s must be a list (got ${jsonType(issue.input)})`,
}).default([]);

const RequestOptions = z.object({
  sourceId: nonEmpty('sourceId'),
  producerId: nonEmpty('producerId'),
  username: nonEmpty('username'),
  streamType: nonEmpty('streamType').default('SoD'),
  dimensionFilters: FilterList('dimension filter'),
  measureFilters: FilterList('measure filter'),
});

/** The SubscriptionRequest body, members in the document's order; tenantId is unused and "0", transport "websocket". */
export function subscriptionRequest(options: AnalyticsSubscriptionRequestOptions): object {
  const checked = RequestOptions.safeParse(options);
  if (!checked.success) throw new Error(`Cannot build the subscription request: ${checked.error.issues[0].message}`);
  const { sourceId, producerId, streamType, username, dimensionFilters, measureFilters } = checked.data;
  return { sourceId, producerId, streamType, transport: 'websocket', tenantId: '0', username, dimensionFilters, measureFilters };
}

const REQUIRED = ['sourceId', 'producerId', 'endpoint', 'guid'] as const;
const HINTS: Record<(typeof REQUIRED)[number], string> = {
  sourceId: '',
  producerId: '',
  endpoint: ' (the WebSocket URL to connect to)',
  guid: ' (the id the redirect must carry)',
};

export function parseSubscriptionResponse(text: string): AnalyticsSubscription {
  const what = 'Subscription response';
  const raw = parsedObject(text, what);
  const found: Partial<Record<(typeof REQUIRED)[number], string>> = {};
  for (const field of REQUIRED) {
    const value = idText(raw[field]);
    if (value === undefined) {
      const got = raw[field] === undefined ? `has no ${field}` : `has an unusable ${field} (${typeof raw[field] === 'string' ? 'empty' : jsonType(raw[field])})`;
      throw new Error(`${what} ${got}${HINTS[field]}`);
    }
    found[field] = value;
  }
  const subscription: AnalyticsSubscription = {
    sourceId: found.sourceId as string,
    producerId: found.producerId as string,
    endpoint: (found.endpoint as string).trim(),
    guid: found.guid as string,
    raw,
  };
  const producer = idText(raw.producer);
  if (producer !== undefined) subscription.producer = producer;
  const source = idText(raw.source);
  if (source !== undefined) subscription.source = source;
  return subscription;
}

/**
 * The SubscriptionRedirectRequest or its unsubscribe twin: the JWT, the event name, then every
 * member of the SubscriptionResponse as received (a number version stays a number). currentGuids
 * is "for internal use only, do not fill in", so it is left out even if the server sent one.
 */
export function redirectMessage(eventName: 'subscriptionRedirect' | 'unsubscriptionRedirect', subscription: AnalyticsSubscription, token: string): string {
  if (eventName !== 'subscriptionRedirect' && eventName !== 'unsubscriptionRedirect') {
    throw new Error(`Redirect eventName must be subscriptionRedirect or unsubscriptionRedirect (got ${typeof eventName === 'string' ? `"${clip(eventName)}"` : jsonType(eventName)})`);
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new Error(`The redirect authorization must be a non-empty token (got ${typeof token === 'string' ? 'an empty string' : jsonType(token)})`);
  }
  const copied = { ...subscription.raw };
  for (const ours of ['currentGuids', 'authorization', 'eventName']) delete copied[ours];
  return JSON.stringify({ authorization: token, eventName, ...copied });
}
