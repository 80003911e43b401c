/**
 * What the parser needs to know about one family beyond its schema: which members identify a
 * record, where its own time and org are, and how its sub-type is read. Each family file declares
 * one; parse.ts holds no per-family knowledge.
 */
import type { z } from 'zod';
import type { KeyTable } from './keys';

/** The family's sub-type for `ParsedEvent.type`, and whether the document lists that value. */
export interface SubType {
  type: string;
  known: boolean;
  warning?: string;
}

export interface FamilySpec<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly schema: z.ZodType<P>;
  readonly table: KeyTable;
  /** A record without any of these members gets a warning (it is still delivered). */
  readonly identifying: readonly string[];
  /**
   * Members the SDK fills on the client (`rcvdTimeStamp`, §3.2); when absent they are set to the
   * time of parsing.
   */
  readonly stampedOnReceipt?: string;
  // Method syntax on purpose: the registry holds specs of every payload type under one type.
  /** The event's own time, as the normalised ISO string, when the record carries one. */
  eventTime(payload: P): unknown;
  org?(payload: P): unknown;
  /** Absent for families without a sub-type: their type is the family name. */
  subType?(payload: P): SubType;
  /** Inferred class names of polymorphic members (§3.5), keyed by dotted path. */
  subclasses?(payload: P): Record<string, string>;
}

/** Ties a family's hooks to the payload type its schema infers. */
export function defineFamily<P extends Record<string, unknown>>(
  record: { schema: z.ZodType<P>; table: KeyTable },
  hooks: Omit<FamilySpec<P>, 'schema' | 'table'>,
): FamilySpec<P> {
  return { ...record, ...hooks };
}
