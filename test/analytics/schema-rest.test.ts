import assert from 'node:assert/strict';
import {
  ADMIN_PRODUCER_ID, ANALYTICS_LOCALES, DIMENSION_DATA_TYPES, describeRestError, parseDictionary, parseDimensionData, parseLogin,
  parseProducers, parseSources, parseSubscriptionResponse, redirectMessage, subscriptionRequest,
} from '../../nodes/analytics/schema';
import { jwt } from './schema-samples';

const SOURCE_ID = 'Oceana_Streams_{ip}_3.5';
const GUID = '6f1c2b9e-3d1a-4b7e-9a41-0c5d2e8f7a10';

describe('Analytics catalogue constants', () => {
  it('lists the eleven locales as printed, the nine dimension data types and the AdminData producer', () => {
    assert.deepEqual([...ANALYTICS_LOCALES], ['de', 'en-us', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'zh-cn', 'zh-tw']);
    assert.deepEqual([...DIMENSION_DATA_TYPES], ['Agent', 'Account', 'Group', 'GroupMember', 'GroupPrivilege', 'ReasonCode', 'RoutingPoint', 'RoutingService', 'Channel']);
    assert.equal(ADMIN_PRODUCER_ID, 'Admin_Admin_3.5');
  });
});

describe('parseLogin', () => {
  it('reads authdata, and exp (as epoch ms) and sub from the JWT of §3.3 without verifying it', () => {
    const token = jwt({ aud: 'x', sub: 'supervisor@example.test', exp: 1617396086, iat: 1617309686 });
    assert.deepEqual(parseLogin(JSON.stringify({ authdata: token, other: 1 })), { token, expiresAt: 1617396086000, username: 'supervisor@example.test' });
  });

  it('keeps an opaque or undecodable token, with no expiry', () => {
    assert.deepEqual(parseLogin('{"authdata":"opaque-token"}'), { token: 'opaque-token' });
    assert.deepEqual(parseLogin('{"authdata":"eyJhbGciOiJSUzI1NiJ9.!!!.sig"}'), { token: 'eyJhbGciOiJSUzI1NiJ9.!!!.sig' });
    const notJson = `${Buffer.from('{}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.s`;
    assert.deepEqual(parseLogin(JSON.stringify({ authdata: notJson })), { token: notJson });
    const noExp = jwt({ sub: 'u', exp: 'soon' });
    assert.deepEqual(parseLogin(JSON.stringify({ authdata: noExp })), { token: noExp, username: 'u' });
  });

  it('throws a clear error for garbage, never quoting the body', () => {
    assert.throws(() => parseLogin('<html>secret-token-here</html>'), (err: Error) => /Login response is not valid JSON/.test(err.message) && !err.message.includes('secret'));
    assert.throws(() => parseLogin(''), /Login response is empty/);
    assert.throws(() => parseLogin('["eyJ.x.y"]'), /Login response is not a JSON object \(got array\)/);
    assert.throws(() => parseLogin('{"token":"abc"}'), /has no authdata \(members: token\)/);
    assert.throws(() => parseLogin('{"authdata":""}'), /unusable authdata \(empty\)/);
    assert.throws(() => parseLogin('{"authdata":42}'), /unusable authdata \(number\)/);
  });
});

describe('parseSources', () => {
  it('reads the documented sourceId and keeps the other members', () => {
    const body = [{ sourceId: SOURCE_ID, sourceName: 'Oceana_Streams', version: '3.5' }];
    assert.deepEqual(parseSources(JSON.stringify(body)), body);
  });

  it('unwraps {sources: [...]}, takes a lone source object, and writes a numeric id out', () => {
    assert.deepEqual(parseSources('{"sources":[{"sourceId":"a"}],"count":1}'), [{ sourceId: 'a' }]);
    assert.deepEqual(parseSources('{"sourceId":"b"}'), [{ sourceId: 'b' }]);
    assert.deepEqual(parseSources('[{"sourceId":7}]'), [{ sourceId: '7' }]);
  });

  it('throws naming the entry without a sourceId, and on non-JSON', () => {
    assert.throws(() => parseSources('[{"sourceId":"a"},{"name":"b"}]'), /Sources response entry 1 has no sourceId/);
    assert.throws(() => parseSources('nope'), /Sources response is not valid JSON/);
    assert.throws(() => parseSources('{"message":"x"}'), /holds no list/);
  });
});

describe('parseProducers', () => {
  const dimensions = [{ name: 'agentId', type: 'String', value: '', displayName: 'Agent', description: 'Agent identifier' }];
  const measures = [
    { name: 'offered', type: 'Number', format: 'Number', values: [], displayName: 'Offered', description: 'Contacts offered' },
    { name: 'agentState', type: 'String', format: 'String', values: [], displayName: 'Agent State', description: '' },
  ];
  const header = { sourceId: SOURCE_ID, producerId: 'Agent_SoD_3.5', producerName: 'Agent', streamType: 'SoD', description: 'Agent measures, start of day', version: '3.5' };

  it('reads the flat shape of §4.3, keeping every member', () => {
    const [producer] = parseProducers(JSON.stringify([{ ...header, dimensions, measures, locales: ANALYTICS_LOCALES }]));
    assert.deepEqual(producer, { ...header, dimensions, measures, locales: [...ANALYTICS_LOCALES] });
  });

  it('flattens a header-nested producer and writes a number version as a string', () => {
    const nested = { header: { ...header, version: 3.5 }, dimensions, measures, locales: ['en-us'] };
    const [producer] = parseProducers(JSON.stringify({ producers: [nested] }));
    assert.deepEqual(producer, { ...header, version: '3.5', dimensions, measures, locales: ['en-us'] });
    assert.equal('header' in producer, false);
  });

  it('tolerates missing lists, unnamed entries and a comma-separated locale string; streamType is copied, never assumed', () => {
    const [producer] = parseProducers(JSON.stringify([{ producerId: 'ContactDetail_CDR_3.5', streamType: 'CDR', measures: [{ name: 'workType' }, { type: 'x' }, 'junk'], locales: 'de, fr' }]));
    assert.deepEqual(producer, { producerId: 'ContactDetail_CDR_3.5', streamType: 'CDR', dimensions: [], measures: [{ name: 'workType' }], locales: ['de', 'fr'] });
  });

  it('throws naming the entry that has no producerId', () => {
    assert.throws(() => parseProducers(JSON.stringify([{ ...header }, { producerName: 'VDN' }])), /Producers response entry 1 has no producerId \(producerName "VDN"\)/);
    assert.throws(() => parseProducers('[1]'), /entry 0 is not a JSON object \(got number\)/);
  });
});

describe('parseDictionary and parseDimensionData', () => {
  it('passes a dictionary object or list through unchanged and throws on non-JSON or a scalar', () => {
    const dictionary = { locale: 'fr', producerId: 'Agent_SoD_3.5', entries: { offered: 'Proposés' } };
    assert.deepEqual(parseDictionary(JSON.stringify(dictionary)), dictionary);
    assert.deepEqual(parseDictionary('[{"name":"offered"}]'), [{ name: 'offered' }]);
    assert.throws(() => parseDictionary('<html>'), /Dictionary response is not valid JSON/);
    assert.throws(() => parseDictionary('"x"'), /not a JSON object or list \(got string\)/);
  });

  it('reads an array of records, or one wrapped in data / a single array member, and wraps bare values', () => {
    const agents = [{ agentId: 'scollins', agentFirstName: 'Siobhan' }, { agentId: 'jsmith', agentFirstName: 'John' }];
    assert.deepEqual(parseDimensionData(JSON.stringify(agents)), agents);
    assert.deepEqual(parseDimensionData(JSON.stringify({ data: agents, total: 2 })), agents);
    assert.deepEqual(parseDimensionData(JSON.stringify({ Agent: agents })), agents);
    assert.deepEqual(parseDimensionData('["Voice","Chat"]'), [{ value: 'Voice' }, { value: 'Chat' }]);
    assert.throws(() => parseDimensionData('42'), /Dimension data response is not a JSON list \(got number\)/);
  });
});

describe('subscriptionRequest', () => {
  it('builds the §4.5 body with tenantId "0", transport "websocket" and SoD by default', () => {
    assert.deepEqual(subscriptionRequest({ sourceId: SOURCE_ID, producerId: 'Agent_SoD_3.5', username: 'sup@example.test' }), {
      sourceId: SOURCE_ID, producerId: 'Agent_SoD_3.5', streamType: 'SoD', transport: 'websocket', tenantId: '0',
      username: 'sup@example.test', dimensionFilters: [], measureFilters: [],
    });
  });

  it('copies a given streamType and the filters', () => {
    const dimensionFilters = [{ name: 'agentId', filters: ['scollins', 'jsmith'] }];
    const measureFilters = [{ name: 'agentState', filters: ['READY', 'NOT_READY'] }];
    const body = subscriptionRequest({ sourceId: 's', producerId: 'ContactDetail_CDR_3.5', username: 'u', streamType: 'CDR', dimensionFilters, measureFilters });
    assert.deepEqual(body, { sourceId: 's', producerId: 'ContactDetail_CDR_3.5', streamType: 'CDR', transport: 'websocket', tenantId: '0', username: 'u', dimensionFilters, measureFilters });
  });

  it('refuses what would be a wrong request', () => {
    assert.throws(() => subscriptionRequest({ sourceId: '', producerId: 'p', username: 'u' }), /sourceId must not be empty/);
    assert.throws(() => subscriptionRequest({ sourceId: 's', producerId: 'p', username: 7 as unknown as string }), /username must be a string \(got number\)/);
    assert.throws(() => subscriptionRequest({ sourceId: 's', producerId: 'p', username: 'u', measureFilters: [{ name: 'x', filters: 'y' as unknown as string[] }] }), /measure filter filters must be a list of strings/);
  });
});

describe('parseSubscriptionResponse and redirectMessage', () => {
  const response = {
    source: 'Oceana_Streams', sourceId: SOURCE_ID, producer: 'Agent', producerId: 'Agent_SoD_3.5', streamType: 'SoD',
    version: 3.5, transport: 'WebSocket', endpoint: 'wss://host:443/publisher', guid: GUID,
  };

  it('reads the documented fields and keeps the raw response as received', () => {
    const subscription = parseSubscriptionResponse(JSON.stringify(response));
    assert.deepEqual(subscription, {
      sourceId: SOURCE_ID, producerId: 'Agent_SoD_3.5', endpoint: 'wss://host:443/publisher', guid: GUID, producer: 'Agent', source: 'Oceana_Streams', raw: response,
    });
  });

  for (const field of ['sourceId', 'producerId', 'endpoint', 'guid'] as const) {
    it(`throws naming a missing ${field}`, () => {
      const { [field]: _dropped, ...rest } = response;
      assert.throws(() => parseSubscriptionResponse(JSON.stringify(rest)), new RegExp(`Subscription response has no ${field}`));
    });
  }

  it('throws on an unusable field and on non-JSON', () => {
    assert.throws(() => parseSubscriptionResponse(JSON.stringify({ ...response, endpoint: '' })), /unusable endpoint \(empty\) \(the WebSocket URL/);
    assert.throws(() => parseSubscriptionResponse('oops'), /Subscription response is not valid JSON/);
  });

  it('copies the raw response fields into both redirects (version stays a number), token first, currentGuids left out', () => {
    const subscription = parseSubscriptionResponse(JSON.stringify({ ...response, currentGuids: ['a'], extraField: 'kept' }));
    for (const eventName of ['subscriptionRedirect', 'unsubscriptionRedirect'] as const) {
      const text = redirectMessage(eventName, subscription, 'eyJ.token.sig');
      const message = JSON.parse(text) as Record<string, unknown>;
      assert.deepEqual(message, { authorization: 'eyJ.token.sig', eventName, ...response, extraField: 'kept' });
      assert.deepEqual(Object.keys(message).slice(0, 2), ['authorization', 'eventName']);
      assert.equal(message.version, 3.5);
      assert.equal(message.transport, 'WebSocket');
    }
  });

  it('lets neither the response override the token or event name, nor an empty token through', () => {
    const subscription = parseSubscriptionResponse(JSON.stringify({ ...response, authorization: 'theirs', eventName: 'x' }));
    const message = JSON.parse(redirectMessage('subscriptionRedirect', subscription, 'mine')) as Record<string, unknown>;
    assert.equal(message.authorization, 'mine');
    assert.equal(message.eventName, 'subscriptionRedirect');
    assert.throws(() => redirectMessage('subscriptionRedirect', subscription, ' '), /non-empty token \(got an empty string\)/);
    assert.throws(() => redirectMessage('pumpup' as 'subscriptionRedirect', subscription, 't'), /eventName must be subscriptionRedirect or unsubscriptionRedirect \(got "pumpup"\)/);
  });
});

describe('describeRestError', () => {
  it('gives the status and the server reason from the error body of §4.8', () => {
    assert.equal(describeRestError(401, '{"status":401,"error":"Unauthorized","message":"Token expired"}'), '401 Unauthorized: Token expired');
    assert.equal(describeRestError(404, '{"status":404,"error":"Not Found"}'), '404 Not Found');
    assert.equal(describeRestError(429, 'Too many supervisors (limit 5)'), '429 Too Many Requests: Too many supervisors (limit 5)');
    assert.equal(describeRestError(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'), '502 Bad Gateway');
    assert.equal(describeRestError(500, ''), '500 Internal Server Error');
  });

  it('never echoes a JWT, a password or an authorization header, and caps the length', () => {
    const token = jwt({ sub: 'u', exp: 1 });
    const text = describeRestError(401, JSON.stringify({ message: `bad token ${token} for /users/login?tenant=0&username=u&password=hunter2 with Authorization: Bearer abcdefghijklmnop` }));
    assert.equal(text.includes(token.split('.')[1]), false, text);
    assert.equal(text.includes('hunter2'), false, text);
    assert.equal(text.includes('abcdefghijklmnop'), false, text);
    assert.match(text, /^401 Unauthorized: bad token \[redacted\]/);
    const echoed = describeRestError(400, `{"password":"hunter2","message":"${'x'.repeat(500)}"}`);
    assert.ok(echoed.length <= 201, `${echoed.length}`);
    assert.equal(describeRestError(400, '{"authdata":"opaque-secret"} rejected').includes('opaque-secret'), false);
  });
});
