/** What every command handler works with: the options, the registry, timers, the way out, and the command itself. */
import { errorEvent } from './agent-format';
import { CallFormat } from './call-format';
import { AgentRecord } from './model';
import { ResolvedOptions } from './options';
import { Registry } from './registry';
import { Outbox, Reply } from './reply';
import { Timers } from '../../shared/simulator/timers';

export interface SimContext {
  readonly opts: ResolvedOptions;
  readonly registry: Registry;
  readonly timers: Timers;
  readonly outbox: Outbox;
  readonly format: CallFormat;
  /** False while "Finesse is down": Hello/Beat answer OUT_OF_SERVICE and every other command is ignored. */
  inService: boolean;
  log(line: string): void;
}

export interface CommandCall {
  /** The canonical command name (the spelling as sent for a command GC does not know). */
  command: string;
  /** Agent login id, or the client destination for Hello and Beat. */
  target: string;
  body: string;
  /** The body split on ','; arguments are not trimmed, since a password may end in a blank. */
  args: string[];
  replyTo?: string;
  reply: Reply;
}

/** The n-th argument without surrounding blanks ('' when absent). */
export function arg(cmd: CommandCall, index: number): string {
  return (cmd.args[index] ?? '').trim();
}

/** `<target>#Error#<error>` to the agent's destination, or to reply-to when GC does not know where the agent listens. */
export function fail(sim: SimContext, cmd: CommandCall, agent: AgentRecord | undefined, error: string): void {
  const destination = agent?.topic ?? cmd.replyTo;
  if (destination === undefined) {
    sim.log(`${cmd.command}#${cmd.target}: ${error}, but there is no destination to send it to`);
    return;
  }
  cmd.reply.answer(destination, errorEvent(cmd.target, error));
}
