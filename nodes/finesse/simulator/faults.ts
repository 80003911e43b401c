/** failNext(): one-shot errors injected for the next matching command (digest §6.4). */
import { lookupCommand, ParsedType } from './command-table';

interface Fault {
  command: string;
  error: string;
  agentId?: string;
}

export class Faults {
  private readonly pending: Fault[] = [];

  add(command: string, error: string, agentId?: string): void {
    if (command.trim() === '' || error.trim() === '' || error.includes('#')) throw new RangeError('failNext needs a command and an error name without #');
    this.pending.push({ command: (lookupCommand(command.trim()) ?? command.trim()).toLowerCase(), error: error.trim(), agentId });
  }

  /** The error for this command, if one was queued for it (it is used up). */
  take(parsed: ParsedType): string | undefined {
    if (this.pending.length === 0) return undefined;
    const command = (parsed.command ?? parsed.spelling).toLowerCase();
    const index = this.pending.findIndex((f) => f.command === command && (f.agentId === undefined || f.agentId === parsed.target));
    if (index < 0) return undefined;
    return this.pending.splice(index, 1)[0].error;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
