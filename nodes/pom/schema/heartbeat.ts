/**
 * Heartbeats, topic `POM.HEARTBEAT` shared by all orgs (digest §4.1): each POM server's
 * `kafkamonitor` proves the POM-Kafka to client path every 30 s or so. `eventTimeStamp` is the
 * creation time; `rcvdTimeStamp` is filled by the SDK on the client, so this layer fills it too.
 */
import { defineFamily } from './family-spec';
import { date, oneOf, text } from './fields';
import { eventRecord } from './shape';

export const HEART_BEAT_FAMILY = defineFamily(
  eventRecord('HEART_BEAT', {
    serverName: text,
    eventTimeStamp: date,
    rcvdTimeStamp: date,
    eventTypeEnum: oneOf(['HEART_BEAT']),
  }),
  {
    identifying: ['serverName'],
    stampedOnReceipt: 'rcvdTimeStamp',
    eventTime: (beat) => beat.eventTimeStamp,
  },
);
