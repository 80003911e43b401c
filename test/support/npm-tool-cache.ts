import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * npm packages the tests run but the pack never depends on (Node-RED 5, Node 22, node-red-dev), installed once into
 * the temp folder and kept between runs. The install goes to a scratch folder that is renamed into place only when
 * npm succeeded, so an interrupted install is never mistaken for a finished one.
 */
export function cachedNpmInstall(name: string, packages: string[]): string {
  const dir = path.join(os.tmpdir(), name);
  if (fs.existsSync(path.join(dir, 'package-lock.json'))) return dir;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-installing-`));
  try {
    fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name, private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', ...packages], { cwd: scratch, stdio: 'pipe' });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(scratch, dir);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}
