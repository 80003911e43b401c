import assert from 'node:assert/strict';
import { queryRequest, querySettings, type QueryRequest } from '../../nodes/analytics/query-input';
import { InputConflictError } from '../../nodes/shared/node/input-precedence';

type Row = { title: string; node: Record<string, unknown>; msg: Record<string, unknown>; expect: QueryRequest | RegExp; conflict?: boolean };

/** The node's setting wins, the message fills what it leaves empty, a message asking for something else is refused. */
const ROWS: Row[] = [
  { title: 'the node\'s query, no message values', node: { query: 'sources' }, msg: {}, expect: { query: 'sources' } },
  { title: 'msg.query fills an empty query', node: { query: '' }, msg: { query: 'Producers' }, expect: { query: 'producers', sourceId: undefined, locale: undefined } },
  { title: 'msg.query naming the node\'s query is accepted (any case)', node: { query: 'producers' }, msg: { query: 'PRODUCERS' }, expect: { query: 'producers', sourceId: undefined, locale: undefined } },
  { title: 'msg.query asking for another query is refused', node: { query: 'producers' }, msg: { query: 'dictionary' }, expect: /set to query "producers", but msg\.query asks for "dictionary"/, conflict: true },
  { title: 'neither node nor message names a query', node: { query: '' }, msg: {}, expect: /no query: choose one in the node, or leave it empty and send msg\.query/ },
  { title: 'an unknown msg.query', node: { query: '' }, msg: { query: 'everything' }, expect: /query "everything" is not one of sources, producers, dictionary, dimensionData/ },
  { title: 'the node\'s source wins over none in the message', node: { query: 'producers', sourceId: 'S1' }, msg: {}, expect: { query: 'producers', sourceId: 'S1', locale: undefined } },
  { title: 'msg.sourceId fills an empty source', node: { query: 'producers' }, msg: { sourceId: ' S2 ' }, expect: { query: 'producers', sourceId: 'S2', locale: undefined } },
  { title: 'msg.sourceId asking for another source is refused (ids compared exactly)', node: { query: 'producers', sourceId: 'S1' }, msg: { sourceId: 's1' }, expect: /set to source "S1", but msg\.sourceId asks for "s1"/, conflict: true },
  { title: 'a source that is not text', node: { query: 'producers' }, msg: { sourceId: 7 }, expect: /msg\.sourceId must be text/ },
  { title: 'the node\'s locale, normalised', node: { query: 'producers', locale: 'FR' }, msg: {}, expect: { query: 'producers', sourceId: undefined, locale: 'fr' } },
  { title: 'msg.locale fills an empty locale', node: { query: 'producers' }, msg: { locale: 'pt_br' }, expect: { query: 'producers', sourceId: undefined, locale: 'pt_BR' } },
  { title: 'msg.locale asking for another locale is refused', node: { query: 'dictionary', producerId: 'Agent_SoD_3.5', locale: 'de' }, msg: { locale: 'fr' }, expect: /set to locale "de", but msg\.locale asks for "fr"/, conflict: true },
  { title: 'an unknown msg.locale', node: { query: 'producers' }, msg: { locale: 'tlh' }, expect: /locale "tlh" is not one of de, en-us/ },
  { title: 'a dictionary defaults to en-us', node: { query: 'dictionary', producerId: 'Agent_SoD_3.5' }, msg: {}, expect: { query: 'dictionary', sourceId: undefined, locale: 'en-us', producerId: 'Agent_SoD_3.5' } },
  { title: 'msg.producerId fills an empty producer', node: { query: 'dictionary' }, msg: { producerId: 'VDN_SoD_3.5' }, expect: { query: 'dictionary', sourceId: undefined, locale: 'en-us', producerId: 'VDN_SoD_3.5' } },
  { title: 'msg.producerId asking for another producer is refused', node: { query: 'dictionary', producerId: 'Agent_SoD_3.5' }, msg: { producerId: 'VDN_SoD_3.5' }, expect: /set to producer "Agent_SoD_3\.5", but msg\.producerId asks for "VDN_SoD_3\.5"/, conflict: true },
  { title: 'a dictionary without a producer', node: { query: 'dictionary' }, msg: {}, expect: /no producer: set Producer in the node, or send msg\.producerId/ },
  { title: 'the node\'s type; a payload (an Inject timestamp) is not read then', node: { query: 'dimensionData', dimDataType: 'agent' }, msg: { payload: 1712345678901 }, expect: { query: 'dimensionData', sourceId: undefined, dimDataType: 'Agent' } },
  { title: 'msg.dimDataType fills an empty type', node: { query: 'dimensionData' }, msg: { dimDataType: 'reasoncode' }, expect: { query: 'dimensionData', sourceId: undefined, dimDataType: 'ReasonCode' } },
  { title: 'msg.payload fills an empty type when msg.dimDataType is not set', node: { query: 'dimensionData' }, msg: { payload: 'Channel' }, expect: { query: 'dimensionData', sourceId: undefined, dimDataType: 'Channel' } },
  { title: 'msg.dimDataType asking for another type is refused', node: { query: 'dimensionData', dimDataType: 'Agent' }, msg: { dimDataType: 'Group' }, expect: /set to dimension data type "Agent", but msg\.dimDataType asks for "Group"/, conflict: true },
  { title: 'an unknown type from the payload', node: { query: 'dimensionData' }, msg: { payload: 'Planet' }, expect: /dimension data type "Planet" is not one of Agent/ },
  { title: 'no type anywhere', node: { query: 'dimensionData' }, msg: {}, expect: /no dimension data type: set Type in the node, or send msg\.dimDataType or msg\.payload/ },
  { title: 'values the query does not use are not read', node: { query: 'sources', locale: 'de' }, msg: { locale: 'fr', sourceId: 'S9', producerId: 'X' }, expect: { query: 'sources' } },
];

describe('cc-analytics-query: the node\'s settings win, the message fills the rest', () => {
  for (const row of ROWS) {
    it(row.title, () => {
      const settings = querySettings(row.node);
      if (row.expect instanceof RegExp) {
        assert.throws(() => queryRequest(settings, row.msg), (err: Error) => {
          assert.match(err.message, row.expect as RegExp);
          assert.equal(err instanceof InputConflictError, row.conflict === true, 'a conflict is an InputConflictError, other problems are not');
          return true;
        });
        return;
      }
      assert.deepEqual(queryRequest(settings, row.msg), row.expect);
    });
  }

  it('checks the node\'s own settings once, naming the field', () => {
    assert.deepEqual(querySettings({ query: '', sourceId: ' ', locale: null }), {});
    assert.throws(() => querySettings({ query: 'all' }), /query "all" is not one of/);
    assert.throws(() => querySettings({ query: 'producers', locale: 'xx' }), /locale "xx" is not one of/);
    assert.throws(() => querySettings({ query: 'dimensionData', dimDataType: 'Planet' }), /dimension data type "Planet"/);
  });
});
