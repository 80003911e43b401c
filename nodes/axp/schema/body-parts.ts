/**
 * The object types several bodies share (digest §6.0b). Every one is declared
 * `additionalProperties: false` by the vendor, yet fields appear between versions and
 * `CustomerIdentifiers` is "dynamic per customer": undeclared keys are kept.
 */
import { z } from 'zod';
import { jsonType } from '../../shared/describe';
import {
  looseRecord, optionalFreeForm, optionalInteger, optionalRecord, optionalText, optionalTextList, text,
} from './scalars';

/** A routing category and its values. */
export const attribute = looseRecord({ category: optionalText, values: optionalTextList });

const attributeItem = z.union([attribute, text], {
  error: (issue) => (issue.code === 'invalid_union' ? `expected {category, values} or a string (got ${jsonType(issue.input)})` : undefined),
});

/**
 * `attributes` (§7.5): typed `Attribute[]` (EngagementPrerouted, OfferedService) or `string[]`
 * (OfferedQueue), while the vendor's examples send one bare `{category, values}` object. Every
 * shape comes out as an array; items keep their form (object or string).
 */
export const optionalAttributes = z.preprocess(
  (value) => (value === null ? undefined : value === undefined || Array.isArray(value) ? value : [value]),
  z.array(attributeItem).optional(),
);

export const optionalCustomerIdentifiers = optionalRecord({
  phoneNumbers: optionalTextList,
  emailAddresses: optionalTextList,
  accountIds: optionalTextList,
});

/** Declared with no properties, yet the examples carry `{"language": "en"}`: any keys. */
export const optionalEngagementParameters = optionalFreeForm;

/** `AgentRouting`: type LAR (last agent) or PAR (preferred agent), waitTime in minutes. */
export const optionalAgentRouting = optionalRecord({ type: optionalText, waitTime: optionalInteger });

/** EngagementPrerouted's inline `queue`; the rendered table's integer ids are read as strings. */
export const optionalPreroutedQueue = optionalRecord({
  queueId: optionalText,
  queueName: optionalText,
  priority: optionalInteger,
  proficiencyRangeMin: optionalInteger,
  proficiencyRangeMax: optionalInteger,
});

/** `OfferedAgentData` and `OfferedSpecifiedAgentData` have the same fields. */
const offeredAgentShape = {
  agentId: optionalText,
  providerAgentId: optionalText,
  channelProviderId: optionalText,
  channelId: optionalText,
  channelProviderAddress: optionalText,
  providerAgentAddress: optionalText,
};

const serviceShape = {
  priority: optionalInteger,
  rank: optionalInteger,
  proficiencyRangeMin: optionalInteger,
  proficiencyRangeMax: optionalInteger,
  attributes: optionalAttributes,
  offeredAgentData: optionalRecord(offeredAgentShape),
};

export const optionalOfferedQueue = optionalRecord({ queueId: optionalText, channelId: optionalText, ...serviceShape });

export const optionalOfferedService = optionalRecord(serviceShape);

export const optionalOfferedSpecifiedAgent = optionalRecord({
  rank: optionalInteger,
  offeredSpecifiedAgentData: optionalRecord(offeredAgentShape),
});

export type AxpAttribute = z.output<typeof attribute>;
