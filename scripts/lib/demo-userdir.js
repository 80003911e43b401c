'use strict';
// Lays out the project-local Node-RED user directory for `npm start`: the pack linked in as an
// installed module, settings bound to 127.0.0.1, and the example flows deployed against the
// demo's own brokers and simulators.
const fs = require('fs');
const path = require('path');

function linkPack(userDir, root) {
  const pkg = require(path.join(root, 'package.json'));
  const link = path.join(userDir, 'node_modules', ...pkg.name.split('/'));
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(root, link, 'dir');
  fs.writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({
    name: 'cc-demo-userdir', private: true, dependencies: { [pkg.name]: `file:${root}` },
  }, null, 2));
}

/** Example flows with each config node pointed at what the demo runs (e.g. { 'cc-kafka-broker': { brokers } }). */
function demoFlows(root, endpoints) {
  const examples = path.join(root, 'examples');
  const flows = [];
  for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.json')).sort()) {
    for (const node of JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8'))) {
      flows.push({ ...node, ...(endpoints[node.type] || {}) });
    }
  }
  return flows;
}

/**
 * The demo's credentials (the simulators' test secrets) for every node of a type, e.g. { 'cc-finesse-agent': { password } },
 * or for one node by its id, which wins.
 */
function demoCredentials(flows, credentials) {
  const byId = {};
  for (const node of flows) {
    const own = credentials[node.id] || credentials[node.type];
    if (own) byId[node.id] = own;
  }
  return byId;
}

function prepareUserDir({ userDir, root, port, endpoints, credentials = {} }) {
  fs.mkdirSync(userDir, { recursive: true });
  linkPack(userDir, root);
  const flows = demoFlows(root, endpoints);
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows, null, 2));
  // credentialSecret is false in the demo's settings, so Node-RED reads this file as plain JSON.
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(demoCredentials(flows, credentials), null, 2));
  fs.writeFileSync(path.join(userDir, 'settings.js'), `module.exports = {
    uiHost: '127.0.0.1',
    uiPort: ${port},
    flowFile: 'flows.json',
    credentialSecret: false,
    logging: { console: { level: 'info', metrics: false, audit: false } },
    editorTheme: { tours: false, projects: { enabled: false } },
    telemetry: { enabled: false, updateNotification: false },
};
`);
}

module.exports = { prepareUserDir };
