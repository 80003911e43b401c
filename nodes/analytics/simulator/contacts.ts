/**
 * One inbound contact, from arrival to wrap-up, as the producers would report it: the routing point and routing
 * service count it in, the agent is alerted, answers and completes, the group, site and service group follow, and
 * a contact detail record is written. Each step is its own set of frames, as the real streams publish on update.
 */
import { Floor, paddedTimestamp } from './floor';
import { P } from './producers';
import { SimAgent } from './world';

/** Contact detail rows kept for pumpups; older ones are forgotten silently, as a CDR store would age them out. */
const KEPT_CONTACT_DETAILS = 100;

export interface OfferedContact {
  agentId: string;
  segmentId: string;
  routingServiceName: string;
  channelId: string;
}

export function offerContact(floor: Floor, segmentId: string, agentId?: string): OfferedContact {
  const agent = agentId === undefined ? pickReadyAgent(floor) : floor.agent(agentId);
  const rt = floor.state(agent.agentId);
  if (rt.state !== 'READY') throw new RangeError(`agent ${agent.agentId} is ${rt.state}, not READY`);
  const { rng } = floor;
  const service = rng.pick(floor.world.routingServices.filter((s) => agent.accounts.some((a) => a.channelId === s.channelId)));
  const account = agent.accounts.find((a) => a.channelId === service.channelId);
  const rs = { routingServiceName: service.routingServiceName };
  const rsByAgent = { agentId: agent.agentId, ...rs };
  const rsGroup = { groupId: service.groupId };
  const agentDim = { agentId: agent.agentId };
  const accountDim = account ? { agentId: agent.agentId, accountId: account.accountId, channelId: account.channelId } : undefined;
  const alertS = rng.int(3, 20);
  const handleS = rng.int(30, 300);
  const acwS = rng.int(2, 30);
  const shortAcw = acwS < 10 ? 1 : 0;
  const offeredAt = floor.now();

  floor.add(P.RoutingService, rs, { offered: 1, contactsWaiting: 1 });
  if (service.channelId === 'Voice') {
    const vdn = { routingPointId: rng.pick(floor.world.routingPoints).routingPointId };
    floor.add(P.VDN, vdn, { offered: 1, routePointHandled: 1, routingDuration: rng.int(1, 5) });
  }

  floor.add(P.RoutingService, rs, { contactsWaiting: -1, alerting: 1 });
  floor.add(P.Agent, agentDim, { offered: 1, blendedAlert: 1 });
  rt.activeContacts += 1;
  floor.set(P.Agent, agentDim, { workState: 'BUSY', activeWorkCount: String(rt.activeContacts) });
  floor.add(P.RoutingServiceByAgent, rsByAgent, { offered: 1 });
  if (accountDim) floor.set(P.AgentByAccount, accountDim, { activeWorkCount: String(rt.activeContacts) });

  floor.add(P.RoutingService, rs, { alerting: -1, active: 1, contactsAtAgent: 1, answered: 1 });
  floor.add(P.Agent, agentDim, { answered: 1, alertDuration: alertS, ringTimeDuration: alertS, active: 1 });
  floor.add(P.RoutingServiceByAgent, rsByAgent, { answered: 1, alertDuration: alertS });
  for (const groupId of agent.groupIds) floor.add(P.AgentGroup, { groupId }, { offered: 1, answered: 1 });
  floor.add(P.Site, { ...agent.site }, { offered: 1, answered: 1 });
  floor.add(P.RoutingServiceGroup, rsGroup, { offered: 1, answered: 1 });

  floor.add(P.RoutingService, rs, { active: -1, contactsAtAgent: -1, completed: 1 });
  floor.add(P.Agent, agentDim, {
    active: -1, completed: 1, handlingDuration: handleS, contacthandlingDuration: handleS, activeTimeDuration: handleS,
    totalActiveTimeDuration: handleS, totalDuration: handleS + acwS, acw: 1, acwDuration: acwS, shortAcw,
  });
  rt.activeContacts -= 1;
  floor.set(P.Agent, agentDim, { workState: 'IDLE', activeWorkCount: String(rt.activeContacts), lastWorkCodeChangeTimestamp: paddedTimestamp(floor.now()) });
  if (accountDim) floor.set(P.AgentByAccount, accountDim, { activeWorkCount: String(rt.activeContacts) });
  floor.add(P.RoutingServiceByAgent, rsByAgent, { completed: 1, handlingDuration: handleS });
  for (const groupId of agent.groupIds) floor.add(P.AgentGroup, { groupId }, { completed: 1, handlingDuration: handleS, acwDuration: acwS, shortAcw });
  floor.add(P.Site, { ...agent.site }, { completed: 1, replied: service.channelId === 'Voice' ? 0 : 1 });
  floor.add(P.RoutingServiceGroup, rsGroup, { completed: 1, acwDuration: acwS, shortAcw });

  floor.set(P.ContactDetail, { segmentId }, {
    initialDisposition: 'ANSWERED', workType: 'DEFAULT', agentId: agent.agentId, routingServiceName: service.routingServiceName,
    channelId: service.channelId, offeredTimestamp: paddedTimestamp(offeredAt), alertDuration: alertS, handlingDuration: handleS, acwDuration: acwS,
  });
  forgetOldContactDetails(floor);
  return { agentId: agent.agentId, segmentId, routingServiceName: service.routingServiceName, channelId: service.channelId };
}

/**
 * `count` contact detail records written at once, each a new segment: a busy day's records compressed into a
 * moment, for clients whose contact-level rows must stay bounded. Only the other producers' rows stay as they were.
 */
export function writeContactDetails(floor: Floor, count: number, newSegmentId: () => string): void {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError('contactDetails needs a count >= 1');
  const { rng, world } = floor;
  for (let i = 0; i < count; i++) {
    const agent = rng.pick(world.agents);
    const service = rng.pick(world.routingServices);
    floor.set(P.ContactDetail, { segmentId: newSegmentId() }, {
      initialDisposition: 'ANSWERED', workType: 'DEFAULT', agentId: agent.agentId, routingServiceName: service.routingServiceName,
      channelId: service.channelId, offeredTimestamp: paddedTimestamp(floor.now()),
    });
  }
  forgetOldContactDetails(floor);
}

/** Older contact detail rows are forgotten silently (no DELETE frame), as a CDR store would age them out. */
function forgetOldContactDetails(floor: Floor): void {
  const details = floor.store.rows(P.ContactDetail);
  for (const old of details.slice(0, Math.max(0, details.length - KEPT_CONTACT_DETAILS))) floor.store.remove(P.ContactDetail, old.dimension);
}

function pickReadyAgent(floor: Floor): SimAgent {
  const ready = floor.world.agents.filter((a) => floor.state(a.agentId).state === 'READY');
  if (ready.length === 0) throw new RangeError('no agent is READY to take a contact');
  return floor.rng.pick(ready);
}
