import { AgentHost, AgentSim } from './agent';
import { AttachedJob } from './agent-events';
import { attachAgent, detachAgent, loginAgent, logoutAgent, renailAgent, RoutineHost, takeBreak } from './agent-routines';
import { Contact } from './attempt';
import { CallFlow, FlowHost } from './call-flow';
import { CAMPAIGNS, FIRST_NAMES, INBOUND_SKILLS, LAST_NAMES, ZONE } from './catalogue';
import { JsonObject } from './encode';
import { runImport } from './import-run';
import { JobHost, JobPlan, JobRun } from './job';
import { Random } from '../../shared/simulator/random';
import { Scheduler } from './scheduler';

export interface WorldOptions {
  org: string;
  servers: readonly string[];
  agents: number;
  seed: number;
  startTimeMs: number;
}

/** A payload before encoding, stamped with the simulated instant it was published at. */
export interface Emitted {
  family: string;
  key: string;
  payload: JsonObject;
  time: number;
}

/** HEARTBEAT_EVENT_FREQUENCY_IN_SECONDS default (§2.9). */
const HEARTBEAT_EVERY_MS = 30000;

/**
 * The whole simulated POM installation: kafkamonitor heartbeats per server, CMS-driven inbound skill updates,
 * agents, and one campaign job at a time (each with its contact-list import), the next one queued shortly
 * after the previous one completed. It is the host every part of the story reports to.
 */
export class PomWorld implements AgentHost, RoutineHost, JobHost, FlowHost {
  readonly sched: Scheduler;
  readonly rng: Random;
  readonly org: string;
  private out: Emitted[] = [];
  private readonly agents: AgentSim[];
  private job: JobRun | null = null;
  private jobRef: AttachedJob | null = null;
  private jobCount = 0;
  private readonly firstJobId: number;
  private importing = false;
  private pimSeq = 0;
  private callbackSeq = 0;
  private contactSeq = 0;

  constructor(opts: WorldOptions) {
    const root = new Random(opts.seed);
    this.rng = root.fork(1);
    const agentRng = root.fork(2);
    this.sched = new Scheduler(opts.startTimeMs);
    this.org = opts.org;
    this.firstJobId = root.int(10, 90);
    const start = opts.startTimeMs;

    opts.servers.forEach((serverName, i) => this.every(start + i * 1000, () => HEARTBEAT_EVERY_MS, () =>
      this.emit('HEART_BEAT', serverName, { serverName, eventTimeStamp: this.sched.now, eventTypeEnum: 'HEART_BEAT' })));
    for (const skill of INBOUND_SKILLS) {
      let qLength = this.rng.int(0, 10);
      this.every(start + this.rng.int(2000, 15000), () => this.rng.int(10000, 40000), () => {
        qLength = Math.max(0, qLength + this.rng.int(-3, 3));
        const ewtHigh = qLength * 8 + this.rng.int(0, 10);
        this.emit('INBOUND_SKILL', String(skill.skillId), {
          skill: skill.skill, skillId: skill.skillId, zoneName: ZONE.name, qLength, ewtHigh,
          ewtMed: Math.round(ewtHigh * 1.7), ewtLow: Math.round(ewtHigh * 2.5), avgSpeedAns: this.rng.int(5, 40),
          agtAcqThld: 20, agtRelThld: 10, eventTimeStamp: this.sched.now, eventTypeEnum: 'INBOUND_SKILL',
        });
      });
    }
    this.agents = Array.from({ length: opts.agents }, (_, i) => new AgentSim(this, agentRng.fork(i),
      String(5001 + i), `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 3) % LAST_NAMES.length]}`,
      String(4001 + i), { OB_Sales: 1 + (i % 3), OB_Collections: 1 + ((i + 1) % 3) }));
    this.agents.forEach((agent, i) => this.sched.at(start + 1000 + i * 2000, () => loginAgent(this, agent)));
    this.sched.at(start + 5000, () => this.startJob());
  }

  /** Everything published up to and including `until`, in publication order. */
  runUntil(until: number): Emitted[] {
    this.sched.runUntil(until);
    const out = this.out;
    this.out = [];
    return out;
  }

  emit(family: string, key: string, payload: JsonObject): void {
    this.out.push({ family, key, payload, time: this.sched.now });
  }

  importRunning(): boolean {
    return this.importing;
  }

  nextPimSessionId(): string {
    return String(908800 + ++this.pimSeq);
  }

  nextCallbackId(): string {
    return String(550 + ++this.callbackSeq);
  }

  attachableJob(): AttachedJob | null {
    return this.job?.attachable ? this.jobRef : null;
  }

  attachedAgents(job: JobRun): AgentSim[] {
    return this.agents.filter((a) => a.job?.jobId === job.jobId);
  }

  offerWork(job: JobRun): void {
    if (job === this.job) for (const agent of this.agents) this.agentFree(agent);
  }

  agentFree(agent: AgentSim): void {
    if (!agent.loggedIn || agent.engaged) return;
    const job = this.attachableJob();
    if (agent.job) {
      if (agent.job !== job) detachAgent(this, agent);
      else if (agent.available && this.job) {
        const attempt = this.job.takeWork();
        if (attempt) new CallFlow(this, this.job, attempt, agent).start();
      }
    } else if (job && agent.state === 'READY' && agent.jobState === 'JOBDETACHED') attachAgent(this, agent, job);
  }

  callEnded(agent: AgentSim): void {
    const draw = this.rng.float();
    if (agent.job && agent.job === this.attachableJob() && draw < 0.06) {
      if (draw < 0.04) takeBreak(this, agent);
      else renailAgent(this, agent);
    } else this.agentFree(agent);
  }

  detaching(agent: AgentSim): void {
    const job = this.job;
    if (!job || agent.job?.jobId !== job.jobId || !agent.ledger.current) return;
    agent.ledger.accrue(this.sched.now, agent.snapshot());
    job.counters.absorb(agent.ledger.current);
  }

  jobFinishing(job: JobRun): void {
    for (const agent of this.attachedAgents(job)) {
      if (agent.engaged) continue;
      // Some agents end their shift with the job; they come back a few minutes later as a new session.
      detachAgent(this, agent, () => {
        if (this.rng.chance(0.15)) logoutAgent(this, agent, this.rng.int(60000, 180000));
        else this.agentFree(agent);
      });
    }
  }

  jobCompleted(job: JobRun): void {
    if (job === this.job) this.sched.after(this.rng.int(20000, 40000), () => this.startJob());
  }

  private startJob(): void {
    const campaign = CAMPAIGNS[this.jobCount % CAMPAIGNS.length];
    const jobId = this.firstJobId + this.jobCount++;
    const contacts: Contact[] = Array.from({ length: this.rng.int(30, 60) }, () => {
      const id = 4400 + ++this.contactSeq;
      return {
        sysContactId: String(id), userContactId: `CUST-${id}`, phone: `555${this.rng.int(1000, 9999)}`,
        firstName: this.rng.pick(FIRST_NAMES), lastName: this.rng.pick(LAST_NAMES), attempts: 0, isDNC: false,
      };
    });
    const plan = this.rng.weighted<JobPlan>([['natural', 2], ['pause', 1], ['stop', 1]]);
    const job = new JobRun(this, this.rng.fork(jobId), jobId, campaign, contacts, plan);
    this.job = job;
    this.jobRef = { jobId, campaign };
    this.importing = true;
    runImport(this, this.rng.fork(jobId + 1000), 500 + jobId, campaign, contacts.length, () => {
      this.importing = false;
    });
    job.start();
  }

  /** Runs `publish` at `first` and then again after each `gap()`. */
  private every(first: number, gap: () => number, publish: () => void): void {
    const tick = (): void => {
      publish();
      this.sched.after(gap(), tick);
    };
    this.sched.at(first, tick);
  }
}
