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

/**
 * Builds the message every source node sends for one parsed event (ARCHITECTURE.md, "The public
 * contract"). Runs once per event: plain property stores rather than spreads and computed keys,
 * which V8 builds several times slower.
 */
export function eventMessage<T>(vendor: Vendor, parsed: ParsedEvent<T>, transport: Transport, receivedAt: string): EventMessage<T> {
  const event: EventMessage<T>['event'] = { vendor, family: parsed.family, type: parsed.type, known: parsed.known, receivedAt };
  const details = parsed.details;
  if (details) for (const key in details) if (!(key in event)) event[key] = details[key];
  if (parsed.warnings.length > 0) event.warnings = parsed.warnings;
  const msg: EventMessage<T> = { topic: parsed.topic ?? parsed.type, payload: parsed.payload, event };
  msg[transport.name] = transport.meta;
  return msg;
}

/** Builds the message for the error output: the raw text, what was wrong, and the same transport metadata. */
export function failureMessage(vendor: Vendor, raw: string, failure: ParseFailure, transport: Transport, receivedAt: string): FailureMessage {
  const msg: FailureMessage = { payload: raw, error: { message: failure.message, issues: failure.issues }, event: { vendor, receivedAt } };
  msg[transport.name] = transport.meta;
  return msg;
}
