import { commaList, parseCliFlags, printLines, superviseRun } from '../../shared/simulator/cli';
import { GenesysDialect } from './dialect';
import { startGenesysPublisher } from './publisher';
import { GenesysSimulator, GenesysSimulatorOptions } from './stream';

const USAGE = `Usage: simulate genesys [options]

Publishes simulated Genesys Voice Microservices voice-agentstate events to Kafka.

Options:
  --topic <name>          Kafka topic (default voice-agentstate)
  --agents <n>            number of simulated agents (default 5)
  --rate <n>              records per second (default 5)
  --count <n>             stop after n records (default: run until Ctrl+C)
  --seed <n>              random seed; the same seed gives the same records (default 1)
  --tenant <id>           tenant id used in record keys (default acme)
  --malformed <share>     share 0..1 of malformed records (default 0)
  --unknown <share>       share 0..1 of records with undocumented event ids (default 0)
  --dialect <d>           canonical | mixed (default canonical)
  --print                 write key<TAB>value lines to stdout instead of publishing (needs --count)
  --help                  show this help
`;

interface CliOptions extends GenesysSimulatorOptions {
  topic?: string;
  rate?: number;
  count?: number;
  print: boolean;
  help: boolean;
}

const FLAGS = {
  values: ['topic', 'agents', 'rate', 'count', 'seed', 'tenant', 'malformed', 'unknown', 'dialect'],
  booleans: ['print', 'help'] as const,
};

export function parseGenesysCliArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { print: false, help: false };
  for (const entry of parseCliFlags(argv, FLAGS)) {
    if (entry.value === true) opts[entry.flag] = true;
    else applyValue(opts, entry.flag, entry.value);
  }
  if (opts.print && opts.count === undefined) throw new Error('--print needs --count');
  return opts;
}

function applyValue(opts: CliOptions, flag: string, value: string): void {
  switch (flag) {
    case 'topic':
      opts.topic = value;
      break;
    case 'tenant':
      opts.tenant = value;
      break;
    case 'dialect':
      if (value !== 'canonical' && value !== 'mixed') throw new Error('--dialect must be canonical or mixed');
      opts.dialect = value as GenesysDialect;
      break;
    case 'agents':
      opts.agents = integer(flag, value, 1);
      break;
    case 'count':
      opts.count = integer(flag, value, 0);
      break;
    case 'seed':
      opts.seed = integer(flag, value, 0);
      break;
    case 'rate':
      opts.rate = Number(value);
      if (!(opts.rate > 0 && Number.isFinite(opts.rate))) throw new Error('--rate must be a positive number');
      break;
    case 'malformed':
      opts.malformedShare = fraction(flag, value);
      break;
    case 'unknown':
      opts.unknownShare = fraction(flag, value);
      break;
  }
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be an integer >= ${min}`);
  return n;
}

function fraction(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new Error(`--${flag} must be a number between 0 and 1`);
  return n;
}

/** Entry point for scripts/simulate.js, which locates the broker; `brokers` is a comma-separated list. */
export async function runGenesysCli(argv: string[], brokers: string): Promise<void> {
  const opts = parseGenesysCliArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (opts.print) return printLines(recordLines(opts, opts.count as number));

  const topic = opts.topic ?? 'voice-agentstate';
  const rate = opts.rate ?? 5;
  const publisher = startGenesysPublisher({
    ...opts,
    brokers: commaList(brokers),
    topic,
    ratePerSecond: rate,
    onError: (err) => process.stderr.write(`genesys simulator: ${err.message} (retrying)\n`),
  });
  await superviseRun(publisher, (sent, recent) => `genesys simulator: ${sent} records sent to ${topic} (+${recent} in the last second)`);
  process.stderr.write(`genesys simulator: done, ${publisher.sent} records sent to ${topic}\n`);
}

function* recordLines(opts: GenesysSimulatorOptions, count: number): Generator<string, void> {
  const simulator = new GenesysSimulator(opts);
  for (let i = 0; i < count; i++) {
    const { key, value } = simulator.next();
    yield `${key ?? ''}\t${value}\n`;
  }
}
