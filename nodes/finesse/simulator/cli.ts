/** The `simulate finesse` command line: runs the GC simulator on ActiveMQ until Ctrl+C, optionally with demo traffic. */
import { commaList, parseCliFlags, trapInterrupts } from '../../shared/simulator/cli';
import { DEFAULT_EXTENSIONS, DEFAULT_ROSTER } from './fixtures';
import { FinesseFlavor, SimAgent } from './options';
import { GcCommandRecord, GcSimulator } from './simulator';
import { startCallGenerator } from './call-generator';

const USAGE = `Usage: simulate finesse [options]

Runs a simulated Cisco Finesse Generic Connector on ActiveMQ: it consumes commands from
/queue/<queue> and answers on each client's topic, like GC does.

Options:
  --queue <name>          command queue (default Connector1)
  --agents <n | list>     n agents 1001.. with password 'secret' and extensions 5001.. (default 4),
                          or id:password,id:password (any all-digit extension then logs in)
  --calls-every <s>       offer an inbound call to a random READY agent every s seconds; the caller
                          hangs up after a while (default 0 = off)
  --flavor <UCCE|UCCX>    Finesse flavour (default UCCE)
  --wrap-up <s>           wrap-up timer in seconds (default 5)
  --help                  show this help
`;

export interface FinesseCliOptions {
  queue: string;
  agents: SimAgent[];
  extensions?: string[];
  callsEverySeconds: number;
  flavor: FinesseFlavor;
  wrapUpSeconds: number;
  help: boolean;
}

const FLAGS = { values: ['queue', 'agents', 'calls-every', 'flavor', 'wrap-up'], booleans: ['help'] as const };

export function parseFinesseCliArgs(argv: string[]): FinesseCliOptions {
  const opts: FinesseCliOptions = {
    queue: 'Connector1', agents: roster(4), extensions: DEFAULT_EXTENSIONS.slice(), callsEverySeconds: 0, flavor: 'UCCE', wrapUpSeconds: 5, help: false,
  };
  for (const entry of parseCliFlags(argv, FLAGS)) {
    if (entry.value === true) {
      opts.help = true;
      continue;
    }
    const { flag, value } = entry;
    if (flag === 'queue') {
      if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw new Error('--queue must be a plain queue name');
      opts.queue = value;
    } else if (flag === 'agents') {
      Object.assign(opts, agentsFlag(value));
    } else if (flag === 'calls-every') {
      opts.callsEverySeconds = seconds(flag, value);
    } else if (flag === 'flavor') {
      if (value !== 'UCCE' && value !== 'UCCX') throw new Error('--flavor must be UCCE or UCCX');
      opts.flavor = value;
    } else if (flag === 'wrap-up') {
      opts.wrapUpSeconds = seconds(flag, value);
    }
  }
  return opts;
}

function agentsFlag(value: string): Pick<FinesseCliOptions, 'agents' | 'extensions'> {
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    if (n < 1 || n > 99) throw new Error('--agents must be from 1 to 99, or a list id:password,...');
    return { agents: roster(n), extensions: Array.from({ length: n }, (_, i) => String(5001 + i)) };
  }
  const agents = commaList(value).map((item) => {
    const colon = item.indexOf(':');
    if (colon <= 0 || colon === item.length - 1) throw new Error(`--agents: "${item.split(':')[0]}" needs the form id:password`);
    return { id: item.slice(0, colon), password: item.slice(colon + 1) };
  });
  if (agents.length === 0) throw new Error('--agents needs at least one agent');
  return { agents, extensions: undefined };
}

/** The default roster's named agents first, then numbered ones, all with password 'secret'. */
function roster(n: number): SimAgent[] {
  return Array.from({ length: n }, (_, i) => DEFAULT_ROSTER[i] ?? { id: String(1001 + i), password: 'secret', lastName: `Agent${1001 + i}` });
}

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`--${flag} must be a number of seconds >= 0`);
  return n;
}

/** One compact line per command; bodies arrive with passwords already masked. */
export function commandLine(record: GcCommandRecord): string {
  const body = record.body === '' ? '' : ` ${record.body}`;
  return `gc simulator: ${record.expired ? '(expired, dropped) ' : ''}${record.type}${body}\n`;
}

/** Entry point for scripts/simulate.js, which locates the broker; `stomp` is host:port. */
export async function runFinesseCli(argv: string[], stomp: string): Promise<void> {
  const opts = parseFinesseCliArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const match = /^(.+):([0-9]+)$/.exec(stomp);
  if (!match) throw new Error(`the STOMP address must be host:port, not "${stomp}"`);
  const log = (line: string): void => void process.stderr.write(`gc simulator: ${line}\n`);
  const sim = new GcSimulator({
    stomp: { host: match[1], port: Number(match[2]) }, commandQueue: opts.queue, agents: opts.agents, extensions: opts.extensions,
    flavor: opts.flavor, wrapUpMs: opts.wrapUpSeconds * 1000, log,
  });
  sim.on('command', (record: GcCommandRecord) => process.stderr.write(commandLine(record)));
  sim.on('disconnected', () => log('broker connection lost; reconnecting'));
  sim.on('connected', () => log(`consuming /queue/${opts.queue} on ${stomp}`));
  await sim.start();
  log(`agents: ${opts.agents.map((a) => a.id).join(', ')}${opts.extensions ? `; extensions ${opts.extensions.join(', ')}` : ''}`);
  const calls = opts.callsEverySeconds > 0 ? startCallGenerator(sim, opts.agents.map((a) => a.id), opts.callsEverySeconds * 1000, log) : undefined;
  await new Promise<void>((resolve) => {
    const release = trapInterrupts(() => {
      release();
      resolve();
    });
  });
  calls?.stop();
  await sim.stop();
  log(`stopped after ${sim.commandsHandled} commands`);
}
