/** What a scenario script draws on, and the opening every call-based scenario shares. */
import { Random } from '../../../shared/simulator/random';
import { Body, BodyFactory } from '../body-factory';
import { externalParticipant, agentParticipant } from '../bodies/participants';
import { inboundEngagementCreated } from '../bodies/engagement';
import { matchOffered } from '../bodies/routing';
import { TransferTo } from '../bodies/transfer';
import { newEngagement, SimEngagement } from '../engagement';
import { AgentProfile, SimQueue, World } from '../world';

export interface ScenarioKit {
  f: BodyFactory;
  world: World;
  rng: Random;
  /** The transfer scenarios' target type; default a seeded pick. */
  transferTo?: TransferTo;
}

/** A scenario is a script: the bodies in the order the platform would send them, with consistent ids. */
export type Scenario = (kit: ScenarioKit) => Body[];

export function pickAgents(kit: ScenarioKit, count: number): AgentProfile[] {
  return kit.rng.sample(kit.world.agents, count);
}

export function pickQueue(kit: ScenarioKit): SimQueue {
  return kit.rng.pick(kit.world.queues);
}

export interface ConnectedCall {
  e: SimEngagement;
  queue: SimQueue;
  agentConnectionId: string;
  bodies: Body[];
}

/** A customer call routed to the agent and answered: created, customer added, offered, agent added. */
export function connectedCall(kit: ScenarioKit, agent: AgentProfile): ConnectedCall {
  const { f, world } = kit;
  const e = newEngagement(f.ids, world);
  const queue = pickQueue(kit);
  const agentConnectionId = f.ids.uuid();
  return {
    e, queue, agentConnectionId,
    bodies: [
      inboundEngagementCreated(f, e),
      externalParticipant(f, e, { action: 'ADDED' }),
      matchOffered(f, e, { agent, queue, offers: ['queue'] }),
      agentParticipant(f, e, { action: 'ADDED', agent, connectionId: agentConnectionId }),
    ],
  };
}
