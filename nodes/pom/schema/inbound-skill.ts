/**
 * Inbound skill data, topic `POM.INBOUNDSKILL` shared by all orgs (digest §4.9): CC Elite skill
 * figures POM uses for skill-based pacing and blending, one record per CMS message. Like the
 * heartbeat, `rcvdTimeStamp` is the SDK's client-side receive time, filled here when absent.
 */
import { defineFamily } from './family-spec';
import { date, num, numId, oneOf, text } from './fields';
import { eventRecord } from './shape';

export const INBOUND_SKILL_FAMILY = defineFamily(
  eventRecord('INBOUND_SKILL', {
    // Printed `Skill`.
    skill: text,
    skillId: numId,
    zoneName: text,
    qLength: num,
    ewtHigh: num,
    ewtMed: num,
    ewtLow: num,
    avgSpeedAns: num,
    // Thresholds for blending; the document's two descriptions are muddled (§8.11).
    agtAcqThld: num,
    agtRelThld: num,
    eventTimeStamp: date,
    rcvdTimeStamp: date,
    eventTypeEnum: oneOf(['INBOUND_SKILL']),
  }),
  {
    identifying: ['skill', 'skillId'],
    stampedOnReceipt: 'rcvdTimeStamp',
    eventTime: (skill) => skill.eventTimeStamp,
  },
);
