import assert from 'node:assert/strict';
import { notificationId } from '../../nodes/axp/schema';
import { BODIES, ENVELOPE, notificationText } from './fixtures/digest-examples';
import { bodyOf, parsed, parsedBody, rejected } from './fixtures/parse-helpers';

describe('parseAxpFrame: attributes in every shape (§7.5)', () => {
  const language = { category: 'Language', values: ['English'] };

  it('EngagementPrerouted: an array, a bare object, strings, a lone string, mixed and null all come out as arrays or absent', () => {
    assert.deepEqual(parsedBody('EngagementPrerouted', { attributes: [language] }).attributes, [language]);
    assert.deepEqual(parsedBody('EngagementPrerouted', { attributes: language }).attributes, [language]);
    assert.deepEqual(parsedBody('EngagementPrerouted', { attributes: ['Language.English'] }).attributes, ['Language.English']);
    assert.deepEqual(parsedBody('EngagementPrerouted', { attributes: 'Language.English' }).attributes, ['Language.English']);
    assert.deepEqual(
      parsedBody('EngagementPrerouted', { attributes: [{ category: 'Skill', values: 'Billing' }, 'Language.English'] }).attributes,
      [{ category: 'Skill', values: ['Billing'] }, 'Language.English'],
    );
    assert.equal(parsedBody('EngagementPrerouted', { attributes: null }).attributes, undefined);
  });

  it('OfferedQueue (typed string[]) and OfferedService (typed Attribute[]) take the vendor example\'s bare object too', () => {
    const offered = parsedBody('MatchOffered', {
      offeredQueue: { attributes: language },
      offeredService: { priority: 1, rank: 1, attributes: language, offeredAgentData: { agentId: 'a1' } },
    });
    assert.deepEqual((offered.offeredQueue as Record<string, unknown>).attributes, [language]);
    assert.deepEqual((offered.offeredService as Record<string, unknown>).attributes, [language]);
  });

  it('names the exact place of an attribute that fits no shape', () => {
    const bad = rejected(notificationText(bodyOf('EngagementPrerouted', { attributes: [language, { category: 'x', values: { a: 1 } }] })));
    assert.deepEqual(bad.issues[0].path, ['body', 'attributes', 1, 'values']);
    assert.match(bad.message, /body\.attributes\[1\]\.values: expected a list of strings \(got object\)/);
    const flag = rejected(notificationText(bodyOf('EngagementPrerouted', { attributes: [true] })));
    assert.match(flag.message, /body\.attributes\[0\]: expected \{category, values\} or a string \(got boolean\)/);
  });
});

describe('parseAxpFrame: tolerance', () => {
  it('delivers an unknown event type untouched, flagged known: false', () => {
    const body = { event: 'AgentSkillChanged', id: 42, skills: [{ name: 'Billing', level: 3 }], timestamp: 1598257223395 };
    const result = parsed(notificationText(body));
    assert.equal(result.type, 'AgentSkillChanged');
    assert.equal(result.known, false);
    assert.deepEqual(result.payload.body, body);
    assert.deepEqual(result.details, { eventId: '42' });
    assert.deepEqual(result.warnings, []);
  });

  it('keeps undeclared fields in the envelope, the body and nested objects', () => {
    const text = notificationText(bodyOf('EngagementPrerouted', { newField: { a: 1 }, queue: { queueId: 'q', region: 'eu' } }), { ...ENVELOPE, traceId: 't-1' });
    const payload = parsed(text).payload;
    assert.equal(payload.traceId, 't-1');
    const body = payload.body as Record<string, unknown>;
    assert.deepEqual(body.newField, { a: 1 });
    assert.deepEqual(body.queue, { queueId: 'q', region: 'eu' });
  });

  it('keeps enum values the document does not list, with a warning naming the field', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['AgentState', { state: 'AWAY' }, /AgentState state "AWAY" is not a documented value \(LOGGED_IN, LOGGED_OUT, READY, NOT_READY\)/],
      ['AgentParticipant', { action: 'TRANSFERRED' }, /AgentParticipant action "TRANSFERRED"/],
      ['AutomationParticipant', { action: 'HELD' }, /AutomationParticipant action "HELD"/],
      ['ExternalParticipant', { action: 'MOVED' }, /ExternalParticipant action "MOVED"/],
      ['EngagementPrerouted', { agentRoutingStrategy: { type: 'XAR' } }, /EngagementPrerouted agentRoutingStrategy\.type "XAR"/],
      ['MatchOffered', { strategy: 'LONGEST_IDLE' }, /MatchOffered strategy "LONGEST_IDLE"/],
      ['SingleStepTransfer', { transferTo: 'TEAM' }, /SingleStepTransfer transferTo "TEAM"/],
      ['SingleStepTransferError', { errorType: 'TIMEOUT' }, /SingleStepTransferError errorType "TIMEOUT"/],
    ];
    for (const [event, changes, warning] of cases) {
      const result = parsed(notificationText(bodyOf(event, changes)));
      assert.match(result.warnings.join('\n'), warning, event);
      assert.equal(result.known, true);
      const [key, value] = Object.entries(changes)[0];
      assert.deepEqual((result.payload.body as Record<string, unknown>)[key], value);
    }
    assert.equal(parsed(notificationText(bodyOf('AgentState', { state: 'READY' }))).warnings.length, 0);
  });

  it('warns about missing envelope fields and defaults the family', () => {
    const result = parsed(JSON.stringify({ body: BODIES.AgentState }));
    assert.equal(result.family, 'AGENT_ENGAGEMENT');
    assert.deepEqual(result.warnings, ['Notification envelope has no correlationId, subscriptionId, family, sentAt, accountId']);
    const partial = parsed(JSON.stringify({ ...ENVELOPE, sentAt: null, accountId: '', body: BODIES.AgentState }));
    assert.deepEqual(partial.warnings, ['Notification envelope has no sentAt, accountId']);
    assert.equal(partial.payload.sentAt, undefined);
  });

  it('takes another family from the envelope, with a warning', () => {
    const result = parsed(notificationText(BODIES.AgentState, { ...ENVELOPE, family: 'ANALYTICS' }));
    assert.equal(result.family, 'ANALYTICS');
    assert.match(result.warnings.join('\n'), /family "ANALYTICS" is not AGENT_ENGAGEMENT/);
  });

  it('reads JSON null in a documented field as absent', () => {
    const body = parsedBody('AgentParticipant', { previousDialogId: null, agentInitiatedDisconnect: null, extension: null });
    assert.equal(body.previousDialogId, undefined);
    assert.equal(body.agentInitiatedDisconnect, undefined);
    assert.equal(body.extension, undefined);
  });

  it('rejects values no reading can make fit, naming the path', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['AgentParticipant', { agentInitiatedDisconnect: 'maybe' }, 'body.agentInitiatedDisconnect: expected true or false (got "maybe")'],
      ['EngagementPrerouted', { queue: 'Default' }, 'body.queue: expected an object (got string)'],
      ['EngagementPrerouted', { queue: { priority: 'high' } }, 'body.queue.priority: expected a number (got "high")'],
      ['EngagementPrerouted', { engagementParameters: ['en'] }, 'body.engagementParameters: expected an object (got array)'],
      ['EngagementPrerouted', { attributeList: { a: 1 } }, 'body.attributeList: expected a list of strings (got object)'],
      ['MatchOffered', { offeredQueue: { offeredAgentData: { agentId: [] } } }, 'body.offeredQueue.offeredAgentData.agentId: expected a string (got array)'],
    ];
    for (const [event, changes, message] of cases) {
      assert.equal(rejected(notificationText(bodyOf(event, changes))).message, `${event} notification rejected: ${message}`);
    }
    const envelope = rejected(JSON.stringify({ ...ENVELOPE, loginId: { a: 1 }, body: BODIES.AgentState }));
    assert.equal(envelope.message, 'AgentState notification rejected: loginId: expected a string (got object)');
  });

  it('counts further problems in the message and lists them all in issues', () => {
    const failure = rejected(notificationText(bodyOf('AgentState', { state: {}, cause: [], agentId: true })));
    assert.equal(failure.issues.length, 3);
    assert.match(failure.message, /\(and 2 more problems\)$/);
  });
});

describe('notificationId', () => {
  function idOf(body: Record<string, unknown>): string | undefined {
    return notificationId(parsed(notificationText(body)).payload);
  }

  it('is body.id, and SingleStepTransfer\'s correlationId (it has no id)', () => {
    assert.equal(idOf(BODIES.AgentState), 'd3c8400d-c44f-4451-8316-e75c4efb8bb2');
    assert.equal(idOf(BODIES.SingleStepTransferError), 'd433ef5c-7954-4b39-9d99-ab9ffeae725b');
    assert.equal(idOf({ ...BODIES.SingleStepTransfer, correlationId: 'transfer-1' }), 'transfer-1');
    assert.equal(idOf({ ...BODIES.SingleStepTransfer, id: 'own-id' }), 'own-id');
    assert.equal(idOf({ ...BODIES.AgentState, id: 77 }), '77');
  });

  it('is undefined, with a warning and no details, when a documented event has none', () => {
    const { id: _id, ...errorWithoutId } = BODIES.SingleStepTransferError;
    const result = parsed(notificationText(errorWithoutId));
    assert.equal(notificationId(result.payload), undefined);
    assert.equal(result.details, undefined);
    assert.match(result.warnings.join('\n'), /SingleStepTransferError has no id; a replay of it cannot be recognised/);
    const { correlationId: _c, ...transferWithoutKey } = BODIES.SingleStepTransfer;
    assert.match(parsed(notificationText(transferWithoutKey)).warnings.join('\n'), /SingleStepTransfer has no correlationId/);
    assert.equal(idOf({ ...BODIES.MatchOffered, id: undefined }), undefined);
  });
});
