/** The demo's traffic: the scenarios one after another, one starting every `everyMs`, until stopped. */
import { AxpScenarioName, SCENARIO_NAMES } from './scenarios';
import { Timers } from '../../shared/simulator/timers';

export type ScenarioPlayer = (name: AxpScenarioName, stepMs: number, signal: AbortSignal) => Promise<unknown>;

export class Traffic {
  private controller?: AbortController;

  constructor(private readonly timers: Timers, private readonly play: ScenarioPlayer, private readonly log: (line: string) => void) {}

  get running(): boolean {
    return this.controller !== undefined;
  }

  start(everyMs: number): void {
    if (!(Number.isFinite(everyMs) && everyMs > 0)) throw new RangeError('startTraffic needs a positive number of ms');
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    this.loop(everyMs, controller.signal).catch((err: Error) => this.log(`traffic stopped: ${err.message}`));
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private async loop(everyMs: number, signal: AbortSignal): Promise<void> {
    // Steps spread over part of the period, so a scenario has normally ended before the next begins.
    const stepMs = Math.min(250, Math.floor(everyMs / 20));
    for (let i = 0; !signal.aborted; i++) {
      const started = Date.now();
      await this.play(SCENARIO_NAMES[i % SCENARIO_NAMES.length], stepMs, signal);
      if (!(await this.timers.sleep(Math.max(0, everyMs - (Date.now() - started)), signal))) return;
    }
  }
}
