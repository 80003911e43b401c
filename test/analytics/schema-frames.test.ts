import assert from 'node:assert/strict';
import {
  KEEPALIVE, PRODUCER_DIMENSION_KEYS, parseAnalyticsFrame, producerNamesForDimension, timestampMs, type AnalyticsFrame,
} from '../../nodes/analytics/schema';
import {
  AGENT_DELTAS, AGENT_PUMPUP, HEARTBEAT, PRODUCER_EXAMPLES, PUMPUP_COMPLETE, ROUTING_SERVICE_COMPLETE_WITH_DATA, stringForm,
} from './schema-samples';

type Measures = Extract<AnalyticsFrame, { kind: 'measures' }>;

function measures(text: string): Measures {
  const frame = parseAnalyticsFrame(text);
  assert.equal(frame.kind, 'measures', JSON.stringify(frame));
  return frame as Measures;
}

function invalidMessage(text: string): string {
  const frame = parseAnalyticsFrame(text);
  assert.equal(frame.kind, 'invalid', JSON.stringify(frame));
  return (frame as Extract<AnalyticsFrame, { kind: 'invalid' }>).failure.message;
}

describe('parseAnalyticsFrame: markers', () => {
  it('reads the bare --heartbeat-- text as keepalive, with surrounding blanks too', () => {
    assert.equal(KEEPALIVE, '--heartbeat--');
    assert.deepEqual(parseAnalyticsFrame('--heartbeat--'), { kind: 'keepalive' });
    assert.deepEqual(parseAnalyticsFrame(' --heartbeat--\n'), { kind: 'keepalive' });
  });

  it('reads the JSON heartbeat in both wire forms, with the ids of the extended envelope', () => {
    assert.deepEqual(parseAnalyticsFrame(HEARTBEAT), { kind: 'heartbeat' });
    assert.deepEqual(parseAnalyticsFrame(stringForm(HEARTBEAT, { sourceId: 's', producerId: 'Agent_SoD_3.5' })), { kind: 'heartbeat', sourceId: 's', producerId: 'Agent_SoD_3.5' });
  });

  it('reads the empty pumpupComplete marker in both wire forms', () => {
    assert.deepEqual(parseAnalyticsFrame(PUMPUP_COMPLETE), { kind: 'pumpupComplete', dimension: {}, realtimeData: {} });
    const stringMarker = stringForm(PUMPUP_COMPLETE, { producerId: 'VDN_SoD_3.5', pumpupIdentifier: 'u_2_ROUTINGPOINTMEASURES_1613054564915' });
    assert.deepEqual(parseAnalyticsFrame(stringMarker), {
      kind: 'pumpupComplete', producerId: 'VDN_SoD_3.5', pumpupIdentifier: 'u_2_ROUTINGPOINTMEASURES_1613054564915', dimension: {}, realtimeData: {},
    });
  });

  it('keeps the row on a pumpupComplete frame that carries data (the RoutingService example)', () => {
    assert.deepEqual(parseAnalyticsFrame(ROUTING_SERVICE_COMPLETE_WITH_DATA), {
      kind: 'pumpupComplete',
      dimension: { routingServiceName: 'ChatRoutingService' },
      realtimeData: { contactsWaiting: 0, active: 0, heldContacts: 0, contactsAtAgent: 1, alerting: 1 },
    });
  });
});

describe('parseAnalyticsFrame: measure rows', () => {
  it('reads the §8.1 pumpup frames as snapshot rows, values kept as sent', () => {
    const rows = AGENT_PUMPUP.map(measures);
    assert.deepEqual(rows.map((row) => [row.pumpup, row.wireForm, row.dimension, row.warnings]), rows.map(() => [true, 'object', { agentId: 'scollins' }, []]));
    assert.deepEqual(rows[1].realtimeData, { active: 0 });
    assert.equal(rows[2].realtimeData.workLimit, '1');
    assert.equal(rows[2].realtimeData.loginTimeStamp, 'UNKNOWN');
    assert.equal(rows[0].realtimeData.agentNotReadyTimeDuration, 4025);
  });

  it('reads the §8.1 deltas as live rows with only the changed measures', () => {
    const rows = AGENT_DELTAS.map(measures);
    assert.ok(rows.every((row) => row.pumpup === false));
    assert.deepEqual(rows[0].realtimeData, { agentNotReadyTimeDuration: 4352, agentReady: 4 });
    assert.equal(rows[1].realtimeData.agentState, 'READY');
    assert.equal(rows[3].realtimeData.agentState, 'PENDING_NOT_READY');
  });

  for (const example of PRODUCER_EXAMPLES) {
    it(`reads the §8.3 ${example.producer} example (${example.wireForm} form) and its re-encoding in the other form alike`, () => {
      const row = measures(example.text);
      assert.equal(row.wireForm, example.wireForm);
      assert.deepEqual(row.warnings, []);
      const raw = JSON.parse(example.text) as Record<string, unknown>;
      const decode = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
      assert.deepEqual(row.dimension, decode(raw.dimension));
      assert.deepEqual(row.realtimeData, decode(raw.realtimeData));
      assert.equal(row.pumpup, raw.pumpup);
      if (example.wireForm === 'string') {
        assert.equal(row.producerId, raw.producerId);
        assert.equal(row.sourceId, 'Oceana_Streams_{ip}_3.5');
        assert.equal(row.eventAction, 'UPSERT');
        assert.equal(row.pumpupIdentifier, raw.pumpupIdentifier);
        const objectForm = measures(JSON.stringify({ ...raw, dimension: row.dimension, realtimeData: row.realtimeData }));
        assert.equal(objectForm.wireForm, 'object');
        assert.deepEqual({ ...objectForm, wireForm: 'string' }, row);
      } else {
        assert.equal(row.producerId, undefined);
        const encoded = measures(stringForm(example.text));
        assert.equal(encoded.wireForm, 'string');
        assert.deepEqual([encoded.dimension, encoded.realtimeData, encoded.pumpupIdentifier], [row.dimension, row.realtimeData, null]);
      }
    });
  }

  it('writes dimension numbers out as strings, keeps realtimeData values of every JSON type, and reads a DELETE action', () => {
    const row = measures('{"dimension":{"routingPointId":5003,"flag":true},"realtimeData":{"n":1,"s":"0","b":false,"z":null},"pumpup":false,"eventAction":"DELETE"}');
    assert.deepEqual(row.dimension, { routingPointId: '5003', flag: 'true' });
    assert.deepEqual(row.realtimeData, { n: 1, s: '0', b: false, z: null });
    assert.equal(row.eventAction, 'DELETE');
    assert.deepEqual(row.warnings, []);
  });

  it('flags what it tolerates: an object dimension value, missing realtimeData on a pumpup row, an odd eventAction', () => {
    const row = measures('{"dimension":{"agentId":{"id":1}},"pumpup":true,"eventAction":5,"pumpupIdentifier":7}');
    assert.deepEqual(row.dimension, { agentId: '{"id":1}' });
    assert.deepEqual(row.realtimeData, {});
    assert.equal(row.warnings.length, 4, row.warnings.join('\n'));
    for (const expected of [/^dimension\.agentId is object/, /^realtimeData is missing/, /^eventAction ignored/, /^pumpupIdentifier ignored/]) {
      assert.ok(row.warnings.some((warning) => expected.test(warning)), `${expected} not in ${row.warnings.join('; ')}`);
    }
  });

  it('keeps a dimension key named __proto__ as a key', () => {
    const row = measures('{"dimension":{"__proto__":5003,"agentId":"a"},"realtimeData":{},"pumpup":false}');
    assert.deepEqual(Object.entries(row.dimension), [['__proto__', '5003'], ['agentId', 'a']]);
    assert.deepEqual(row.warnings, []);
  });

  it('reads an empty string-encoded realtimeData as no measures', () => {
    assert.deepEqual(measures('{"dimension":"{\\"agentId\\":\\"a\\"}","realtimeData":"","pumpup":false}').realtimeData, {});
  });
});

describe('parseAnalyticsFrame: status, other and invalid frames', () => {
  it('reads a status reply (the simulator shape, and code/error variants) and keeps it raw', () => {
    assert.deepEqual(parseAnalyticsFrame('{"status":200,"message":"OK","guid":"g1"}'), { kind: 'status', status: 200, message: 'OK', guid: 'g1', raw: { status: 200, message: 'OK', guid: 'g1' } });
    assert.deepEqual(parseAnalyticsFrame('{"code":"500","error":"unknown guid"}'), { kind: 'status', status: 500, message: 'unknown guid', raw: { code: '500', error: 'unknown guid' } });
  });

  it('passes on anything else as other, JSON that is not an object included', () => {
    assert.deepEqual(parseAnalyticsFrame('{"eventName":"somethingNew"}'), { kind: 'other', raw: { eventName: 'somethingNew' } });
    assert.deepEqual(parseAnalyticsFrame('[1,2]'), { kind: 'other', raw: [1, 2] });
    assert.deepEqual(parseAnalyticsFrame('{"dimension":{"agentId":"a"}}'), { kind: 'other', raw: { dimension: { agentId: 'a' } } });
  });

  it('is invalid, saying why, for text that is not JSON and for an empty frame', () => {
    assert.match(invalidMessage('hello'), /neither --heartbeat-- nor valid JSON/);
    assert.match(invalidMessage('{"dimension":'), /nor valid JSON/);
    assert.match(invalidMessage('  '), /Frame is empty/);
  });

  it('is invalid, naming the field, when a string-encoded field is not JSON', () => {
    assert.match(invalidMessage('{"dimension":"{agentId:1}","realtimeData":"{}","pumpup":false}'), /^dimension is a string but not valid JSON/);
    assert.match(invalidMessage('{"dimension":"{}","realtimeData":"{\\"a\\":","pumpup":true}'), /^realtimeData is a string but not valid JSON/);
    const frame = parseAnalyticsFrame('{"dimension":"{}","realtimeData":"nope","pumpupComplete":true}');
    assert.equal(frame.kind, 'invalid');
    assert.deepEqual((frame as Extract<AnalyticsFrame, { kind: 'invalid' }>).failure.issues[0].path, ['realtimeData']);
  });

  it('is invalid when dimension is not an object, whether sent as a value or a string', () => {
    assert.match(invalidMessage('{"dimension":5,"realtimeData":{}}'), /^dimension must be an object or a JSON string holding one \(got number\)/);
    assert.match(invalidMessage('{"dimension":"[1]","realtimeData":{}}'), /^dimension is a JSON string holding array; expected an object/);
    assert.match(invalidMessage('{"dimension":null,"realtimeData":{}}'), /a null dimension/);
    assert.match(invalidMessage('{"realtimeData":{"a":1},"pumpup":true}'), /Measure frame has no dimension/);
    assert.match(invalidMessage('{"dimension":{},"realtimeData":[1]}'), /^realtimeData must be an object/);
  });

  it('is invalid, not a throw, when a dimension value is nested too deeply to write out as JSON text', () => {
    const depth = 100_000;
    const frame = parseAnalyticsFrame(`{"dimension":{"agentId":${'['.repeat(depth)}${']'.repeat(depth)}},"realtimeData":{},"pumpup":false}`);
    assert.equal(frame.kind, 'invalid');
    const { failure } = frame as Extract<AnalyticsFrame, { kind: 'invalid' }>;
    assert.equal(failure.message, 'dimension.agentId is nested too deeply to keep as its JSON text');
    assert.deepEqual(failure.issues[0].path, ['dimension', 'agentId']);
  });
});

describe('producerNamesForDimension', () => {
  it('finds each §8.3 example its own producer, and both group producers for groupId', () => {
    for (const example of PRODUCER_EXAMPLES) {
      const candidates = producerNamesForDimension(measures(example.text).dimension);
      const expected = example.producer.endsWith('Group') ? ['AgentGroup', 'RoutingServiceGroup'] : [example.producer];
      assert.deepEqual(candidates, expected, example.producer);
    }
  });

  it('compares keys case-insensitively and in any order, and names none for an unknown or empty key set', () => {
    assert.deepEqual(producerNamesForDimension({ groupid: '1' }), ['AgentGroup', 'RoutingServiceGroup']);
    assert.deepEqual(producerNamesForDimension({ segmentid: 'x' }), ['ContactDetail']);
    assert.deepEqual(producerNamesForDimension({ channelId: 'Voice', agentId: 'a', accountId: '1' }), ['AgentByAccount']);
    assert.deepEqual(producerNamesForDimension({ agentId: 'a', extra: 'b' }), []);
    assert.deepEqual(producerNamesForDimension({}), []);
    assert.equal(Object.keys(PRODUCER_DIMENSION_KEYS).length, 10);
  });
});

describe('timestampMs', () => {
  it('reads 20- and 19-digit zero-padded epoch ms and plain numbers', () => {
    assert.equal(timestampMs('00000001496919128431'), 1496919128431);
    assert.equal(timestampMs('0000001496919128117'), 1496919128117);
    assert.equal(timestampMs(1496919128431), 1496919128431);
    assert.equal(new Date(timestampMs('00000001496242479928') as number).toISOString(), '2017-05-31T14:54:39.928Z');
  });

  it('gives undefined for UNKNOWN and other unusable values', () => {
    for (const value of ['UNKNOWN', '', 'abc', '-5', '1.5', '99999999999999999999', null, undefined, {}, -1, Number.NaN]) {
      assert.equal(timestampMs(value), undefined, String(value));
    }
  });
});
