/**
 * Enumerations several families share, with the values exactly as the document prints them.
 * Where the document prints a value two ways, the spelling of the field's own value list is
 * canonical and the other is an alias (digest §8.4, §8.10).
 */
import { oneOf } from './fields';

const CAMPAIGN_TYPES = ['FINITE', 'INFINITE'] as const;
const AGENT_SELECTION_TYPES = ['DEFAULT', 'ATTRIBUTE_BASED', 'AGENT_ID', 'ATTRIBUTE_AGENT_ID'] as const;
const CHANNEL_TYPES = ['Voice', 'Email', 'SMS', 'Custom'] as const;
const CONTACT_ATTEMPT_TYPES = ['REGULAR', 'REDIAL', 'CONSULT', 'CONFERENCE', 'CALLBACK'] as const;
const CALLBACK_TYPES = ['CAMPAIGN', 'STANDARD', 'AGENT'] as const;

/** Pacing types of agent-attached jobs (agent events' `spacingType` and job-state `pacingType`). */
const AGENT_PACING_TYPES = ['ECR', 'CruiseControl', 'Progressive', 'Preview', 'Manual'] as const;

/**
 * Every pacing type. The enriched-attempt and JobHandlerInfo lists omit `CruiseControlW`, which
 * the attempt event and PacingParameter list (§8.10); one list for all keeps a value the document
 * knows from raising a warning. `licenseInfoList` prints `Timebased`, which folds onto `TimeBased`.
 */
export const PACING_TYPES = [
  'ECR', 'CruiseControl', 'CruiseControlW', 'Progressive', 'Custom', 'Preview', 'TimeBased', 'SkillBased', 'None', 'Manual',
] as const;

/** Job events' `finishReason`; they open job statistics' `jobNotes` too. */
export const FINISH_REASONS = [
  'NATURAL_FINISH',
  'CAMPAIGN_ABORTED_MANUALLY',
  'ABORT_TIME_CRITERIA_SATISFIED',
  'COMPLETION_CODE_CRITERIA_SATISFIED',
  'GOAL_BASED_CRITERIA_SATISFIED',
] as const;

export const JOB_NOTES = [
  ...FINISH_REASONS,
  'DIALING_PAUSED_AWAITING_IMPORT_TO_COMPLETE',
  'DIALING_PAUSED_AWAITING_RECORD_FILTERING_TO_COMPLETE',
  'DIALING_PAUSED_CONTACT_LIST_ADDITION_IN_PROGRESS',
  'DIALING_PAUSED_CONTACT_LIST_REMOVAL_IN_PROGRESS',
  'DIALING_PAUSED_CONTACT_LIST_IMPORT_IN_PROGRESS',
  'RECORD_FILTERING_AND_DIALING_IN_PROGRESS',
  'CONTACT_LIST_ADDITION_AND_DIALING_IN_PROGRESS',
  'CONTACT_LIST_REMOVAL_AND_DIALING_IN_PROGRESS',
  'CONTACT_LIST_IMPORT_AND_DIALING_IN_PROGRESS',
  'DIALING_IN_PROGRESS',
  'DIALING_STOPPED_ONLY_CALLBACK_TO_PROCESS',
  'DIALING_COMPLETED_PENDING_CALLBACKS',
] as const;

export const campaignType = oneOf(CAMPAIGN_TYPES);
export const agentSelectionType = oneOf(AGENT_SELECTION_TYPES);
export const channelType = oneOf(CHANNEL_TYPES);
export const contactAttemptType = oneOf(CONTACT_ATTEMPT_TYPES);
export const callbackType = oneOf(CALLBACK_TYPES);
export const agentPacingType = oneOf(AGENT_PACING_TYPES);
export const pacingType = oneOf(PACING_TYPES);
