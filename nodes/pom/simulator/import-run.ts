import { CampaignDef } from './catalogue';
import { JsonObject } from './encode';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

export interface ImportHost {
  readonly sched: Scheduler;
  readonly org: string;
  emit(family: string, key: string, payload: JsonObject): void;
}

/** The default IMPORT_STATISTICS_EVENT_FREQUENCY_IN_SECONDS (§2.9). */
const EVERY_MS = 4000;

// Indexes into `Stats` (§4.8).
const IMPORTED = 0;
const VALIDATION_FAILED = 3;
const DUPLICATE = 4;
const DNC_MATCH = 7;
const PHONE_FORMAT_FAILED = 8;

/**
 * A contact-list import as Campaign Director reports it: every 4 s from QUEUED through FILE_COPYING and
 * RUNNING to CREATING_HISTORY and COMPLETED, with the `Stats` counters growing as rows are read.
 */
export function runImport(host: ImportHost, rng: Random, importJobId: number, campaign: CampaignDef, contacts: number,
  done: () => void): void {
  const startTime = host.sched.now;
  const stats: number[] = new Array(15).fill(0);
  let tick = 0;
  const publish = (status: string, detail: string): void => host.emit('IMPORT_STATISTICS', String(importJobId), {
    jobId: importJobId,
    dataSourceName: campaign.dataSourceName,
    listName: campaign.listName,
    orgName: host.org,
    type: campaign.importType,
    startTime,
    status,
    detail,
    stats: [...stats],
  });
  let finishing = false;
  const step = (): void => {
    tick += 1;
    if (tick === 1) publish('QUEUED', 'Queued');
    else if (tick === 2) publish('FILE_COPYING', 'FileCopying');
    else if (tick === 3) publish('RUNNING', 'Begin');
    else if (stats[IMPORTED] < contacts) {
      stats[IMPORTED] = Math.min(contacts, stats[IMPORTED] + rng.int(8, 20));
      if (rng.chance(0.3)) stats[VALIDATION_FAILED] += 1;
      if (rng.chance(0.3)) stats[DUPLICATE] += rng.int(1, 3);
      if (rng.chance(0.2)) stats[DNC_MATCH] += 1;
      if (rng.chance(0.1)) stats[PHONE_FORMAT_FAILED] += 1;
      publish('RUNNING', 'FileRunning');
    } else if (!finishing) {
      finishing = true;
      publish('CREATING_HISTORY', 'ImportCompleteCreateHistory');
    } else {
      publish('COMPLETED', 'Completed');
      return done();
    }
    host.sched.after(EVERY_MS, step);
  };
  step();
}
