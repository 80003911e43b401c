import { commaList, parseCliFlags, printLines, superviseRun, trapInterrupts } from '../../shared/simulator/cli';
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

const FLAGS = {
  values: ['org', 'servers', 'agents', 'seed', 'speed', 'duration', 'families', 'malformed', 'date-style', 'key-style'],
  booleans: ['print', 'help'] as const,
};

export function parsePomCliArgs(argv: string[]): PomCliOptions {
  const opts: PomCliOptions = { print: false, help: false };
  for (const entry of parseCliFlags(argv, FLAGS)) {
    if (entry.value === true) opts[entry.flag] = true;
    else applyValue(opts, entry.flag, entry.value);
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
      opts.servers = commaList(value);
      if (opts.servers.length === 0) throw new Error('--servers needs at least one name');
      break;
    case 'families':
      opts.families = commaList(value).map((f) => f.toUpperCase());
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
  if (opts.print) {
    let interrupted = false;
    const release = trapInterrupts(() => {
      interrupted = true;
    });
    try {
      await printLines(recordLines(opts, opts.durationMs as number, () => interrupted));
    } finally {
      release();
    }
    return;
  }
  const publisher = startPomPublisher({
    ...opts,
    brokers: commaList(brokers),
    onError: (err) => process.stderr.write(`pom simulator: ${err.message} (retrying)\n`),
  });
  const realStart = Date.now();
  await superviseRun(publisher, (sent, recent) => {
    const simulated = Math.round(((Date.now() - realStart) * (opts.speed ?? 1)) / 1000);
    return `pom simulator: ${sent} records sent (+${recent} in the last second), ${simulated} s simulated`;
  });
  process.stderr.write(`pom simulator: done, ${publisher.sent} records sent\n`);
}

function* recordLines(opts: PomCliOptions, durationMs: number, interrupted: () => boolean): Generator<string, void> {
  const simulator = new PomSimulator(opts);
  const families = new Set(opts.families ?? POM_SIMULATED_FAMILIES);
  const end = simulator.now + durationMs;
  // A minute at a time keeps memory flat for long durations.
  while (simulator.now < end && !interrupted()) {
    for (const r of simulator.advanceTo(Math.min(end, simulator.now + 60000))) {
      if (families.has(r.family)) yield `${r.topic}\t${r.key ?? ''}\t${r.value}\n`;
    }
  }
}
