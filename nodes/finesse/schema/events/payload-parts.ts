/**
 * zod building blocks the event payload schemas share: the fields every payload carries, and the
 * structured values found inside several event bodies (call variables, participants, keyed lists).
 */
import { z } from 'zod';

export const text = z.string();
/** A positional field the body may end before (GC sends optional trailing fields, e.g. the short State form). */
export const optionalText = z.string().optional();
/** A documented count; text the parser could not read as a number is kept as sent (with a warning). */
export const count = z.union([z.number().int().nonnegative(), z.string()]);

export const CALL_VARIABLE_FORMATS = ['pairs', 'values'] as const;

/** §1.7: `name=value|…` (real GC) or comma-separated values named callVariable1…N (the vendor document). */
export const callVariables = {
  callVariables: z.record(z.string(), z.string()),
  callVariableFormat: z.enum(CALL_VARIABLE_FORMATS),
};

/** One entry of InboundCall's `participants:` field, `mediaAddress,state,mediaAddressType,stateCause,startTime` (§1.7). */
export const participant = z.strictObject({
  mediaAddress: text,
  state: text,
  mediaAddressType: text,
  stateCause: text,
  startTime: text,
});

/** A supervisor's team in AgentInfo: the document shows no separator between ID and name, so the entry is kept too. */
export const team = z.strictObject({ id: text, name: text, entry: text });

/** One zipped ReasonCodes entry; wrap-up reasons have labels only, so `code` may be empty. */
export const reason = z.strictObject({ code: text, label: text });

/** One item of a keyed list (users, phonebooks, contacts): camelCase key to value, unknown keys kept. */
export const keyedItem = z.record(z.string(), z.string());

/** What every payload carries besides its named fields. */
export const common = {
  /** segs[0] of the body, or null when the agent prefix is missing. */
  eventFor: z.string().nullable(),
  /** The agent or supervisor login ID the event is for; absent for system, destination and prefix-less events. */
  agentId: z.string().optional(),
  /** Every `#`-separated segment after the event type token. */
  args: z.array(z.string()),
  raw: z.string(),
};

export type Participant = z.output<typeof participant>;
export type Team = z.output<typeof team>;
export type Reason = z.output<typeof reason>;
export type KeyedItem = z.output<typeof keyedItem>;
export type CallVariableFormat = (typeof CALL_VARIABLE_FORMATS)[number];
