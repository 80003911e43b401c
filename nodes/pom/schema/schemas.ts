/**
 * The family registry: one spec per family (schema, key table and hooks), and the payload type
 * each schema infers.
 */
import type { z } from 'zod';
import { AGENT_FAMILY } from './agent';
import { AGENT_STATISTICS_FAMILY } from './agent-statistics';
import { ATTEMPT_FAMILY, ENRICHED_ATTEMPT_RESULT_FAMILY } from './attempt';
import { CCTRENDS_FAMILY } from './cctrends';
import type { PomFamily } from './families';
import type { FamilySpec } from './family-spec';
import { HEART_BEAT_FAMILY } from './heartbeat';
import { IMPORT_STATISTICS_FAMILY } from './import-statistics';
import { INBOUND_SKILL_FAMILY } from './inbound-skill';
import { JOB_FAMILY } from './job';
import { JOB_STATISTICS_FAMILY } from './job-statistics';

export const FAMILY_SPECS = {
  JOB: JOB_FAMILY,
  AGENT: AGENT_FAMILY,
  ATTEMPT: ATTEMPT_FAMILY,
  ENRICHED_ATTEMPT_RESULT: ENRICHED_ATTEMPT_RESULT_FAMILY,
  JOB_STATISTICS: JOB_STATISTICS_FAMILY,
  AGENT_STATISTICS: AGENT_STATISTICS_FAMILY,
  IMPORT_STATISTICS: IMPORT_STATISTICS_FAMILY,
  HEART_BEAT: HEART_BEAT_FAMILY,
  INBOUND_SKILL: INBOUND_SKILL_FAMILY,
  CCTRENDS: CCTRENDS_FAMILY,
} satisfies Record<PomFamily, FamilySpec>;

/** The normalised payload of one family, e.g. `PomEventOf<'JOB'>['jobEventInfo']`. */
export type PomEventOf<F extends PomFamily> = (typeof FAMILY_SPECS)[F] extends FamilySpec<infer P> ? P : never;

/** Each family's zod schema, for callers that validate normalised payloads themselves. */
export const POM_SCHEMAS = Object.fromEntries(
  Object.entries(FAMILY_SPECS).map(([family, spec]) => [family, spec.schema]),
) as { [F in PomFamily]: z.ZodType<PomEventOf<F>> };
