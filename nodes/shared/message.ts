import type { ParsedEvent, ParseFailure } from './parse-result';

export type Vendor = 'genesys' | 'pom' | 'finesse' | 'axp' | 'analytics';

/** The transport a message came over and its metadata, placed on msg[name] (msg.kafka, msg.stomp, msg.ws). */
export interface Transport<M extends object = object> {
  name: 'kafka' | 'stomp' | 'ws';
  meta: M;
}

export interface EventMessage<T> {
  topic: string;
  payload: T;
  event: {
    vendor: Vendor;
    family: string;
    type: string;
    known: boolean;
    receivedAt: string;
    warnings?: string[];
    [detail: string]: unknown;
  };
  [transport: string]: unknown;
}

export interface FailureMessage {
  payload: string;
  error: { message: string; issues: ParseFailure['issues'] };
  event: { vendor: Vendor; receivedAt: string };
  [transport: string]: unknown;
}

/** Builds the message every source node sends for one parsed event (ARCHITECTURE.md, "The public contract"). */
export function eventMessage<T>(vendor: Vendor, parsed: ParsedEvent<T>, transport: Transport, receivedAt: Date): EventMessage<T> {
  const event: EventMessage<T>['event'] = {
    ...parsed.details,
    vendor,
    family: parsed.family,
    type: parsed.type,
    known: parsed.known,
    receivedAt: receivedAt.toISOString(),
  };
  if (parsed.warnings.length > 0) event.warnings = parsed.warnings;
  return { topic: parsed.type, payload: parsed.payload, event, [transport.name]: transport.meta };
}

/** Builds the message for the error output: the raw text, what was wrong, and the same transport metadata. */
export function failureMessage(vendor: Vendor, raw: string, failure: ParseFailure, transport: Transport, receivedAt: Date): FailureMessage {
  return {
    payload: raw,
    error: { message: failure.message, issues: failure.issues },
    event: { vendor, receivedAt: receivedAt.toISOString() },
    [transport.name]: transport.meta,
  };
}
