import { AgentSim } from './agent';
import { AttachedJob } from './agent-events';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

/** What the agent routines need from the world around them. */
export interface RoutineHost {
  readonly sched: Scheduler;
  readonly rng: Random;
  /** The job an agent may attach to now, if any. */
  attachableJob(): AttachedJob | null;
  /** The agent has finished a routine and may take work, attach, or idle. */
  agentFree(agent: AgentSim): void;
  /** The agent is about to leave its job: the job keeps the agent's totals for its handler statistics. */
  detaching(agent: AgentSim): void;
}

/**
 * Runs `steps` one after another, `gapMs` apart, with the agent engaged until the last one has run, so that
 * no dial or other routine interleaves with a multi-event sequence.
 */
function sequence(host: RoutineHost, agent: AgentSim, steps: [number, () => void][], then: () => void): void {
  agent.engaged = true;
  let at = host.sched.now;
  for (const [gapMs, step] of steps) {
    at += gapMs;
    host.sched.at(at, step);
  }
  host.sched.at(at, () => {
    agent.engaged = false;
    then();
  });
}

/** §5.2 transitions 1-2: the login bundle, then READY a few seconds later. */
export function loginAgent(host: RoutineHost, agent: AgentSim): void {
  sequence(host, agent, [
    [0, () => agent.login()],
    [host.rng.int(3000, 8000), () => agent.setState('READY')],
  ], () => host.agentFree(agent));
}

/** §5.3 Preview/Manual steps 6-9, which the predictive/progressive sequence shares. */
export function attachAgent(host: RoutineHost, agent: AgentSim, job: AttachedJob): void {
  sequence(host, agent, [
    [0, () => agent.setJob('PENDING_JOB_ATTACH', job)],
    [1000, () => agent.setNail('PENDING_NAILUP')],
    [host.rng.int(2000, 4000), () => agent.setNail('NAILED')],
    [500, () => agent.setJob('JOBATTACHED', job)],
  ], () => {
    // The job may have finished while the nail-up call was ringing.
    if (host.attachableJob() === job) host.agentFree(agent);
    else detachAgent(host, agent);
  });
}

/** §5.2 transition 10 plus the nail-up drop; JOBEND first when the job itself ended. */
export function detachAgent(host: RoutineHost, agent: AgentSim, then: () => void = () => host.agentFree(agent)): void {
  const job = agent.job;
  const steps: [number, () => void][] = [];
  if (job) steps.push([0, () => agent.setJob('JOBEND', job)]);
  steps.push([500, () => {
    host.detaching(agent);
    agent.setJob('JOBDETACHED', null);
  }]);
  steps.push([1000, () => agent.setNail('PENDING_NAILUP_DROP')]);
  steps.push([1000, () => agent.setNail('UNNAILED')]);
  sequence(host, agent, steps, then);
}

/** An in-job break: READY → NOT_READY → READY (§5.2 transition 11 and back). */
export function takeBreak(host: RoutineHost, agent: AgentSim): void {
  sequence(host, agent, [
    [0, () => agent.setState('NOT_READY', host.rng.pick(['Break', 'Lunch', 'Coaching']))],
    [host.rng.int(20000, 90000), () => agent.setState('READY')],
  ], () => host.agentFree(agent));
}

/** The nail-up call dropped while attached; POM re-nails the agent. */
export function renailAgent(host: RoutineHost, agent: AgentSim): void {
  sequence(host, agent, [
    [0, () => agent.setNail('RENAILING')],
    [host.rng.int(2000, 5000), () => agent.setNail('NAILED')],
  ], () => host.agentFree(agent));
}

/** §5.2 transitions 11-13, then a fresh login after `awayMs` (a new session, so every statistic restarts). */
export function logoutAgent(host: RoutineHost, agent: AgentSim, awayMs: number): void {
  sequence(host, agent, [
    [0, () => agent.setState('NOT_READY', 'EndOfShift')],
    [2000, () => agent.setState('LOGGED_OUT', 'MANUAL_LOGOUT')],
    [0, () => agent.setNail('UNNAILED')],
  ], () => host.sched.after(awayMs, () => loginAgent(host, agent)));
}
