interface Task {
  time: number;
  seq: number;
  run: () => void;
}

/**
 * Discrete-event clock. Every producer of the story (agents, jobs, timers) schedules closures here, and the
 * simulator runs them in (time, scheduling order), so records come out in time order and equal timestamps
 * keep the causal order in which they were planned.
 */
export class Scheduler {
  private readonly heap: Task[] = [];
  private seq = 0;

  constructor(public now: number) {}

  /** Runs `run` at `time`, or at the current instant if `time` has already passed. */
  at(time: number, run: () => void): void {
    this.push({ time: Math.max(Math.round(time), this.now), seq: this.seq++, run });
  }

  after(delayMs: number, run: () => void): void {
    this.at(this.now + delayMs, run);
  }

  /** Runs every task due up to and including `until`, then leaves the clock at `until`. */
  runUntil(until: number): void {
    while (this.heap.length > 0 && this.heap[0].time <= until) {
      const task = this.pop();
      this.now = task.time;
      task.run();
    }
    this.now = Math.max(this.now, until);
  }

  private push(task: Task): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Task {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Task;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l], heap[smallest])) smallest = l;
        if (r < heap.length && before(heap[r], heap[smallest])) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
