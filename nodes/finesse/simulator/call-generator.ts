/** The demo's traffic: now and then a customer calls a random READY agent, and later hangs up. */
import { GcSimulator } from './simulator';

export interface CallGenerator {
  readonly offered: number;
  stop(): void;
}

const MIN_TALK_MS = 8000;
const MAX_TALK_MS = 20000;

export function startCallGenerator(sim: GcSimulator, agentIds: readonly string[], everyMs: number, log: (line: string) => void): CallGenerator {
  const hangUps = new Set<NodeJS.Timeout>();
  let offered = 0;
  const offer = (): void => {
    const ready = agentIds.filter((id) => sim.agent(id)?.state === 'READY');
    if (ready.length === 0) return;
    const agentId = ready[Math.floor(Math.random() * ready.length)];
    const caller = `0300${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    offered++;
    const dialogId = sim.injectInboundCall(agentId, { ani: caller, callVariables: { callVariable1: `Ticket ${offered}`, callVariable2: 'Demo' } });
    log(`call ${dialogId} from ${caller} rings at agent ${agentId}`);
    const timer = setTimeout(() => {
      hangUps.delete(timer);
      // The agent may have released it already, or transferred it on.
      if (sim.dialog(dialogId)?.live) sim.hangUp(dialogId);
    }, MIN_TALK_MS + Math.random() * (MAX_TALK_MS - MIN_TALK_MS));
    hangUps.add(timer);
  };
  const ticker = setInterval(offer, everyMs);
  return {
    get offered() {
      return offered;
    },
    stop() {
      clearInterval(ticker);
      for (const timer of hangUps) clearTimeout(timer);
      hangUps.clear();
    },
  };
}
