import type { NodeStatus } from '../status';

const STATUS_EVERY_MS = 1000;

/**
 * A source node's status, rendered from its own facts: changes of connection show at once, event counts at
 * most once a second (a busy stream would otherwise flood the editor with status messages).
 */
export class StatusDisplay {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  /** `target` is the node, or the lease through which it uses a shared connection (which adds its caveat). */
  constructor(private readonly target: { status(status: NodeStatus): void }, private readonly render: () => NodeStatus) {}

  /** Something the status shows changed in kind (connection, alarm): show it now. */
  now(): void {
    this.dirty = false;
    this.target.status(this.render());
  }

  /** A count went up: show it, but not more than once a second. */
  soon(): void {
    if (this.timer) {
      this.dirty = true;
      return;
    }
    this.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) this.now();
    }, STATUS_EVERY_MS);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
