/**
 * Import statistics, topic `POM.<org>.IMPORTSTATISTICS` (digest §4.8): progress of a contact-list
 * or DNC import every few seconds. No type field and no event timestamp are listed (`startTime`
 * is when the import began), so the family has no sub-type and its time comes from Kafka.
 */
import { defineFamily } from './family-spec';
import { date, numberList, numId, oneOf, text } from './fields';
import { eventRecord } from './shape';

const IMPORT_TYPES = [
  'CONTACT_FILE', 'DATABASE_SQL', 'CUSTOM', 'UPLOAD_CONTACT_FILE', 'DNC_FILE_FOR_ADD', 'DNC_FILE_FOR_REMOVE', 'EXCLUDE_CONTACTS',
  'RESET_EXCLUDED_CONTACTS', 'EXCLUDE_CONTACTS_FILE', 'EXCLUDE_CONTACTS_DB', 'EXCLUDE_CONTACTS_CUSTOM', 'EXCLUDE_CONTACTS_UPLOAD_FILE',
] as const;

const IMPORT_STATUSES = [
  'COMPLETED', 'QUEUED', 'RUNNING', 'ERROR', 'FILE_COPYING', 'PAUSING', 'PAUSED', 'STOPPING', 'WAITING_TO_RESUME',
  'DELETING_CONTACTS', 'CREATING_HISTORY', 'QUEUED_EXCLUDING_CONTACTS', 'QUEUED_RESETTING_EXCLUDED_CONTACTS',
  'EXCLUDING_CONTACTS', 'RESETTING_EXCLUDED_CONTACTS',
] as const;

const IMPORT_DETAILS = [
  'UserPausedSuccessful', 'FileRunning', 'Completed', 'Failed', 'Deleting', 'FileCopying', 'Begin', 'BeginForFailover',
  'AbortedQueued', 'FileDirPause', 'IOException', 'UserStopSuccessful', 'FileDirStopAborted', 'Queued', 'FileCopied',
  'UserPaused', 'UserResume', 'UserStop', 'FileDirStop', 'ErrorStoreHasActiveCampaigns', 'ImportCompleteCreateHistory',
  'ErrorStoreHasExcludeJob', 'ErrorStoreHasActiveImportJob', 'ErrorStoreHasActiveCallbacks',
] as const;

/** `Stats` holds one counter per contact outcome, by index 0..14. */
const IMPORT_STATS_LENGTH = 15;

export const IMPORT_STATISTICS_FAMILY = defineFamily(
  eventRecord('IMPORT_STATISTICS', {
    jobId: numId,
    dataSourceName: text,
    listName: text,
    orgName: text,
    // Printed `Type`, `Status`, `Detail`, `Stats`.
    type: oneOf(IMPORT_TYPES),
    startTime: date,
    status: oneOf(IMPORT_STATUSES),
    detail: oneOf(IMPORT_DETAILS),
    stats: numberList(IMPORT_STATS_LENGTH),
  }),
  {
    identifying: ['jobId'],
    eventTime: () => undefined,
    org: (stats) => stats.orgName,
  },
);
