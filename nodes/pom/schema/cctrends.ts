/**
 * Completion-code trends, topic `POM.<org>.CCTRENDS` (digest §4.11): once a minute, per job, how
 * often each completion code occurred in the last interval. The only family with a real JSON
 * sample, which carries its dates as Gson text and no event timestamp or org; the items' shared
 * `time` (the interval the counts belong to) stands in as the event time.
 */
import { defineFamily } from './family-spec';
import { date, num, numId, text } from './fields';
import { eventRecord, listOf, nested } from './shape';

export const CCTRENDS_FAMILY = defineFamily(
  eventRecord('CCTRENDS', {
    // Printed `Job id`, `Jobstarttime` in the table; the sample spells them as here.
    jobId: numId,
    jobStartTime: date,
    trendsData: listOf(
      nested('trendsData', {
        time: date,
        jobId: numId,
        actionId: numId,
        count: num,
        // System and custom completion codes, mixed.
        name: text,
      }),
    ),
  }),
  {
    identifying: ['jobId'],
    eventTime: (trends) => trends.trendsData?.[0]?.time,
  },
);
