'use strict';
// Runs before `npm test` and `npm start`: installs the npm packages if this is a fresh clone and
// builds when the compiled output is missing or older than the sources. System parts (kcat, ...)
// are installed by the scripts that start them (scripts/lib/*).
const fs = require('fs');
const path = require('path');
const { execFileSync, execSync } = require('child_process');

const root = path.resolve(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[setup] installing npm packages');
  execSync(fs.existsSync(path.join(root, 'package-lock.json')) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

const builtAt = fs.existsSync(path.join(root, 'build')) ? newestMtime(path.join(root, 'build')) : 0;
const sourcesAt = Math.max(
  newestMtime(path.join(root, 'nodes')), newestMtime(path.join(root, 'test')), newestMtime(path.join(root, 'icons')),
  fs.statSync(path.join(root, 'package.json')).mtimeMs, fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (sourcesAt > builtAt) {
  console.log('[setup] building');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
}
