import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { cachedNpmInstall } from './npm-tool-cache';

/**
 * The Flow Library scorecard is `node-red-dev validate`. The version is pinned because the findings are read from its
 * messages, and those have no stable format.
 */
const NODE_RED_DEV = 'node-red-dev@0.1.6';

/** The checks node-red-dev 0.1.6 runs (its P02 is disabled upstream), in the order it reports them. */
export const CHECKS = ['P01', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'N01', 'N02', 'D01', 'D02', 'D03'] as const;
export type Check = (typeof CHECKS)[number];

/** These compare the pack with the Flow Library's catalogue, which only catalogue.nodered.org serves. */
export const CATALOGUE_CHECKS: readonly Check[] = ['P08', 'N01'];
const CATALOGUE_HOST = 'catalogue.nodered.org';

/**
 * Messages that carry no check code, with the checks they speak for. An unreadable node HTML or dependency is
 * printed, not warned, and the check then passes on what it could read, so those lines count as findings too.
 */
const UNCODED: Array<[RegExp, Check[]]> = [
  [/^No License Specified/, ['P01']],
  [/^Duplicate nodename/, ['N01']],
  [/^(Examples not found|No examples found|Unable to read example)/, ['N02']],
  [/^(No nodes declared|Unable to parse)/, ['N01', 'N02']],
  [/^could not (load|find a satisfactory version)/, ['D02']],
];

/** What node-red-dev prints when all is well: the section heads, the package line, the ticks and its last word. */
const PROGRESS = /^(\s*---Validating \w+---|\s+\S+@\S+|✅ .*|Complete|)$/;

export interface Scorecard {
  /** Per check: every warning and error node-red-dev gave for it, and its own verdict when that is a fail. */
  findings: Record<Check, string[]>;
  /** Warnings, errors and other output that no check can be named for. */
  unattributed: string[];
  /** Why the catalogue could not be fetched, when it could not: then the catalogue checks ran on an empty one. */
  catalogueUnreachable?: string;
}

/** node-red-dev from npm; never a dependency of the pack. */
export function nodeRedDev(): string {
  return path.join(cachedNpmInstall(`cc-${NODE_RED_DEV.replace('@', '-')}`, [NODE_RED_DEV]), 'node_modules', 'node-red-dev', 'bin', 'run');
}

/** Unpacks an npm tarball the way the Flow Library does before validating it: the package folder, no node_modules. */
export function unpack(tarball: string, into: string): string {
  fs.mkdirSync(into, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', into, '--strip-components=1']);
  return into;
}

/** Runs `node-red-dev validate` on an unpacked package and sorts what it says by check. */
export function validate(packageDir: string): Scorecard {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-scorecard-'));
  try {
    const cardFile = path.join(work, 'scorecard.json');
    const catalogueLog = path.join(work, 'catalogue-unreachable.log');
    // --no-warnings: Node's own deprecation notices about node-red-dev's dependencies are not findings about the pack.
    const run = spawnSync(process.execPath, ['--no-warnings', '--require', __filename, nodeRedDev(), 'validate', '--path', packageDir, '--output', cardFile], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000,
      env: { ...process.env, CC_SCORECARD_CATALOGUE_LOG: catalogueLog },
    });
    if (run.status !== 0 || !fs.existsSync(cardFile)) {
      throw new Error(`node-red-dev validate failed (exit ${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    }
    const scorecard = readFindings(run.stdout, run.stderr, JSON.parse(fs.readFileSync(cardFile, 'utf8')));
    if (fs.existsSync(catalogueLog)) scorecard.catalogueUnreachable = fs.readFileSync(catalogueLog, 'utf8').trim().split('\n')[0];
    return scorecard;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function readFindings(stdout: string, stderr: string, card: Record<string, { test?: boolean } | undefined>): Scorecard {
  const findings = Object.fromEntries(CHECKS.map((check) => [check, [] as string[]])) as Record<Check, string[]>;
  const unattributed: string[] = [];
  const file = (message: string) => {
    const coded = /^([PND]\d\d) /.exec(message)?.[1];
    const checks = coded ? CHECKS.filter((check) => check === coded) : UNCODED.find(([pattern]) => pattern.test(message))?.[1] ?? [];
    if (checks.length === 0) unattributed.push(message);
    for (const check of checks) findings[check].push(message);
  };
  for (const line of stdout.split('\n')) if (!PROGRESS.test(line)) file(line.trim());
  // oclif prints each warning as ` ›   Warning: <message>`, one line since the preload below widens its screen.
  for (const line of stderr.split('\n')) {
    if (line.trim() === '') continue;
    const warning = /^ › {3}Warning: (.*)$/.exec(line);
    if (warning) file(warning[1]);
    else unattributed.push(line);
  }
  // The scorecard's own verdict as well: P05, for one, warns but still records a pass.
  for (const check of CHECKS) {
    const verdict = card[check];
    if (verdict?.test !== true) findings[check].push(`scorecard: ${JSON.stringify(verdict ?? 'not reported')}`);
  }
  return { findings, unattributed };
}

interface AxiosConfig { url?: string; timeout?: number }
interface AxiosError { config?: AxiosConfig; response?: unknown; message: string }
interface Axios {
  interceptors: {
    request: { use(onFulfilled: (config: AxiosConfig) => AxiosConfig): void };
    response: { use(onFulfilled: undefined, onRejected: (error: AxiosError) => unknown): void };
  };
}

/**
 * In node-red-dev's process, this file is its --require preload. Where catalogue.nodered.org cannot be reached,
 * node-red-dev stops at P08 and never runs the checks after it; so a catalogue request that gets no HTTP answer at
 * all is given an empty catalogue, and the reason is logged so the test reports both catalogue checks as not run.
 * Where the catalogue answers, it is used as it is, an HTTP error included.
 */
function prepareValidatorProcess(catalogueLog: string): void {
  // oclif wraps warnings at 80 columns when not on a terminal; it reads this global instead when set.
  (globalThis as { columns?: number }).columns = 10000;
  const axios = require(require.resolve('axios', { paths: [path.dirname(process.argv[1])] })) as Axios;
  const isCatalogue = (config?: AxiosConfig) => config?.url !== undefined && new URL(config.url).host === CATALOGUE_HOST;
  axios.interceptors.request.use((config) => (isCatalogue(config) ? { ...config, timeout: config.timeout || 20000 } : config));
  axios.interceptors.response.use(undefined, (error) => {
    if (!isCatalogue(error.config) || error.response !== undefined) return Promise.reject(error);
    fs.appendFileSync(catalogueLog, `${error.message}\n`);
    return { data: { modules: [] }, status: 200, statusText: 'OK', headers: {}, config: error.config };
  });
}

const catalogueLog = process.env.CC_SCORECARD_CATALOGUE_LOG;
if (catalogueLog) prepareValidatorProcess(catalogueLog);
