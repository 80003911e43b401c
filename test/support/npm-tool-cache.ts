import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const DONE = '.cc-installed';
/** A scratch folder this old is left over from an install that was killed, not one still running. */
const STALE_MS = 60 * 60 * 1000;

/**
 * npm packages the tests run but the pack never depends on (Node-RED 5, Node 22, node-red-dev), installed once into
 * the temp folder and kept between runs. The install goes to a scratch folder that is marked and renamed into place
 * only when npm succeeded, so an interrupted install is never mistaken for a finished one, and two runs installing at
 * once keep whichever finished first.
 */
export function cachedNpmInstall(name: string, packages: string[]): string {
  const dir = path.join(os.tmpdir(), name);
  if (fs.existsSync(path.join(dir, DONE))) return dir;
  sweepStaleScratch(name);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-installing-`));
  try {
    fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name, private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', ...packages], { cwd: scratch, stdio: 'pipe' });
    fs.writeFileSync(path.join(scratch, DONE), packages.join('\n'));
    if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, DONE))) fs.rmSync(dir, { recursive: true, force: true });
    try {
      fs.renameSync(scratch, dir);
    } catch (err) {
      // Another run finished first: its folder is as good as ours.
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !fs.existsSync(path.join(dir, DONE))) throw err;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

function sweepStaleScratch(name: string): void {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (!entry.startsWith(`${name}-installing-`)) continue;
    const scratch = path.join(os.tmpdir(), entry);
    const age = Date.now() - fs.statSync(scratch).mtimeMs;
    if (age > STALE_MS) fs.rmSync(scratch, { recursive: true, force: true });
  }
}
