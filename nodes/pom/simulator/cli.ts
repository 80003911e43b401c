import { POM_SIMULATED_FAMILIES } from './catalogue';
import { PomKeyStyle } from './encode';
import { startPomPublisher } from './publisher';
import { PomDateStyle, PomSimulator, PomSimulatorOptions } from './simulator';

const USAGE = `Usage: simulate pom [options]

Publishes simulated Avaya POM Event SDK events (all ten families) to Kafka, on the default
topics POM.<org>.JOB ... POM.<org>.CCTRENDS, POM.HEARTBEAT and POM.INBOUNDSKILL.

Options:
  --org <name>            organization (default Default)
  --servers <a,b>         POM server names sending heartbeats (default pom-primary)
  --agents <n>            number of simulated agents (default 5)
  --seed <n>              random seed; the same seed gives the same records (default 1)
  --speed <x>             simulated seconds per real second (default 1)
  --duration <seconds>    stop after this much simulated time (default: run until Ctrl+C)
  --families <A,B>        only these families (${POM_SIMULATED_FAMILIES.join(',')})
  --malformed <share>     share 0..1 (below 1) of extra malformed records (default 0)
  --date-style <s>        epoch | gson | mixed (default epoch)
  --key-style <s>         camel | printed (default camel)
  --print                 write topic<TAB>key<TAB>value lines to stdout instead of publishing (needs --duration)
  --help                  show this help
`;

export interface PomCliOptions extends PomSimulatorOptions {
  speed?: number;
  durationMs?: number;
  families?: string[];
  print: boolean;
  help: boolean;
}

const VALUE_FLAGS = ['org', 'servers', 'agents', 'seed', 'speed', 'duration', 'families', 'malformed', 'date-style', 'key-style'];

export function parsePomCliArgs(argv: string[]): PomCliOptions {
  const opts: PomCliOptions = { print: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument "${argv[i]}"; see --help`);
    const [, flag, inline] = match;
    if (flag === 'print' || flag === 'help') {
      if (inline !== undefined) throw new Error(`--${flag} takes no value`);
      opts[flag] = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) throw new Error(`unknown option --${flag}; see --help`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    applyValue(opts, flag, value);
  }
  if (opts.print && opts.durationMs === undefined && !opts.help) throw new Error('--print needs --duration');
  return opts;
}

function applyValue(opts: PomCliOptions, flag: string, value: string): void {
  switch (flag) {
    case 'org':
      opts.org = value;
      break;
    case 'servers':
      opts.servers = list(value);
      if (opts.servers.length === 0) throw new Error('--servers needs at least one name');
      break;
    case 'families':
      opts.families = list(value).map((f) => f.toUpperCase());
      for (const f of opts.families) if (!POM_SIMULATED_FAMILIES.includes(f)) throw new Error(`--families: unknown family ${f}`);
      break;
    case 'agents':
      opts.agents = integer(flag, value, 1);
      break;
    case 'seed':
      opts.seed = integer(flag, value, 0);
      break;
    case 'speed':
      opts.speed = positive(flag, value);
      break;
    case 'duration':
      opts.durationMs = Math.round(positive(flag, value) * 1000);
      break;
    case 'malformed': {
      const n = Number(value);
      if (value.trim() === '' || !(n >= 0 && n < 1)) throw new Error('--malformed must be a number from 0 up to (not including) 1');
      opts.malformedShare = n;
      break;
    }
    case 'date-style':
      if (!['epoch', 'gson', 'mixed'].includes(value)) throw new Error('--date-style must be epoch, gson or mixed');
      opts.dateStyle = value as PomDateStyle;
      break;
    case 'key-style':
      if (value !== 'camel' && value !== 'printed') throw new Error('--key-style must be camel or printed');
      opts.keyStyle = value as PomKeyStyle;
      break;
  }
}

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) throw new Error(`--${flag} must be an integer >= ${min}`);
  return n;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!(n > 0 && Number.isFinite(n))) throw new Error(`--${flag} must be a positive number`);
  return n;
}

/** Entry point for scripts/simulate.js, which locates the broker; `brokers` is a comma-separated list. */
export async function runPomCli(argv: string[], brokers: string): Promise<void> {
  const opts = parsePomCliArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  let interrupted = false;
  let onInterrupt: () => void = () => undefined;
  const interrupt = (): void => {
    interrupted = true;
    onInterrupt();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    if (opts.print) await printRecords(opts, opts.durationMs as number, () => interrupted);
    else {
      const publisher = startPomPublisher({
        ...opts,
        brokers: list(brokers),
        onError: (err) => process.stderr.write(`pom simulator: ${err.message} (retrying)\n`),
      });
      onInterrupt = () => void publisher.stop();
      if (interrupted) onInterrupt();
      const realStart = Date.now();
      let lastSent = 0;
      const progress = setInterval(() => {
        const simulated = Math.round(((Date.now() - realStart) * (opts.speed ?? 1)) / 1000);
        process.stderr.write(`pom simulator: ${publisher.sent} records sent (+${publisher.sent - lastSent} in the last second), ` +
          `${simulated} s simulated\n`);
        lastSent = publisher.sent;
      }, 1000);
      try {
        await publisher.done;
      } finally {
        clearInterval(progress);
      }
      process.stderr.write(`pom simulator: done, ${publisher.sent} records sent\n`);
    }
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

async function printRecords(opts: PomCliOptions, durationMs: number, interrupted: () => boolean): Promise<void> {
  const out = process.stdout;
  const simulator = new PomSimulator(opts);
  const families = new Set(opts.families ?? POM_SIMULATED_FAMILIES);
  const end = simulator.now + durationMs;
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (err: NodeJS.ErrnoException): void => {
    failure = err;
  };
  out.on('error', onError);
  try {
    // A minute at a time keeps memory flat for long durations.
    while (simulator.now < end && !failure && !interrupted()) {
      for (const r of simulator.advanceTo(Math.min(end, simulator.now + 60000))) {
        if (!families.has(r.family)) continue;
        // Respect backpressure so a long --duration piped into a slow reader does not buffer everything.
        if (!out.write(`${r.topic}\t${r.key ?? ''}\t${r.value}\n`)) {
          await new Promise<void>((resolve) => {
            const wake = (): void => {
              out.off('drain', wake);
              out.off('error', wake);
              resolve();
            };
            out.on('drain', wake);
            out.on('error', wake);
          });
        }
        if (failure) break;
      }
    }
  } finally {
    out.off('error', onError);
  }
  // A reader that stops early (`| head`) is normal use of a printing tool, not an error.
  if (failure && failure.code !== 'EPIPE') throw failure;
}
