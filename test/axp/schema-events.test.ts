import assert from 'node:assert/strict';
import {
  AXP_EVENT_TYPES, AxpKnownBodySchema, AxpNotificationSchema, isKnownBody, type AxpBodyOf,
} from '../../nodes/axp/schema';
import { BODIES, ENVELOPE, LOGIN_IDS, notificationText, OFFICIAL_AGENT_STATE_TEXT } from './fixtures/digest-examples';
import { bodyOf, parsed, parsedBody, rejected } from './fixtures/parse-helpers';

const PLACEHOLDER_WARNING = /timestamp "9223372036854776000" is not a usable epoch/;

describe('AXP event types', () => {
  it('lists the 13 body.event names of the YAML 1.0.2, in its oneOf order', () => {
    assert.deepEqual([...AXP_EVENT_TYPES], [
      'AgentState', 'AgentParticipant', 'AutomationParticipant', 'ExternalParticipant', 'EngagementPrerouted',
      'InboundEngagementCreated', 'MatchOffered', 'OutboundEngagementCreated', 'SingleStepTransfer',
      'SingleStepTransferError', 'ChannelReady', 'AfterContactWorkActivated', 'AfterContactWorkCompleted',
    ]);
    assert.deepEqual(Object.keys(BODIES).sort(), [...AXP_EVENT_TYPES].sort());
  });
});

describe('parseAxpFrame: the digest example of every event type', () => {
  for (const event of AXP_EVENT_TYPES) {
    it(`${event}: known, every field kept with its value, envelope and login ids read`, () => {
      const body = BODIES[event];
      const result = parsed(notificationText(body));
      assert.equal(result.type, event);
      assert.equal(result.family, 'AGENT_ENGAGEMENT');
      assert.equal(result.known, true);
      const expected = body.timestamp === '1598257223395' ? { ...body, timestampMs: 1598257223395 } : body;
      assert.deepEqual(result.payload.body, expected);
      assert.deepEqual(result.payload, { ...ENVELOPE, ...LOGIN_IDS[event], body: expected });
      assert.deepEqual(result.details, { eventId: event === 'SingleStepTransfer' ? body.correlationId : body.id });
      if (body.timestamp === '1598257223395') assert.deepEqual(result.warnings, []);
      else {
        assert.equal(result.warnings.length, 1, result.warnings.join('\n'));
        assert.match(result.warnings[0], PLACEHOLDER_WARNING);
      }
    });

    it(`${event}: every documented string field takes a number and gives a string, and rejects an object`, () => {
      for (const [key, value] of Object.entries(BODIES[event])) {
        if (typeof value !== 'string' || key === 'event') continue;
        assert.equal(parsedBody(event, { [key]: 12345 })[key], '12345', `${event}.${key}`);
        const failure = rejected(notificationText(bodyOf(event, { [key]: { nested: true } })));
        assert.deepEqual(failure.issues[0].path, ['body', key], `${event}.${key}`);
        assert.equal(failure.message, `${event} notification rejected: body.${key}: expected a string (got object)`);
      }
    });

    it(`${event}: the zod schema alone gives the same payload`, () => {
      const text = notificationText(BODIES[event]);
      assert.deepEqual(AxpNotificationSchema.parse(JSON.parse(text)), parsed(text).payload);
      assert.equal(AxpKnownBodySchema.safeParse(BODIES[event]).success, true);
    });
  }

  it('types a documented body by its event name', () => {
    const body = parsed(notificationText(BODIES.AgentState)).payload.body;
    if (!isKnownBody(body) || body.event !== 'AgentState') assert.fail('expected a known AgentState body');
    const agentState: AxpBodyOf<'AgentState'> = body;
    const timestampMs: number | undefined = agentState.timestampMs;
    assert.equal(agentState.state, 'NOT_READY');
    assert.equal(timestampMs, 1598257223395);
  });

  it('keeps each body\'s documented booleans, integers and nested objects typed', () => {
    const prerouted = parsedBody('EngagementPrerouted', {
      adhocEmail: 'TRUE',
      queue: { queueId: 6, queueName: 7, priority: '5', proficiencyRangeMin: '1', proficiencyRangeMax: 2 },
      agentRoutingStrategy: { type: 'PAR', waitTime: '10' },
      customerIdentifiers: { phoneNumbers: '+35395554321', emailAddresses: ['a@example.com'], accountIds: [991], loyaltyId: 'L1' },
    });
    assert.equal(prerouted.adhocEmail, true);
    assert.deepEqual(prerouted.queue, { queueId: '6', queueName: '7', priority: 5, proficiencyRangeMin: 1, proficiencyRangeMax: 2 });
    assert.deepEqual(prerouted.agentRoutingStrategy, { type: 'PAR', waitTime: 10 });
    assert.deepEqual(prerouted.customerIdentifiers, {
      phoneNumbers: ['+35395554321'], emailAddresses: ['a@example.com'], accountIds: ['991'], loyaltyId: 'L1',
    });

    const offered = parsedBody('MatchOffered', {
      offeredQueue: { queueId: 42, channelId: 'Voice', rank: '2', offeredAgentData: { providerAgentId: 8011001, agentId: 'a1' } },
      offeredSpecifiedAgent: { rank: 1, offeredSpecifiedAgentData: { providerAgentId: 8011002, channelProviderAddress: 7775550113555 } },
    });
    assert.deepEqual(offered.offeredQueue, { queueId: '42', channelId: 'Voice', rank: 2, offeredAgentData: { providerAgentId: '8011001', agentId: 'a1' } });
    assert.deepEqual(offered.offeredSpecifiedAgent, {
      rank: 1, offeredSpecifiedAgentData: { providerAgentId: '8011002', channelProviderAddress: '7775550113555' },
    });

    assert.equal(parsedBody('AgentParticipant', { agentInitiatedDisconnect: 'false' }).agentInitiatedDisconnect, false);
    assert.equal(parsedBody('ExternalParticipant', { externalParticipantInitiatedDisconnect: 'True' }).externalParticipantInitiatedDisconnect, true);
  });

  it('reads the conditional fields of every AgentParticipant action (1.0.2 additions)', () => {
    const supervision = {
      action: 'OBSERVING', previousDialogId: 7, observedAgentId: 'a1', observingAgentId: 's1', observingAgentConnectionId: 'c2',
      observedAgentConnectionId: 'c1', coachingAgentId: 's2', coachedAgentId: 'a2', coachingAgentConnectionId: 'c3',
      coachedAgentConnectionId: 'c4', bargingAgentId: 's3', bargingAgentConnectionId: 'c5',
    };
    const body = parsedBody('AgentParticipant', supervision);
    for (const [key, value] of Object.entries(supervision)) assert.equal(body[key], String(value), key);
    const envelope = { ...ENVELOPE, observedLoginId: 'a1@example.com', observingLoginId: 's1@example.com', coachedLoginId: 'a2@example.com', coachingLoginId: 's2@example.com', bargingLoginId: 's3@example.com' };
    const payload = parsed(notificationText(bodyOf('AgentParticipant', { action: 'BARGEDIN' }), envelope)).payload;
    assert.equal(payload.bargingLoginId, 's3@example.com');
    assert.equal(payload.observedLoginId, 'a1@example.com');
    assert.equal(payload.coachingLoginId, 's2@example.com');
  });
});

describe('parseAxpFrame: the official AgentState example and its type clashes', () => {
  it('turns reasonCode 514 and the bare 2^63 timestamp into exact strings, without timestampMs', () => {
    const result = parsed(OFFICIAL_AGENT_STATE_TEXT);
    const body = result.payload.body as Record<string, unknown>;
    assert.equal(body.reasonCode, '514');
    assert.equal(body.timestamp, '9223372036854776000');
    assert.equal('timestampMs' in body, false);
    assert.equal(result.payload.loginId, 'agent@example.com');
    assert.deepEqual(result.details, { eventId: 'd3c8400d-c44f-4451-8316-e75c4efb8bb2' });
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0], PLACEHOLDER_WARNING);
  });

  it('keeps every digit of a 19-digit bare timestamp that JSON.parse would round', () => {
    const text = notificationText(BODIES.AgentState).replace('"timestamp":"1598257223395"', '"timestamp":9223372036854775807');
    assert.equal((parsed(text).payload.body as Record<string, unknown>).timestamp, '9223372036854775807');
  });

  it('leaves long numbers alone in undeclared members and inside string values', () => {
    const body = { ...BODIES.AgentState, cause: 'see "timestamp": 12345678901234567890 here' };
    const text = notificationText(body).replace('"event":"AgentState"', '"event":"AgentState","bigCounter":12345678901234567890');
    const parsedBody = parsed(text).payload.body as Record<string, unknown>;
    assert.equal(parsedBody.cause, 'see "timestamp": 12345678901234567890 here');
    assert.equal(typeof parsedBody.bigCounter, 'number');
  });

  it('derives timestampMs from a numeric, string or ISO timestamp in the safe range', () => {
    assert.equal(parsedBody('AgentState', { timestamp: 1598257223395 }).timestampMs, 1598257223395);
    assert.equal(parsedBody('AgentState', { timestamp: '2020-08-24T08:20:23.395Z' }).timestampMs, 1598257223395);
    const result = parsed(notificationText(bodyOf('AgentState', { timestamp: 'yesterday' })));
    assert.equal((result.payload.body as Record<string, unknown>).timestampMs, undefined);
    assert.match(result.warnings.join('\n'), /timestamp "yesterday" is not a usable epoch/);
  });
});
