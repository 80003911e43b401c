import type { ParseResult } from '../../shared/parse-result';
import type { FinesseEventPayload } from '../schema/events';

/** One message from the client topic: the body as GC sent it, its STOMP headers, and what the parser made of it. */
export interface GcIncoming {
  body: string;
  headers: Record<string, string>;
  receivedAt: string;
  parsed: ParseResult<FinesseEventPayload>;
}

/** The agent an incoming event or error is about, when the parser could tell. */
export function agentOf(incoming: GcIncoming): string | undefined {
  return incoming.parsed.ok ? incoming.parsed.payload.agentId ?? undefined : undefined;
}
