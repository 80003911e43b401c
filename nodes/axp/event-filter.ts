import type { ParsedEvent } from '../shared/parse-result';

/** The envelope fields that name an agent (digest §5): a login-id filter matches any of them. */
const LOGIN_FIELDS = ['loginId', 'initiatingLoginId', 'destinationLoginId', 'observedLoginId', 'observingLoginId', 'coachedLoginId', 'coachingLoginId', 'bargingLoginId'];

export interface AxpEventFilter {
  /** body.event names to pass; empty = all. */
  types: Set<string>;
  /** Login ids to pass, compared case-insensitively (they are e-mail-like handles); empty = all. */
  loginIds: Set<string>;
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
  return items.map((item) => String(item).trim()).filter((item) => item && item !== 'ALL');
}

export function axpEventFilter(events: unknown, loginId: unknown): AxpEventFilter {
  return { types: new Set(list(events)), loginIds: new Set(list(loginId).map((id) => id.toLowerCase())) };
}

/** The event names to subscribe to: the node's selection, or ALL. */
export function subscribedEvents(filter: AxpEventFilter): string[] {
  return [...filter.types];
}

export function passesAxp(filter: AxpEventFilter, parsed: ParsedEvent<object>): boolean {
  if (filter.types.size > 0 && !filter.types.has(parsed.type)) return false;
  if (filter.loginIds.size === 0) return true;
  const envelope = parsed.payload as Record<string, unknown>;
  return LOGIN_FIELDS.some((field) => typeof envelope[field] === 'string' && filter.loginIds.has((envelope[field] as string).toLowerCase()));
}
