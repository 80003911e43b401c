/** Publishing of events, and the correlation rules of digest §1.6 / §6.1.5. */
import { AgentRecord } from './model';

export type Publish = (destination: string, body: string, correlationId?: string) => void;

/** The single way out; while `silent` (GC dead, replies dropped) nothing leaves. */
export class Outbox {
  silent = false;

  constructor(private readonly publishNow: Publish) {}

  publish(destination: string, body: string, correlationId?: string): void {
    if (!this.silent) this.publishNow(destination, body, correlationId);
  }
}

/** Client destinations arrive as plain topic names; a client that sends a full STOMP destination gets it as is. */
export function topicOf(destination: string): string {
  return destination.startsWith('/') ? destination : `/topic/${destination}`;
}

/**
 * The events one command causes. Answers to the command, and events about the agent the command named, carry its
 * correlation-id (every one, or only the first when correlateAll is off); events about other agents and events
 * sent to some other destination do not, so a client waiting on its id never picks up somebody else's event.
 */
export class Reply {
  private spent = false;

  constructor(
    private readonly outbox: Outbox,
    readonly correlationId: string | undefined,
    readonly target: string,
    private readonly correlateAll: boolean,
  ) {}

  /** For events no command caused (timers, injected calls): never correlated. */
  static async(outbox: Outbox): Reply {
    return new Reply(outbox, undefined, '', true);
  }

  answer(destination: string, body: string): void {
    this.outbox.publish(destination, body, this.take());
  }

  toAgent(agent: AgentRecord, body: string): void {
    if (agent.topic === undefined) return;
    this.outbox.publish(agent.topic, body, agent.id === this.target ? this.take() : undefined);
  }

  aside(destination: string, body: string): void {
    this.outbox.publish(destination, body);
  }

  private take(): string | undefined {
    if (this.correlationId === undefined || (this.spent && !this.correlateAll)) return undefined;
    this.spent = true;
    return this.correlationId;
  }
}
