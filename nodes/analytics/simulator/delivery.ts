/** Sends the floor's updates as delta frames to every socket streaming a guid of that producer. */
import { SimContext } from './context';
import { encodeFitting, FrameForm, formFor } from './frames';
import { Update } from './floor';
import { findProducer } from './producers';

export function deliver(ctx: SimContext, updates: Update[]): void {
  const sessions = ctx.hub.sessions();
  for (const update of updates) {
    const producer = findProducer(update.producerId);
    if (!producer) continue;
    // Agents outside every group are not streamed; the DELETE that announced their leaving still goes out (§9).
    if (update.action === 'UPSERT' && producer.agentKeyed && !ctx.floor.visible(update.dimension.agentId)) continue;
    const encoded = new Map<FrameForm, string[]>();
    const framesIn = (form: FrameForm): string[] => {
      let frames = encoded.get(form);
      if (!frames) {
        frames = encodeFitting(form, {
          producer, sourceId: ctx.opts.sourceId, dimension: update.dimension, realtimeData: update.changes,
          pumpupIdentifier: null, pumpup: false, eventAction: update.action,
        });
        encoded.set(form, frames);
      }
      return frames;
    };
    for (const session of sessions) {
      for (const record of session.streams()) {
        if (record.producer.producerId !== producer.producerId) continue;
        for (const frame of framesIn(formFor(ctx.opts.wireForm, producer))) session.sendText(frame);
      }
    }
  }
}
