/** What a running GC process remembers: known destinations, agents, live and recently ended dialogs. */
import { AgentRecord, Dialog, newAgentRecord } from './model';
import { SimAgent } from './options';

/** Ended dialogs kept for wrap-up data and callbacks; older ones are forgotten. */
const MAX_ENDED_DIALOGS = 1000;
const FIRST_DIALOG_ID = 16777300;

export interface CallCounters {
  offered: number;
  handled: number;
  abandoned: number;
  longestHandleMs: number;
}

export class Registry {
  readonly agents = new Map<string, AgentRecord>();
  /** STOMP destinations Beat treats as known. */
  readonly destinations = new Set<string>();
  readonly dialogs = new Map<string, Dialog>();
  private readonly ended = new Map<string, Dialog>();
  /** Extension -> agent id of logged-in agents. */
  private readonly extensions = new Map<string, string>();
  counters: CallCounters = { offered: 0, handled: 0, abandoned: 0, longestHandleMs: 0 };
  private nextDialogId = FIRST_DIALOG_ID;

  constructor(private readonly roster: readonly SimAgent[]) {
    this.reset();
  }

  /**
   * A GC restart: every destination, session and dialog is forgotten (dialog ids keep counting up). The caller
   * clears the timers first.
   */
  reset(): void {
    this.agents.clear();
    for (const config of this.roster) this.agents.set(config.id, newAgentRecord(config));
    this.destinations.clear();
    this.dialogs.clear();
    this.ended.clear();
    this.extensions.clear();
    this.counters = { offered: 0, handled: 0, abandoned: 0, longestHandleMs: 0 };
  }

  newDialogId(): string {
    return String(this.nextDialogId++);
  }

  agentOnExtension(extension: string): AgentRecord | undefined {
    const id = this.extensions.get(extension);
    return id === undefined ? undefined : this.agents.get(id);
  }

  bindExtension(agent: AgentRecord, extension: string): void {
    agent.extension = extension;
    this.extensions.set(extension, agent.id);
  }

  releaseExtension(agent: AgentRecord): void {
    if (this.extensions.get(agent.extension) === agent.id) this.extensions.delete(agent.extension);
    agent.extension = '';
  }

  loggedInCount(): number {
    return this.extensions.size;
  }

  forgetDialog(dialog: Dialog): void {
    this.dialogs.delete(dialog.id);
    this.ended.set(dialog.id, dialog);
    if (this.ended.size > MAX_ENDED_DIALOGS) this.ended.delete(this.ended.keys().next().value as string);
  }

  findDialog(dialogId: string): Dialog | undefined {
    return this.dialogs.get(dialogId) ?? this.ended.get(dialogId);
  }

  /** A live or recently ended dialog the agent took part in. */
  dialogOfAgent(dialogId: string, agentId: string): Dialog | undefined {
    const dialog = this.findDialog(dialogId);
    return dialog && dialog.agentIds.has(agentId) ? dialog : undefined;
  }
}
