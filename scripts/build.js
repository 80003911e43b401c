'use strict';
// Compiles the TypeScript and lays each node's editor files beside its compiled .js, where the
// Node-RED loader looks for them (<dir>/<type>.html, <dir>/locales/<lang>/, <dir>/icons/).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const build = path.join(root, 'build');

function copyTree(from, to, keep) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst, keep);
    else if (keep(src)) {
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.copyFileSync(src, dst);
    }
  }
}

fs.rmSync(build, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });

const nodesSrc = path.join(root, 'nodes');
copyTree(nodesSrc, path.join(build, 'nodes'), (f) => f.endsWith('.html') || f.includes(`${path.sep}locales${path.sep}`));

const nodeMap = require(path.join(root, 'package.json'))['node-red'].nodes;
for (const file of Object.values(nodeMap)) {
  copyTree(path.join(root, 'icons'), path.join(root, path.dirname(file), 'icons'), () => true);
}
