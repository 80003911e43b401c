import assert from 'node:assert/strict';
import type { ParsedEvent, ParseFailure } from '../../nodes/shared/parse-result';
import {
  AGENT_EVENT_TYPES, ATTEMPT_SUBTYPES, defaultPomTopic, familyOfTopic, isPomFamily, JOB_EVENT_TYPES, orgOfTopic, parsePomEvent,
  POM_FAMILIES, POM_SCHEMAS, type PomDetails, type PomEvent, type PomFamily,
} from '../../nodes/pom/schema';
import * as expected from './fixtures/expected';
import { FULL_RECORDS } from './fixtures/full-records';
import * as records from './fixtures/records';
import { BAD_DATES, DATE_FORMS, ENUM_FORMS, FLAG_FORMS, minimal, nest, TOP_LEVEL_ALIASES, valueAt } from './fixtures/variants';

const KAFKA_MS = 1718287200123;
const KAFKA_ISO = '2024-06-13T14:00:00.123Z';

type Parsed = ParsedEvent<PomEvent> & { details: PomDetails };

function parsed(family: PomFamily, record: string | object, fallbackMs?: number): Parsed {
  const result = parsePomEvent(family, typeof record === 'string' ? record : JSON.stringify(record), fallbackMs);
  if (!result.ok) assert.fail(`expected ok, got: ${result.message}`);
  return result as Parsed;
}

function rejected(family: PomFamily, record: string | object): ParseFailure {
  const result = parsePomEvent(family, typeof record === 'string' ? record : JSON.stringify(record));
  if (result.ok) assert.fail(`expected a failure, got ${result.type}`);
  assert.ok(result.message.length <= 250, `message too long (${result.message.length}): ${result.message}`);
  assert.ok(result.issues.length > 0);
  return result;
}

describe('POM families and topics', () => {
  it('lists the ten EventTypeEnum families and recognises only them', () => {
    assert.deepEqual([...POM_FAMILIES], [
      'JOB', 'AGENT', 'ATTEMPT', 'ENRICHED_ATTEMPT_RESULT', 'JOB_STATISTICS', 'AGENT_STATISTICS', 'IMPORT_STATISTICS', 'HEART_BEAT',
      'INBOUND_SKILL', 'CCTRENDS',
    ]);
    assert.ok(POM_FAMILIES.every(isPomFamily));
    for (const name of ['job', 'HEARTBEAT', 'ENRICHEDATTEMPTRESULT', '']) assert.equal(isPomFamily(name), false, name);
  });

  it('builds the §2.1 default topics for the default org and a named one', () => {
    const suffixes = ['JOB', 'AGENT', 'ATTEMPT', 'ENRICHEDATTEMPTRESULT', 'JOBSTATISTICS', 'AGENTSTATISTICS', 'IMPORTSTATISTICS'];
    for (const org of ['Default', 'Acme']) {
      assert.deepEqual(POM_FAMILIES.map((family) => defaultPomTopic(family, org)), [
        ...suffixes.map((suffix) => `POM.${org}.${suffix}`), 'POM.HEARTBEAT', 'POM.INBOUNDSKILL', `POM.${org}.CCTRENDS`,
      ]);
    }
    assert.equal(defaultPomTopic('JOB', '  '), 'POM.Default.JOB');
  });

  it('tells the org and family of a topic name', () => {
    assert.equal(orgOfTopic('POM.Acme.JOB'), 'Acme');
    assert.equal(orgOfTopic('POM.Default.ENRICHEDATTEMPTRESULT'), 'Default');
    assert.equal(orgOfTopic('POM.Default.INBOUNDSKILL'), 'Default', 'the older per-org inbound skill topic');
    assert.equal(orgOfTopic('POM.acme.corp.CCTRENDS'), 'acme.corp');
    for (const topic of ['POM.HEARTBEAT', 'POM.INBOUNDSKILL', 'POM.Acme.SOMETHING', 'acme-jobs', 'POM.JOB.']) {
      assert.equal(orgOfTopic(topic), undefined, topic);
    }
    for (const family of POM_FAMILIES) assert.equal(familyOfTopic(defaultPomTopic(family, 'Acme')), family);
    assert.equal(familyOfTopic('callback-requests'), undefined);
  });
});

describe('parsePomEvent: full records of every family', () => {
  for (const [family, record, payload, type, subclasses] of FULL_RECORDS) {
    it(`${family} ${type}: every field normalised`, () => {
      const result = parsed(family, record, KAFKA_MS);
      assert.deepEqual(result.payload, payload);
      assert.deepEqual(result.warnings, []);
      assert.equal(result.type, type);
      assert.equal(result.known, true);
      assert.equal(result.family, family);
      assert.equal(result.topic, family);
      assert.deepEqual(result.details.subclasses, subclasses);
    });
  }

  it('takes each family\'s own time, else the Kafka timestamp', () => {
    const times = FULL_RECORDS.map(([family, record]) => [family, parsed(family, record, KAFKA_MS).details.eventTime] as const);
    assert.deepEqual(Object.fromEntries(times), {
      JOB: '2024-06-13T16:00:00.000Z',
      AGENT: '2024-06-13T14:01:00.000Z',
      ATTEMPT: '2024-06-13T14:01:00.010Z',
      ENRICHED_ATTEMPT_RESULT: '2024-06-13T14:03:00.400Z',
      JOB_STATISTICS: '2024-06-13T13:59:56.000Z',
      AGENT_STATISTICS: KAFKA_ISO,
      IMPORT_STATISTICS: KAFKA_ISO,
      HEART_BEAT: '2024-06-13T13:59:56.000Z',
      INBOUND_SKILL: '2024-06-13T13:59:56.000Z',
      CCTRENDS: '2022-06-13T15:37:35.000Z',
    });
    assert.equal(parsed('AGENT_STATISTICS', records.AGENT_STATISTICS, KAFKA_MS).details.timeSource, 'kafka');
    assert.equal(parsed('JOB', records.JOB_RUNNING, KAFKA_MS).details.timeSource, 'event');
    const received = parsed('IMPORT_STATISTICS', records.IMPORT_STATISTICS).details;
    assert.equal(received.timeSource, 'received');
    assert.ok(Math.abs(Date.parse(received.eventTime) - Date.now()) < 5000);
  });

  it('takes the receive time when the Kafka timestamp is beyond the Date range (nanoseconds sent as milliseconds)', () => {
    for (const timestamp of [1718287200123456789, 8.64e15 + 1]) {
      const details = parsed('IMPORT_STATISTICS', records.IMPORT_STATISTICS, timestamp).details;
      assert.equal(details.timeSource, 'received', String(timestamp));
      assert.ok(Math.abs(Date.parse(details.eventTime) - Date.now()) < 5000);
    }
    assert.equal(parsed('IMPORT_STATISTICS', records.IMPORT_STATISTICS, 8.64e15).details.eventTime, '+275760-09-13T00:00:00.000Z');
  });

  it('falls back to agentEventType.timestamp, eventCreationTimestamp and processedTimeStamp', () => {
    const { eventTimeStamp: _a, ...agent } = records.AGENT_STATE;
    assert.equal(parsed('AGENT', agent, KAFKA_MS).details.eventTime, '2024-06-13T14:00:59.990Z');
    const { eventTimeStamp: _b, ...attempt } = records.ATTEMPT;
    assert.equal(parsed('ATTEMPT', attempt, KAFKA_MS).details.eventTime, '2024-06-13T14:01:00.000Z');
    const { eventTimeStamp: _c, ...enriched } = records.ENRICHED_ATTEMPT_RESULT;
    assert.equal(parsed('ENRICHED_ATTEMPT_RESULT', enriched, KAFKA_MS).details.eventTime, '2024-06-13T14:03:00.500Z');
  });

  it('reports the org the record names', () => {
    const orgs = FULL_RECORDS.map(([family, record]) => [family, parsed(family, record).details.org] as const);
    assert.deepEqual(Object.fromEntries(orgs), {
      JOB: 'Default', AGENT: 'Default', ATTEMPT: undefined, ENRICHED_ATTEMPT_RESULT: undefined, JOB_STATISTICS: 'Default',
      AGENT_STATISTICS: 'Default', IMPORT_STATISTICS: 'Default', HEART_BEAT: undefined, INBOUND_SKILL: undefined, CCTRENDS: undefined,
    });
    assert.equal(parsed('JOB', { ...records.JOB_RUNNING, orgName: 'Acme' }).details.org, 'Acme');
  });

  it('notes the assumed zone only when a zone-less date string was read', () => {
    assert.equal(parsed('CCTRENDS', records.CCTRENDS_SAMPLE).details.assumedZone, 'UTC');
    assert.equal(parsed('JOB', records.JOB_RUNNING).details.assumedZone, undefined);
    const gson = parsed('JOB', { ...records.JOB_RUNNING, eventTimeStamp: 'Jun 13, 2024 1:59:56 PM' });
    assert.equal(gson.details.assumedZone, 'UTC');
    assert.deepEqual(gson.warnings, []);
  });

  it('fills rcvdTimeStamp of heartbeats and inbound skill when the record lacks it', () => {
    for (const family of ['HEART_BEAT', 'INBOUND_SKILL'] as const) {
      const { rcvdTimeStamp: _, ...record } = family === 'HEART_BEAT' ? records.HEART_BEAT : records.INBOUND_SKILL;
      const before = Date.now();
      const stamped = Date.parse(parsed(family, record).payload.rcvdTimeStamp as string);
      assert.ok(stamped >= before - 1 && stamped <= Date.now() + 1, family);
      assert.ok(Date.parse(parsed(family, { ...record, rcvdTimeStamp: null }).payload.rcvdTimeStamp as string) >= before - 1);
    }
    assert.equal(parsed('JOB', records.JOB_RUNNING).payload.rcvdTimeStamp, undefined);
  });

  it('parses its own output to the same payload, and the family schemas accept it', () => {
    for (const [family, record, payload] of FULL_RECORDS) {
      assert.deepEqual(parsed(family, payload).payload, payload, family);
      assert.ok(POM_SCHEMAS[family].safeParse(parsed(family, record).payload).success, family);
    }
  });

  it('strips a UTF-8 BOM', () => {
    assert.deepEqual(parsed('HEART_BEAT', `\uFEFF${JSON.stringify(records.HEART_BEAT)}`).payload, expected.HEART_BEAT);
  });
});

describe('parsePomEvent: sub-types', () => {
  it('lists the sub-type values the document gives', () => {
    assert.equal(JOB_EVENT_TYPES.length, 8);
    assert.deepEqual(AGENT_EVENT_TYPES, ['AgentStateEvent', 'AgentCallStateEvent', 'AgentJobStateEvent', 'AgentNailStateEvent', 'AgentOperationEvent']);
    assert.deepEqual([...ATTEMPT_SUBTYPES], ['AttemptCreated', 'AttemptUpdated', 'AttemptCompleted']);
  });

  it('delivers an unknown job event type as known:false', () => {
    const result = parsed('JOB', { ...records.JOB_RUNNING, eventType: 'JOBRESUMED' });
    assert.equal(result.type, 'JOBRESUMED');
    assert.equal(result.known, false);
    assert.match(result.warnings.join('\n'), /eventType value "JOBRESUMED" is not one the document lists/);
  });

  it('delivers an unknown attempt Subtype as known:false', () => {
    const result = parsed('ATTEMPT', { ...records.ATTEMPT, Subtype: 'AttemptDeleted' });
    assert.deepEqual([result.type, result.known, result.payload.subtype], ['AttemptDeleted', false, 'AttemptDeleted']);
  });

  it('falls back to the family name when the sub-type is missing', () => {
    const { eventType: _, ...job } = records.JOB_RUNNING;
    const noType = parsed('JOB', job);
    assert.deepEqual([noType.type, noType.known], ['JOB', false]);
    assert.match(noType.warnings[0], /no eventType/);
    const { Subtype: __, ...attempt } = records.ATTEMPT;
    assert.deepEqual([parsed('ATTEMPT', attempt).type, parsed('ATTEMPT', attempt).known], ['ATTEMPT', false]);
  });

  it('names the agent event kind by its discriminating member', () => {
    const unknownKind = parsed('AGENT', { ...records.AGENT_STATE, agentEventType: { mood: 'HAPPY', timestamp: 1 } });
    assert.deepEqual([unknownKind.type, unknownKind.known], ['AGENT', false]);
    assert.match(unknownKind.warnings.join('\n'), /none of state, callState, jobState, nailState or operation/);
    const { agentEventType: _, ...bare } = records.AGENT_STATE;
    assert.deepEqual([parsed('AGENT', bare).type, parsed('AGENT', bare).known], ['AGENT', false]);
    const nulls = parsed('AGENT', { ...records.AGENT_STATE, agentEventType: { state: null, callState: 'IDLE' } });
    assert.deepEqual([nulls.type, nulls.warnings], ['AgentCallStateEvent', []]);
    const both = parsed('AGENT', { ...records.AGENT_STATE, agentEventType: { state: 'BUSY', callState: 'ONCALL' } });
    assert.equal(both.type, 'AgentStateEvent');
    assert.match(both.warnings[0], /both AgentStateEvent and AgentCallStateEvent/);
    const newState = parsed('AGENT', { ...records.AGENT_STATE, agentEventType: { state: 'ON_BREAK' } });
    assert.deepEqual([newState.type, newState.known], ['AgentStateEvent', true]);
    assert.match(newState.warnings[0], /IAgentEventType\.state value "ON_BREAK" is not one the document lists/);
  });

  it('infers the license subclass from the pacing, else from the members', () => {
    const handler = (pacingType: string | undefined, license: object) => ({
      jobId: 1, handlerInfoList: [{ pacingParameter: pacingType === undefined ? null : { pacingType }, licenseInfoList: [license] }],
    });
    const classOf = (pacingType: string | undefined, license: object) =>
      parsed('JOB_STATISTICS', handler(pacingType, license)).details.subclasses?.['handlerInfoList.0.licenseInfoList.0'];
    assert.equal(classOf('Manual', { prevLicCnt: 1 }), 'ManualLicenseInfo');
    assert.equal(classOf('Preview', {}), 'PreviewLicenseInfo');
    assert.equal(classOf('Timebased', {}), 'AgentLessLicense');
    assert.equal(classOf('CruiseControlW', {}), 'AgentBasedLicense');
    assert.equal(classOf(undefined, { manualLicCnt: 1 }), 'ManualLicenseInfo');
    assert.equal(classOf(undefined, { prevLicCnt: 1 }), 'PreviewLicenseInfo');
    assert.equal(classOf(undefined, { predLicCnt: 1 }), 'AgentBasedLicense');
    assert.equal(classOf(undefined, { zoneId: 1 }), 'LicenseInfo');
    assert.equal(parsed('JOB_STATISTICS', handler('Warp', {})).details.subclasses?.['handlerInfoList.0.pacingParameter'], 'PacingParameter');
  });
});

describe('parsePomEvent: member names (§7)', () => {
  for (const [family, alias, canonical] of TOP_LEVEL_ALIASES) {
    it(`${family}: ${alias} → ${canonical}`, () => {
      const value = canonical === 'stats' ? [1] : canonical === 'jobStartTime' ? 1718287196000 : canonical === 'jobEventInfo' ? {} : canonical === 'eventTimeStamp' ? 0 : 'x';
      const { [canonical]: _, ...rest } = minimal(family);
      const { payload } = parsed(family, { ...rest, [alias]: value });
      assert.ok(!Object.hasOwn(payload, alias), `${alias} still present`);
      assert.notEqual(payload[canonical], undefined);
    });
  }

  it('renames the CCTrends table spellings inside trendsData items', () => {
    const wire = { 'Job id': 15, Jobstarttime: 'Jun 13, 2022 1:59:56 PM', trendsData: [{ Time: 'Jun 13, 2022 3:37:35 PM', 'Job id': 15, 'Action id': 100, Count: 17, Name: 'CC1' }] };
    assert.deepEqual(parsed('CCTRENDS', wire).payload, {
      jobId: 15, jobStartTime: '2022-06-13T13:59:56.000Z', trendsData: [{ time: '2022-06-13T15:37:35.000Z', jobId: 15, actionId: 100, count: 17, name: 'CC1' }],
    });
  });

  it('renames nested members: zoneld, Skill, Priority, Pace, Asa/SI, Id/Name, pacingType', () => {
    const stats = parsed('JOB_STATISTICS', {
      jobId: 1,
      handlerInfoList: [{ zoneld: 3, Skill: 'S', pacingParameter: { pacingType: 'TimeBased', Pace: 10, PRIORITY: 2, inboundSkillParametersMap: { Sl: 1 } }, agentJobHandlerInfo: { zoneld: 4 } }],
    }).payload as typeof expected.JOB_STATISTICS;
    const [handler] = stats.handlerInfoList;
    assert.deepEqual([handler.zoneId, handler.skill, handler.agentJobHandlerInfo?.zoneId], [3, 'S', 4]);
    assert.deepEqual(handler.pacingParameter, { pacingType: 'TimeBased', pace: 10, priority: 2, inboundSkillParametersMap: { sl: 1 } });
    const agent = parsed('AGENT_STATISTICS', { Agentid: 1, currentAttachJobHandlerInfo: { pacingType: 'Preview', complnCodeInfo: { 7: { ID: '7', NAME: 'CC7' } } } }).payload;
    assert.deepEqual(agent.currentAttachJobHandlerInfo, { spacingType: 'Preview', complnCodeInfo: { 7: { id: 7, name: 'CC7' } } });
  });

  it('keeps the canonical spelling when two spellings are present, and warns', () => {
    const result = parsed('AGENT_STATISTICS', { agentId: '5001', Agentid: '9999', AGENT_ID: '8888' });
    assert.deepEqual([result.payload.agentId, result.payload.Agentid, result.payload.AGENT_ID], ['5001', '9999', '8888']);
    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[0], /AGENT_STATISTICS record member "Agentid" is another spelling of agentId, which is also present/);
    const nested = parsed('JOB_STATISTICS', { jobId: 1, handlerInfoList: [{ zoneId: 1, zoneld: 2 }] });
    assert.match(nested.warnings[0], /JobHandlerInfo member "zoneld" is another spelling of zoneId/);
  });

  it('keeps eventCreationTimestamp apart from eventTimeStamp', () => {
    const { payload } = parsed('ATTEMPT', minimal('ATTEMPT', { eventCreationTimestamp: 1718287196000, eventTimestamp: 1718287197000 }));
    assert.deepEqual([payload.eventCreationTimestamp, payload.eventTimeStamp], ['2024-06-13T13:59:56.000Z', '2024-06-13T13:59:57.000Z']);
  });

  it('keeps unknown members, top-level and nested, as sent', () => {
    const { payload } = parsed('JOB_STATISTICS', {
      ...records.JOB_STATISTICS, simulatorRun: { seed: 7 }, handlerInfoList: [{ ...records.JOB_STATISTICS.handlerInfoList[0], Colour: 'red', completionCodeMap: { 1: { Name: 'A', isSystem: 'yes' } } }],
    });
    assert.deepEqual(payload.simulatorRun, { seed: 7 });
    const [handler] = (payload as typeof expected.JOB_STATISTICS).handlerInfoList as Record<string, unknown>[];
    assert.equal(handler.Colour, 'red');
    assert.deepEqual(handler.completionCodeMap, { 1: { name: 'A', isSystem: 'yes' } });
    assert.deepEqual(parsed('CCTRENDS', { jobId: 1, trendsData: [{ count: 1, handler: 'H1' }] }).payload.trendsData, [{ count: 1, handler: 'H1' }]);
  });
});

describe('parsePomEvent: values', () => {
  it('makes numeric ids numbers and opaque ids strings, whichever was sent', () => {
    const job = parsed('JOB', { ...records.JOB_RUNNING, jobId: '15' }).payload;
    assert.equal(job.jobId, 15);
    const attempt = parsed('ATTEMPT', { ...records.ATTEMPT, pimSessionId: 908812, agentId: 5001, campaignId: ' 7 ', contactListId: '3', handlerId: 1 }).payload;
    assert.deepEqual([attempt.pimSessionId, attempt.agentId, attempt.campaignId, attempt.contactListId, attempt.handlerId], ['908812', '5001', 7, 3, '1']);
    const call = parsed('AGENT', { ...records.AGENT_CALL_STATE, agentEventType: { callState: 'IDLE', pimsessionid: 908812 } }).payload;
    assert.equal((call.agentEventType as Record<string, unknown>).pimSessionId, '908812');
    assert.deepEqual(parsed('JOB', { ...records.JOB_RUNNING, jobId: '' }).payload.jobId, null);
  });

  it('keeps an id it cannot convert without loss, and says so', () => {
    const text = parsed('JOB', minimal('JOB', { jobId: 'J-15' }));
    assert.equal(text.payload.jobId, 'J-15');
    assert.match(text.warnings[0], /jobId "J-15" is not a whole number; kept as a string/);
    assert.equal(parsed('JOB', minimal('JOB', { jobId: '12345678901234567890' })).payload.jobId, '12345678901234567890');
    const big = parsed('ATTEMPT', `{"pimSessionId":1152921504606846976,"Subtype":"AttemptCreated"}`);
    assert.equal(big.payload.pimSessionId, '1152921504606846976');
    assert.match(big.warnings[0], /pimSessionId 1152921504606846976 is beyond 2\^53/);
  });

  it('reads counts from numbers and numeric strings; an empty string is no value', () => {
    const stats = parsed('JOB_STATISTICS', { jobId: 1, agentCount: '8', percentageComplete: ' 25.8 ', nuisanceRate: '4e-1', nuisanceCount: '', falseNegativeCount: null }).payload;
    assert.deepEqual([stats.agentCount, stats.percentageComplete, stats.nuisanceRate, stats.nuisanceCount, stats.falseNegativeCount], [8, 25.8, 0.4, null, null]);
  });

  it('reads flags from booleans, "true"/"false", "Yes"/"No" and 1/0', () => {
    for (const [sent, flag] of FLAG_FORMS) {
      const enriched = parsed('ENRICHED_ATTEMPT_RESULT', minimal('ENRICHED_ATTEMPT_RESULT', { isDNC: sent })).payload;
      assert.equal(enriched.isDNC, flag, JSON.stringify(sent));
    }
    const stats = parsed('JOB_STATISTICS', { jobId: 1, handlerInfoList: [{ pacingParameter: { pacingType: 'Preview', timedPreview: 'Yes', canCancel: 'No' } }] });
    assert.deepEqual(valueAt(stats.payload, ['handlerInfoList', 0, 'pacingParameter']), { pacingType: 'Preview', timedPreview: true, canCancel: false });
  });

  it('turns numbers and booleans in text fields into strings', () => {
    const agent = parsed('AGENT', { ...records.AGENT_STATE, stationId: 4001, locale: true }).payload;
    assert.deepEqual([agent.stationId, agent.locale], ['4001', 'true']);
  });

  it('normalises every date rendering to ISO 8601 in place', () => {
    for (const [sent, iso, zoneless] of DATE_FORMS) {
      const result = parsed('JOB', minimal('JOB', { eventTimeStamp: sent, jobEventInfo: { jobEndTime: sent } }));
      assert.equal(result.payload.eventTimeStamp, iso, String(sent));
      assert.equal((result.payload.jobEventInfo as Record<string, unknown>).jobEndTime, iso, String(sent));
      assert.equal(result.details.eventTime, iso);
      assert.equal(result.details.assumedZone, zoneless ? 'UTC' : undefined, String(sent));
      assert.deepEqual(result.warnings, [], String(sent));
    }
    assert.equal(parsed('JOB', minimal('JOB', { eventTimeStamp: '' })).payload.eventTimeStamp, null);
  });

  it('reads an epoch time too small for milliseconds as seconds, with a warning', () => {
    const result = parsed('HEART_BEAT', { serverName: 'pom1', eventTimeStamp: 1718287196 });
    assert.equal(result.payload.eventTimeStamp, '2024-06-13T13:59:56.000Z');
    assert.match(result.warnings[0], /eventTimeStamp 1718287196 was read as epoch seconds/);
  });

  for (const [family, path, sent, value] of ENUM_FORMS) {
    it(`${family} ${path.join('.')}: "${sent}" → "${value}"`, () => {
      const result = parsed(family, { ...minimal(family), ...nest(path, sent) });
      assert.equal(valueAt(result.payload, path), value);
      assert.deepEqual(result.warnings, []);
    });
  }

  it('keeps enumeration values the document does not list, with a warning', () => {
    const result = parsed('ATTEMPT', minimal('ATTEMPT', { channelType: 'Fax', sysContactAttemptType: 7, callbackInfo: { type: 'PERSONAL' } }));
    assert.deepEqual([result.payload.channelType, result.payload.sysContactAttemptType], ['Fax', 7]);
    assert.deepEqual(result.warnings, [
      'sysContactAttemptType value 7 is not one the document lists (REGULAR, REDIAL, CONSULT, CONFERENCE, CALLBACK); kept as given',
      'channelType value "Fax" is not one the document lists (Voice, Email, SMS, Custom); kept as given',
      'callbackInfo.type value "PERSONAL" is not one the document lists (CAMPAIGN, STANDARD, AGENT); kept as given',
    ]);
    assert.match(parsed('JOB_STATISTICS', { jobId: 1, jobNotes: 'DIALING_ON_MARS' }).warnings[0], /jobNotes value "DIALING_ON_MARS" is not one the document lists \(it lists 17\)/);
    assert.match(parsed('HEART_BEAT', { serverName: 'pom1', eventTypeEnum: 'AGENT' }).warnings[0], /eventTypeEnum value "AGENT" is not one the document lists \(HEART_BEAT\)/);
    assert.deepEqual(parsed('AGENT', { ...records.AGENT_STATE, agentEventType: { state: 'READY', logoutReasonCode: '' } }).warnings, []);
  });

  it('warns when Stats does not hold 15 counters, or the identifying member is missing', () => {
    assert.match(parsed('IMPORT_STATISTICS', { jobId: 1, Stats: [1, '2'] }).warnings[0], /stats has 2 entries; the document lists 15/);
    assert.deepEqual(parsed('IMPORT_STATISTICS', { jobId: 1, Stats: [1, '2'] }).payload.stats, [1, 2]);
    assert.deepEqual(parsed('HEART_BEAT', { eventTimeStamp: 1718287196000 }).warnings, ['HEART_BEAT record has no serverName']);
    assert.deepEqual(parsed('INBOUND_SKILL', { qLength: 1 }).warnings, ['INBOUND_SKILL record has no skill or skillId']);
    assert.deepEqual(parsed('INBOUND_SKILL', { Skill: 'IB' }).warnings, []);
  });
});

describe('parsePomEvent: rejections', () => {
  it('rejects text that is not JSON', () => {
    const failure = rejected('JOB', '{"jobId": 15,');
    assert.match(failure.message, /^Record is not valid JSON: /);
    assert.deepEqual(failure.issues[0].path, []);
    assert.ok(rejected('JOB', `{${'x'.repeat(5000)}`).message.length < 220);
    assert.match(rejected('JOB', '').message, /^Record is not valid JSON/);
  });

  it('rejects JSON that is not an object', () => {
    for (const [text, type] of [['[1,2]', 'array'], ['null', 'null'], ['42', 'number'], ['"x"', 'string'], ['true', 'boolean']]) {
      assert.equal(rejected('AGENT', text).message, `Record is not a JSON object (got ${type})`);
    }
  });

  it('rejects an identifying field of the wrong type, naming the field', () => {
    const job = rejected('JOB', { ...records.JOB_RUNNING, jobId: { id: 15 } });
    assert.equal(job.message, 'JOB record rejected: jobId: expected a number or string (got object)');
    assert.deepEqual(job.issues, [{ path: ['jobId'], message: 'expected a number or string (got object)' }]);
    assert.deepEqual(rejected('AGENT', { ...records.AGENT_STATE, agentId: [5001] }).issues[0].path, ['agentId']);
    assert.deepEqual(rejected('ATTEMPT', { ...records.ATTEMPT, pimSessionId: true }).issues[0].path, ['pimSessionId']);
    assert.deepEqual(rejected('HEART_BEAT', { serverName: {} }).issues[0].path, ['serverName']);
    assert.deepEqual(rejected('CCTRENDS', { 'Job id': [] }).issues[0].path, ['jobId'], 'reported under the canonical name');
  });

  it('rejects an unparseable date at its path', () => {
    for (const [sent, fragment] of BAD_DATES) {
      const failure = rejected('CCTRENDS', { jobId: 15, trendsData: [{}, {}, { time: sent }] });
      assert.deepEqual(failure.issues[0].path, ['trendsData', 2, 'time'], String(sent));
      assert.ok(failure.message.startsWith('CCTRENDS record rejected: trendsData.2.time: '), failure.message);
      assert.ok(failure.message.includes(fragment), `${failure.message} lacks ${fragment}`);
    }
  });

  it('rejects values of the wrong shape anywhere in the record', () => {
    const count = rejected('JOB_STATISTICS', { jobId: 1, handlerInfoList: [{ callQueue: { activeCnt: { n: 1 } } }] });
    assert.deepEqual(count.issues[0], { path: ['handlerInfoList', 0, 'callQueue', 'activeCnt'], message: 'expected a number (got object)' });
    assert.equal(rejected('JOB_STATISTICS', { jobId: 1, agentCount: 'many' }).issues[0].message, 'expected a number (got "many")');
    assert.equal(rejected('JOB', { jobId: 1, jobEventInfo: 'running' }).message, 'JOB record rejected: jobEventInfo: expected an object (got "running")');
    assert.equal(rejected('JOB_STATISTICS', { jobId: 1, handlerInfoList: 'none' }).issues[0].message, 'expected an array (got "none")');
    assert.equal(rejected('ENRICHED_ATTEMPT_RESULT', { isDNC: 'maybe' }).issues[0].message, 'expected true/false or "Yes"/"No" (got "maybe")');
    assert.equal(rejected('AGENT', { agentId: '1', spacingType: { x: 1 } }).issues[0].message, 'expected a string (got object)');
  });

  it('counts the further problems in the message', () => {
    const failure = rejected('INBOUND_SKILL', { skillId: {}, qLength: [], eventTimeStamp: 'soon' });
    assert.equal(failure.issues.length, 3);
    assert.match(failure.message, /^INBOUND_SKILL record rejected: skillId: expected a number or string \(got object\) \(and 2 more problems\)$/);
  });

  it('rejects a family name it does not know', () => {
    const result = parsePomEvent('CALLBACKS' as PomFamily, '{}');
    assert.equal(result.ok, false);
    assert.match((result as ParseFailure).message, /"CALLBACKS" is not a POM event family/);
  });
});
