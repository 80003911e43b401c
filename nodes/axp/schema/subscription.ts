/**
 * Notification API subscription responses (digest §3.1, §3.2): Create, Get and Renew answer one
 * Subscription, List answers a page of them. Tolerant: numbers may come as strings, an
 * unreadable optional field is left out. Only the two fields the client cannot work without,
 * `subscriptionId` and `transport.endpoint`, make parsing throw, with the field named.
 */
import { z } from 'zod';
import { isPlainObject, jsonType } from '../../shared/describe';
import { optionalInteger, optionalText, optionalTextList, text } from './scalars';

export type AxpSubscription = {
  subscriptionId: string;
  createdAt?: string;
  expiresAt?: string;
  /** Seconds left before the subscription is set INACTIVE (renew before then). */
  expiresIn?: number;
  /** ACTIVE, INACTIVE or PENDING. */
  status?: string;
  family?: string;
  events?: string[];
  transport: {
    type?: string;
    /** The WebSocket URL to connect to, used exactly as given (both the short and the full form occur). */
    endpoint: string;
    /** Seconds; the longest gap allowed between client pings. */
    pingInterval?: number;
  };
};

export type AxpSubscriptionPage = {
  subscriptions: AxpSubscription[];
  /** `pagination.total`: subscriptions on every page together. */
  total?: number;
  /** `links.next` when another page follows (a relative path or an absolute URL). */
  next?: string;
  /** One message per list entry that could not be read (left out of `subscriptions`). */
  skipped?: string[];
};

const SubscriptionSchema = z.object({
  subscriptionId: text,
  createdAt: optionalText.catch(undefined),
  expiresAt: optionalText.catch(undefined),
  expiresIn: optionalInteger.catch(undefined),
  status: optionalText.catch(undefined),
  family: optionalText.catch(undefined),
  events: optionalTextList.catch(undefined),
  transport: z.object({
    type: optionalText.catch(undefined),
    endpoint: text,
    pingInterval: optionalInteger.catch(undefined),
  }),
});

export function parseSubscription(json: unknown): AxpSubscription {
  return subscriptionFrom(decoded(json, 'Subscription response'), 'Subscription response');
}

export function parseSubscriptionPage(json: unknown): AxpSubscriptionPage {
  const root = decoded(json, 'Subscription list response');
  const list = Array.isArray(root) ? root : isPlainObject(root) ? root.subscriptions : undefined;
  if (!Array.isArray(list)) {
    throw new Error(`Subscription list response has no subscriptions list (got ${jsonType(isPlainObject(root) ? root.subscriptions : root)})`);
  }
  const page: AxpSubscriptionPage = { subscriptions: [] };
  for (const [i, entry] of list.entries()) {
    try {
      page.subscriptions.push(subscriptionFrom(entry, `Subscription list entry ${i}`));
    } catch (err) {
      (page.skipped ??= []).push((err as Error).message);
    }
  }
  if (isPlainObject(root)) {
    const total = optionalInteger.catch(undefined).parse(isPlainObject(root.pagination) ? root.pagination.total : undefined);
    if (total !== undefined) page.total = total;
    const next = isPlainObject(root.links) ? root.links.next : undefined;
    if (typeof next === 'string' && next.trim() !== '') page.next = next.trim();
  }
  return page;
}

function subscriptionFrom(value: unknown, what: string): AxpSubscription {
  if (!isPlainObject(value)) throw new Error(`${what} is not a JSON object (got ${jsonType(value)})`);
  const checked = SubscriptionSchema.safeParse(value);
  if (checked.success) {
    const subscription = checked.data;
    if (subscription.subscriptionId.trim() === '') throw new Error(`${what} has an empty subscriptionId`);
    if (subscription.transport.endpoint.trim() === '') throw new Error(`${what} has an empty transport.endpoint (the WebSocket URL)`);
    return subscription;
  }
  const issue = checked.error.issues[0];
  const field = issue.path.join('.');
  const got = valueAt(value, issue.path);
  const hint = field.startsWith('transport') ? ' (the WebSocket URL to connect to)' : '';
  if (got === undefined) throw new Error(`${what} has no ${field === 'transport' ? 'transport.endpoint' : field}${hint}`);
  throw new Error(`${what} field ${field} must be ${field === 'transport' ? 'an object' : 'a string'} (got ${jsonType(got)})${hint}`);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = isPlainObject(value) ? value[key as string] : undefined;
  return value;
}

/** The response body as fetch's json() gives it, or its text. */
function decoded(json: unknown, what: string): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}
