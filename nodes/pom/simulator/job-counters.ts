import { CodeTally, emptyTotals, JobTotals, sumTotals } from './agent-ledger';
import { Attempt } from './attempt';
import { CodeDef, CONNECT_CODE_IDS, DROP_CODE_IDS } from './catalogue';

/**
 * What a job's JobStatNotify and CCTRENDS report. The job updates it exactly where it publishes the matching
 * ATTEMPT event, so every statistics record agrees with the attempt records before it.
 */
export class JobCounters {
  readonly codeCounts = new Map<number, CodeTally>();
  totalAttempts = 0;
  uniqueAttempted = 0;
  processed = 0;
  connected = 0;
  nuisance = 0;
  dropped = 0;
  rpc = 0;
  success = 0;
  closure = 0;
  openCallbacks = 0;
  completedCallbacks = 0;
  queuedCalls = 0;
  queuedCallMs = 0;
  /** Totals of agents that have already detached, so the handler's agent statistics do not shrink. */
  detachedTotals: JobTotals = emptyTotals();
  private sinceTrend: CodeDef[] = [];

  attempted(firstForContact: boolean): void {
    this.totalAttempts += 1;
    if (firstForContact) this.uniqueAttempted += 1;
  }

  /** Books the completion codes and flags of an attempt that has just completed with system code `code`. */
  completed(a: Attempt, code: CodeDef): void {
    for (const c of a.agentCode ? [code, a.agentCode] : [code]) {
      const tally = this.codeCounts.get(c.id) ?? { id: c.id, name: c.name, rpc: c.rpc, success: c.success, closure: c.closure, count: 0 };
      tally.count += 1;
      this.codeCounts.set(c.id, tally);
      this.sinceTrend.push(c);
    }
    if (a.agentCode?.rpc) this.rpc += 1;
    if (a.agentCode?.success) this.success += 1;
    if (a.agentCode?.closure) this.closure += 1;
    if (a.nuisance) this.nuisance += 1;
    if (DROP_CODE_IDS.has(code.id)) this.dropped += 1;
    if (a.type === 'CALLBACK') {
      this.openCallbacks -= 1;
      this.completedCallbacks += 1;
    }
  }

  contactDone(finalCode: CodeDef): void {
    this.processed += 1;
    if (CONNECT_CODE_IDS.has(finalCode.id)) this.connected += 1;
  }

  absorb(totals: JobTotals): void {
    this.detachedTotals = sumTotals(this.detachedTotals, totals);
  }

  /** The codes booked since the previous CC trend; CCTRENDS reports each interval once. */
  drainTrend(): CodeDef[] {
    const codes = this.sinceTrend;
    this.sinceTrend = [];
    return codes;
  }
}
