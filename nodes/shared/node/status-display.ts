import type { NodeStatus } from '../status';
import type { NodeRedNode } from './node-red';

const STATUS_EVERY_MS = 1000;

/**
 * A source node's status, rendered from its own facts: changes of connection show at once, event counts at
 * most once a second (a busy stream would otherwise flood the editor with status messages).
 */
export class StatusDisplay {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(private readonly node: NodeRedNode, private readonly render: () => NodeStatus) {}

  /** Something the status shows changed in kind (connection, alarm): show it now. */
  now(): void {
    this.dirty = false;
    this.node.status(this.render());
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
