'use strict';
// Makes sure a command from a Debian package is on the PATH, installing it when we are root on
// Debian; otherwise says exactly what to install.
const fs = require('fs');
const { execSync, spawnSync } = require('child_process');

let aptUpdated = false;

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function install(what, debianPackage, present) {
  if (present()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    throw new Error(`${what} is needed: install the Debian package '${debianPackage}' (apt-get install ${debianPackage}) and run again`);
  }
  console.log(`[setup] installing ${debianPackage} from Debian`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A fresh CI machine may still run its own apt jobs, and a mirror may drop a request: wait and retry rather than fail.
  const options = '-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3';
  if (!aptUpdated) {
    execSync(`apt-get ${options} update -qq`, { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execSync(`apt-get ${options} install -y -qq ${debianPackage}`, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (!present()) throw new Error(`installed ${debianPackage} but ${what} is still missing`);
}

function ensureCommand(command, debianPackage) {
  install(`'${command}'`, debianPackage, () => has(command));
}

function ensureFile(file, debianPackage) {
  install(file, debianPackage, () => fs.existsSync(file));
}

module.exports = { ensureCommand, ensureFile };
