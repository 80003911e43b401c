/**
 * Judges a socket's `authentication` message (digest §9.2 rule 2), checking in the order constraint -> token ->
 * subscription, so a malformed message never reveals whether a token or a subscription exists.
 */
import { isPlainObject } from '../../shared/describe';
import { AUTH_CONFIRMED, AuthFailure } from './auth-status';
import { SubscriptionRecord, SubscriptionStore } from './subscriptions';
import { TokenRecord, TokenStore } from './tokens';

/** The ids in the endpoint's long form /{accountId}/{subscriptionId}; absent for the short form. */
export interface PathIds {
  accountId?: string;
  subscriptionId?: string;
}

export type AuthOutcome =
  | { status: typeof AUTH_CONFIRMED; subscription: SubscriptionRecord; token: TokenRecord }
  | { status: AuthFailure; subscriptionId?: string; reason: string };

const ALLOWED_KEYS = new Set(['event', 'subscriptionId', 'token']);

export function checkAuthentication(frame: string | undefined, path: PathIds, tokens: TokenStore, subscriptions: SubscriptionStore): AuthOutcome {
  const message = authenticationMessage(frame);
  if (typeof message === 'string') return { status: 'CONNECTION_FAILED_CONSTRAINT_VIOLATION', reason: message };
  const { subscriptionId, token: tokenText } = message;
  const token = tokens.valid(tokenText);
  if (!token) return { status: 'CONNECTION_FAILED_INVALID_TOKEN', reason: 'token unknown or expired' };
  const unknown = (reason: string): AuthOutcome => ({ status: 'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION', subscriptionId, reason });
  if (path.subscriptionId !== undefined && path.subscriptionId !== subscriptionId) return unknown('the endpoint names another subscription');
  if (path.accountId !== undefined && path.accountId !== token.accountId) return unknown('the endpoint names another account');
  const subscription = subscriptions.find(subscriptionId);
  if (!subscription) return unknown('no such subscription');
  if (subscription.accountId !== token.accountId) return unknown('the subscription belongs to another account');
  if (subscription.status !== 'ACTIVE') return unknown('the subscription is INACTIVE');
  return { status: AUTH_CONFIRMED, subscription, token };
}

/** The message's fields, or what is wrong with it (schema Authentication, additionalProperties false). */
function authenticationMessage(frame: string | undefined): { subscriptionId: string; token: string } | string {
  if (frame === undefined) return 'not a text frame';
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return 'not JSON';
  }
  if (!isPlainObject(value)) return 'not a JSON object';
  if (value.event !== 'authentication') return 'event is not "authentication"';
  const extra = Object.keys(value).filter((k) => !ALLOWED_KEYS.has(k));
  if (extra.length > 0) return `unexpected properties ${extra.join(', ')}`;
  if (typeof value.subscriptionId !== 'string' || value.subscriptionId === '') return 'subscriptionId missing or not a string';
  if (typeof value.token !== 'string' || value.token === '') return 'token missing or not a string';
  return { subscriptionId: value.subscriptionId, token: value.token };
}
