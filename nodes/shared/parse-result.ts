/**
 * What every vendor's schema layer returns for one wire message. A failure is data, not an
 * exception: the node layer sends it out of the error output with the raw text attached.
 */
export interface ParseIssue {
  /** Where in the message the problem sits, e.g. ["time"] or ["UserData", "CaseRef"]. */
  path: (string | number)[];
  message: string;
}

export interface ParsedEvent<T> {
  ok: true;
  /** The event's type name as the vendor spells it (msg.event.type, and msg.topic unless `topic` is set). */
  type: string;
  /** msg.topic when it differs from the type (POM: the family name, while `type` is the family's sub-type). */
  topic?: string;
  /** The vendor's grouping of the type (e.g. Genesys "agent", "hook"; POM "JOB"). */
  family: string;
  /** False when the type is not one the schema knows; the event is still delivered. */
  known: boolean;
  payload: T;
  /** Tolerated deviations a person may want to know about (missing mandatory attribute, coerced type, ...). */
  warnings: string[];
  /** Vendor-specific facts for msg.event (e.g. eventTime, timeSource). */
  details?: Record<string, unknown>;
}

export interface ParseFailure {
  ok: false;
  /** One sentence a person can act on: what was wrong and where. */
  message: string;
  issues: ParseIssue[];
}

export type ParseResult<T> = ParsedEvent<T> | ParseFailure;

export function parseFailure(message: string, issues: ParseIssue[] = []): ParseFailure {
  return { ok: false, message, issues };
}
