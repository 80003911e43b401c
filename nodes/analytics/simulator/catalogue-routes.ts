/** Sources, producers, dictionaries and AdminData dimension data (digest §4.2-4.4, §4.7). */
import { dictionaryJson, producerJson, sourceJson } from './catalogue';
import { SimContext } from './context';
import { dimensionData } from './dimension-data';
import { Reply } from './http-io';
import { resolveLocale } from './locales';
import { ADMIN_PRODUCER, ADMIN_PRODUCER_ID, findProducer, PRODUCERS } from './producers';

export function sourcesRoute(ctx: SimContext, reply: Reply): void {
  reply.json(200, [sourceJson(ctx.opts.sourceId)]);
}

export function producersRoute(ctx: SimContext, sourceId: string, query: URLSearchParams, reply: Reply): void {
  if (sourceId !== ctx.opts.sourceId) return reply.error(404, `no source ${sourceId}`);
  // The producer list is not refused for a locale it lacks: the curl examples pass locale=en (§16 q22).
  const locale = resolveLocale(query.get('locale')) ?? 'en-us';
  const producers = ctx.opts.listAdminProducer ? [...PRODUCERS, ADMIN_PRODUCER] : PRODUCERS;
  reply.json(200, producers.map((p) => producerJson(p, ctx.opts.sourceId, locale)));
}

export function dictionaryRoute(ctx: SimContext, sourceId: string, producerId: string, query: URLSearchParams, reply: Reply): void {
  if (sourceId !== ctx.opts.sourceId) return reply.error(404, `no source ${sourceId}`);
  const producer = findProducer(producerId);
  if (!producer) return reply.error(404, `no producer ${producerId} in source ${sourceId}`);
  const requested = query.get('locale');
  if (requested === null || requested === '') return reply.error(400, 'the locale query parameter is required');
  const locale = resolveLocale(requested);
  if (!locale) return reply.error(404, `no dictionary for locale ${requested}`);
  reply.json(200, dictionaryJson(producer, locale));
}

export function dimensionDataRoute(ctx: SimContext, route: { sourceId: string; producerId: string; dimDataName: string; dimDataType: string }, reply: Reply): void {
  if (route.sourceId !== ctx.opts.sourceId) return reply.error(404, `no source ${route.sourceId}`);
  if (route.producerId !== ADMIN_PRODUCER_ID) return reply.error(404, `dimension data is served by ${ADMIN_PRODUCER_ID} only`);
  if (route.dimDataName !== route.dimDataType) return reply.error(400, 'dimDataName must equal dimDataType in this release');
  const records = dimensionData(route.dimDataType, ctx.floor.world, ctx.opts);
  if (!records) return reply.error(404, `no dimension data type ${route.dimDataType}`);
  reply.json(200, records);
}
