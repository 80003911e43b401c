/** The `simulate analytics` command line: runs the Analytics simulator on loopback until Ctrl+C, with demo traffic. */
import { parseCliFlags, trapInterrupts } from '../../shared/simulator/cli';
import { RequestRecord } from './context';
import { DEFAULT_USERS } from './options';
import { WS_PATH } from './paths';
import { AnalyticsSimulator } from './simulator';

const USAGE = `Usage: simulate analytics [options]

Runs a simulated Avaya Analytics REST & WebSocket Open Interface on 127.0.0.1:
orca-streams-rest (login, sources, producers, dictionaries, subscriptions, dimension
data), the data publisher's WebSocket, and a control API under /__sim/.

Options:
  --port <n>              HTTP and WebSocket port (default 8091; 0 = any free port)
  --traffic-every <s>     a random agent state change or contact every s seconds (default 2; 0 = no traffic)
  --heartbeat <s>         heartbeat interval both ways, in seconds (default 8)
  --help                  show this help
`;

export interface AnalyticsCliOptions {
  port: number;
  trafficEverySeconds: number;
  heartbeatSeconds: number;
  help: boolean;
}

const FLAGS = { values: ['port', 'traffic-every', 'heartbeat'], booleans: ['help'] as const };

export function parseAnalyticsCliArgs(argv: string[]): AnalyticsCliOptions {
  const opts: AnalyticsCliOptions = { port: 8091, trafficEverySeconds: 2, heartbeatSeconds: 8, help: false };
  for (const entry of parseCliFlags(argv, FLAGS)) {
    if (entry.value === true) {
      opts.help = true;
      continue;
    }
    const { flag, value } = entry;
    const n = Number(value);
    const number = value.trim() !== '' && Number.isFinite(n);
    if (flag === 'port') {
      if (!(number && Number.isInteger(n) && n >= 0 && n <= 65535)) throw new Error('--port must be an integer from 0 to 65535');
      opts.port = n;
    } else if (flag === 'traffic-every') {
      if (!(number && n >= 0)) throw new Error('--traffic-every must be a number of seconds >= 0');
      opts.trafficEverySeconds = n;
    } else if (flag === 'heartbeat') {
      if (!(number && n > 0)) throw new Error('--heartbeat must be a number of seconds > 0');
      opts.heartbeatSeconds = n;
    }
  }
  return opts;
}

function banner(sim: AnalyticsSimulator, opts: AnalyticsCliOptions): string {
  const base = sim.baseUrl;
  const origin = base.slice(0, base.indexOf('/', 'http://'.length));
  const users = DEFAULT_USERS.map((u) => `${u.username} / ${u.password}${u.supervisor ? ' (supervisor)' : ' (not a supervisor: 403 on subscribe)'}`);
  return [
    `Analytics simulator on ${base}`,
    `  login              ${base}/users/login?tenant=0&username=...&password=...`,
    `  users              ${users.join(', ')}`,
    `  WebSocket          ${origin.replace(/^http/, 'ws')}${WS_PATH}`,
    `  control API        ${origin}/__sim/ (GET state, POST agents/state, POST contacts, POST failover ...)`,
    `  heartbeat          every ${opts.heartbeatSeconds} s`,
    `  traffic            ${opts.trafficEverySeconds > 0 ? `a change every ${opts.trafficEverySeconds} s` : 'off'}`,
    `In a cc-analytics-server node use base URL ${base}, username ${DEFAULT_USERS[0].username} and password ${DEFAULT_USERS[0].password}.`,
    'Ctrl+C stops the simulator.',
    '',
  ].join('\n');
}

const requestLine = (r: RequestRecord): string => `analytics simulator: ${r.method} ${r.path} -> ${r.status}\n`;

/** Entry point for scripts/simulate.js. */
export async function runAnalyticsCli(argv: string[]): Promise<void> {
  const opts = parseAnalyticsCliArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const log = (line: string): void => void process.stderr.write(`analytics simulator: ${line}\n`);
  const sim = new AnalyticsSimulator({ port: opts.port, heartbeatMs: opts.heartbeatSeconds * 1000, log });
  sim.on('request', (r: RequestRecord) => process.stderr.write(requestLine(r)));
  sim.on('redirect', (r: { guid: string; eventName: string }) => log(`${r.eventName} for ${r.guid}`));
  sim.on('socket-closed', (c: { code: number; reason: string }) => log(`socket closed ${c.code}${c.reason ? ` (${c.reason})` : ''}`));
  await sim.start();
  process.stdout.write(banner(sim, opts));
  if (opts.trafficEverySeconds > 0) sim.startTraffic(opts.trafficEverySeconds * 1000);
  await new Promise<void>((resolve) => {
    const release = trapInterrupts(() => {
      release();
      resolve();
    });
  });
  await sim.stop();
  log(`stopped after ${sim.requests.length} requests`);
}
