'use strict';
// Makes sure a command from a Debian package is on the PATH, installing it when we are root on
// Debian; otherwise says exactly what to install.
const { execSync, spawnSync } = require('child_process');

let aptUpdated = false;

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureCommand(command, debianPackage) {
  if (has(command)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    throw new Error(`'${command}' is needed: install the Debian package '${debianPackage}' (apt-get install ${debianPackage}) and run again`);
  }
  console.log(`[setup] installing ${debianPackage} from Debian`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execSync('apt-get update -qq', { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execSync(`apt-get install -y -qq ${debianPackage}`, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (!has(command)) throw new Error(`installed ${debianPackage} but '${command}' is still not on the PATH`);
}

module.exports = { ensureCommand };
