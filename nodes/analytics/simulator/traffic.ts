/** Random floor activity for demos and soak tests: contacts for ready agents, state and reason changes, the odd logout. */
import { Random } from '../../shared/simulator/random';
import { AgentState, Floor } from './floor';
import { Timers } from '../../shared/simulator/timers';

export interface TrafficActions {
  setAgentState(agentId: string, state: AgentState, reasonCode?: string): void;
  offerContact(agentId?: string): void;
}

type Move = 'contact' | 'ready' | 'notReady' | 'reason' | 'logout' | 'login';

export function randomStep(floor: Floor, rng: Random, act: TrafficActions): void {
  const inState = (state: AgentState): string[] => floor.world.agents.map((a) => a.agentId).filter((id) => floor.state(id).state === state);
  const ready = inState('READY');
  const notReady = inState('NOT_READY');
  const out = inState('LOGGED_OUT');
  const moves: [Move, number][] = [
    ['contact', ready.length > 0 ? 6 : 0], ['ready', notReady.length > 0 ? 3 : 0], ['notReady', ready.length > 0 ? 2 : 0],
    ['reason', notReady.length > 0 ? 1 : 0], ['logout', ready.length + notReady.length > 1 ? 0.3 : 0], ['login', out.length > 0 ? 2 : 0],
  ];
  const move = rng.weighted(moves);
  const reason = (): string => rng.pick(floor.world.reasonCodes).nrReasonCode;
  if (move === 'contact') act.offerContact(rng.pick(ready));
  else if (move === 'ready') act.setAgentState(rng.pick(notReady), 'READY');
  else if (move === 'notReady') act.setAgentState(rng.pick(ready), 'NOT_READY', reason());
  else if (move === 'reason') act.setAgentState(rng.pick(notReady), 'NOT_READY', reason());
  else if (move === 'logout') act.setAgentState(rng.pick([...ready, ...notReady]), 'LOGGED_OUT');
  else act.setAgentState(rng.pick(out), 'NOT_READY', '0');
}

export class Traffic {
  private timer?: NodeJS.Timeout;

  constructor(private readonly timers: Timers, private readonly step: () => void, private readonly log: (line: string) => void) {}

  start(everyMs: number): void {
    if (!(Number.isFinite(everyMs) && everyMs > 0)) throw new RangeError('startTraffic needs a positive number of ms');
    this.stop();
    this.timer = this.timers.every(everyMs, () => {
      try {
        this.step();
      } catch (err) {
        this.log(`traffic step failed: ${(err as Error).message}`);
      }
    });
  }

  stop(): void {
    this.timers.cancel(this.timer);
    this.timer = undefined;
  }
}
