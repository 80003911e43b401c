/** The `simulate axp` command line: runs the AXP simulator on loopback until Ctrl+C, with demo traffic. */
import { parseCliFlags, trapInterrupts } from '../../shared/simulator/cli';
import { DEFAULT_CLIENT } from './options';
import { AxpSimulator } from './simulator';
import { RequestRecord } from './rest-router';

const USAGE = `Usage: simulate axp [options]

Runs a simulated Avaya Experience Platform on 127.0.0.1: the A&A token endpoint, the
Notification API (subscriptions) and the agent & engagement WebSocket, plus a control
API under /__sim/.

Options:
  --port <n>              HTTP and WebSocket port (default 8090; 0 = any free port)
  --account <id>          account id, six letters (default DYNNUG)
  --client-id <id>        client id (default node-red)
  --client-secret <s>     client secret (default secret)
  --traffic-every <s>     start a scenario every s seconds (default 5; 0 = no traffic)
  --ping-interval <s>     the longest gap allowed between client pings (default 300)
  --help                  show this help
`;

export interface AxpCliOptions {
  port: number;
  accountId: string;
  clientId: string;
  clientSecret: string;
  trafficEverySeconds: number;
  pingIntervalS: number;
  help: boolean;
}

const FLAGS = { values: ['port', 'account', 'client-id', 'client-secret', 'traffic-every', 'ping-interval'], booleans: ['help'] as const };

export function parseAxpCliArgs(argv: string[]): AxpCliOptions {
  const opts: AxpCliOptions = {
    port: 8090, accountId: 'DYNNUG', clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret,
    trafficEverySeconds: 5, pingIntervalS: 300, help: false,
  };
  for (const entry of parseCliFlags(argv, FLAGS)) {
    if (entry.value === true) {
      opts.help = true;
      continue;
    }
    const { flag, value } = entry;
    if (flag === 'port') opts.port = integer(flag, value, 0, 65535);
    else if (flag === 'account') {
      if (!/^[A-Za-z]{6}$/.test(value)) throw new Error('--account must be six letters, like DYNNUG');
      opts.accountId = value;
    } else if (flag === 'client-id') opts.clientId = nonEmpty(flag, value);
    else if (flag === 'client-secret') opts.clientSecret = nonEmpty(flag, value);
    else if (flag === 'traffic-every') {
      const n = Number(value);
      if (value.trim() === '' || !(Number.isFinite(n) && n >= 0)) throw new Error('--traffic-every must be a number of seconds >= 0');
      opts.trafficEverySeconds = n;
    } else if (flag === 'ping-interval') opts.pingIntervalS = integer(flag, value, 1, 86400);
  }
  return opts;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new Error(`--${flag} must be an integer from ${min} to ${max}`);
  return n;
}

function nonEmpty(flag: string, value: string): string {
  if (value === '') throw new Error(`--${flag} must not be empty`);
  return value;
}

function banner(sim: AxpSimulator, opts: AxpCliOptions): string {
  const { url } = sim;
  const ws = url.replace(/^http/, 'ws');
  return [
    `AXP simulator on ${url}`,
    `  account id         ${opts.accountId}`,
    `  client id          ${opts.clientId}`,
    `  client secret      ${opts.clientSecret}`,
    `  token URL          ${sim.tokenUrl}`,
    `                     (also ${url}/auth/realms/${opts.accountId}/protocol/openid-connect/token)`,
    `  Notification API   ${url}/api/notification/v1/accounts/${opts.accountId}/subscriptions`,
    `  WebSocket          ${ws}/ws/notification/v1/agent-engagement/${opts.accountId}/<subscriptionId>`,
    `  control API        ${url}/__sim/ (GET subscriptions, POST scenarios/inboundCall, POST faults/auth ...)`,
    `  traffic            ${opts.trafficEverySeconds > 0 ? `a scenario every ${opts.trafficEverySeconds} s` : 'off'}`,
    `In a cc-axp-account node use API host ${url}, account ${opts.accountId}, client id ${opts.clientId} and client secret ${opts.clientSecret}.`,
    'Ctrl+C stops the simulator.',
    '',
  ].join('\n');
}

const requestLine = (r: RequestRecord): string => `axp simulator: ${r.method} ${r.path} -> ${r.status}\n`;

/** Entry point for scripts/simulate.js. */
export async function runAxpCli(argv: string[]): Promise<void> {
  const opts = parseAxpCliArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const log = (line: string): void => void process.stderr.write(`axp simulator: ${line}\n`);
  const sim = new AxpSimulator({
    port: opts.port, accountId: opts.accountId, clients: [{ clientId: opts.clientId, clientSecret: opts.clientSecret }],
    pingIntervalS: opts.pingIntervalS, log,
  });
  sim.on('request', (r: RequestRecord) => process.stderr.write(requestLine(r)));
  sim.on('authenticated', (id: string) => log(`socket authenticated for subscription ${id}`));
  sim.on('socket-closed', (c: { code: number; reason: string; subscriptionId?: string }) =>
    log(`socket closed ${c.code}${c.reason ? ` (${c.reason})` : ''}${c.subscriptionId ? ` for subscription ${c.subscriptionId}` : ''}`));
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
