import { encodePayload, EncodeOptions, JsonObject } from './encode';
import { Random } from '../../shared/simulator/random';

export type MalformedKind = 'invalid-json' | 'array' | 'scalar' | 'wrong-type';
export const MALFORMED_KINDS: readonly MalformedKind[] = ['invalid-json', 'array', 'scalar', 'wrong-type'];

/** The field that identifies a record of each family; the wrong-type kind breaks exactly this one. */
const ID_FIELD: Record<string, string> = {
  JOB: 'jobId',
  AGENT: 'agentId',
  ATTEMPT: 'pimSessionId',
  ENRICHED_ATTEMPT_RESULT: 'pimSessionId',
  JOB_STATISTICS: 'jobId',
  AGENT_STATISTICS: 'agentId',
  IMPORT_STATISTICS: 'jobId',
  HEART_BEAT: 'serverName',
  INBOUND_SKILL: 'skillId',
  CCTRENDS: 'jobId',
};

/**
 * A value that a consumer of `family`'s topic must reject, modelled on the real record it is inserted next to so
 * that it looks plausible on that topic.
 */
export function malformedValue(kind: MalformedKind, family: string, payload: JsonObject, opts: EncodeOptions, rng: Random): string {
  const field = ID_FIELD[family];
  const id = payload[field];
  switch (kind) {
    case 'invalid-json': {
      // A strict prefix of a JSON object leaves a brace unclosed, so it can never parse.
      const whole = encodePayload(family, payload, opts);
      return whole.slice(0, Math.floor(whole.length * (0.3 + rng.float() * 0.6)));
    }
    case 'array':
      return JSON.stringify([family, id]);
    case 'scalar':
      return JSON.stringify(`${family} ${String(id)}`);
    case 'wrong-type':
      // Ids are numbers or strings on the wire; an object where one is expected is never valid.
      return encodePayload(family, { ...payload, [field]: { value: id } }, opts);
  }
}
