/**
 * Job (state) events, topic `POM.<org>.JOB` (digest §4.2). The sub-type is `eventType`. The
 * polymorphic `jobEventInfo` holds the base JobStateEventInfo fields plus those of whichever
 * subclass POM sent, flattened into one object; the subclass is told by the members present.
 */
import { agentSelectionType, campaignType, FINISH_REASONS } from './enums';
import { defineFamily } from './family-spec';
import { date, num, numId, oneOf, text } from './fields';
import { eventRecord, nested } from './shape';

export const JOB_EVENT_TYPES = [
  'JOBQUEUED',
  'JOBRUNNING',
  'JOBPAUSED',
  'JOBCALLBACK',
  'JOBSTOP',
  'JOBSTOP_CALLBACK',
  'JOBRUNNING_FILTERINPROGRESS',
  'JOBCOMPLETED',
] as const;

/**
 * The Job States text spells two event types differently from the eventType list (§8.4); its
 * `JOB_CALLBACK` needs no entry, since it folds onto `JOBCALLBACK`.
 */
const JOB_EVENT_TYPE_ALIASES = { JOBPAUSE: 'JOBPAUSED', JOBRUNNING_FILTERINPGRESS: 'JOBRUNNING_FILTERINPROGRESS' };

const JOB_STATE_EVENT_TYPES = [
  'JobQueuedEvent',
  'JobRunningEvent',
  'JobPauseEvent',
  'JobCallbackEvent',
  'JobCompletedEvent',
  'JobCompletedCreatingHistoryEvent',
  'JobStopEvent',
] as const;

const JOB_EVENT_INFO = nested('JobStateEventInfo', {
  jobEventType: oneOf(['JobStateEvent']),
  jobStateEventType: oneOf(JOB_STATE_EVENT_TYPES),
  // The status constants are only partly documented (§5.1, §8.4), so they stay free text.
  currentJobStatus: text,
  lastJobStatus: text,
  // JobRunningEventInfo (callbackCount is also JobCallbackEventInfo's only field)
  filteredContactCount: num,
  callbackCount: num,
  pendingRetryCount: num,
  // JobCompletedEventInfo
  totalJobTime: num,
  jobEndTime: date,
  finishReason: oneOf(FINISH_REASONS),
});

const JOB_EVENT_TYPE_SET: ReadonlySet<string> = new Set(JOB_EVENT_TYPES);

export const JOB_FAMILY = defineFamily(
  eventRecord('JOB', {
    orgName: text,
    jobId: numId,
    campaignName: text,
    campaignType,
    agentSelectionType,
    jobEventInfo: JOB_EVENT_INFO,
    eventType: oneOf(JOB_EVENT_TYPES, JOB_EVENT_TYPE_ALIASES),
    eventTimeStamp: date,
  }),
  {
    identifying: ['jobId'],
    eventTime: (job) => job.eventTimeStamp,
    org: (job) => job.orgName,
    subType(job) {
      const type = job.eventType;
      if (type != null && type !== '') return { type: String(type), known: JOB_EVENT_TYPE_SET.has(String(type)) };
      return { type: 'JOB', known: false, warning: 'JOB record has no eventType, so its kind of job event is unknown' };
    },
    subclasses(job): Record<string, string> {
      const info = job.jobEventInfo;
      return info == null ? {} : { jobEventInfo: jobEventInfoClass(info) };
    },
  },
);

function jobEventInfoClass(info: Record<string, unknown>): string {
  if (info.totalJobTime != null || info.jobEndTime != null || info.finishReason != null) return 'JobCompletedEventInfo';
  if (info.filteredContactCount != null || info.pendingRetryCount != null) return 'JobRunningEventInfo';
  if (info.callbackCount != null) return 'JobCallbackEventInfo';
  return 'JobStateEventInfo';
}
