'use strict';
// `npm run simulate -- <vendor> [flags]`: runs a vendor simulator against the broker it needs. Kafka
// simulators use KAFKA_BROKERS / --brokers or a mock cluster started here; the GC simulator uses
// ACTIVEMQ_STOMP / --stomp or an ActiveMQ started here; the AXP simulator serves HTTP and WebSocket
// itself. What this script starts it stops on exit.
const path = require('path');
const { startKafka } = require('./lib/kafka-broker');
const { startActiveMq } = require('./lib/activemq-broker');

const root = path.resolve(__dirname, '..');
const cli = (vendor, name) => () => require(path.join(root, 'build', 'nodes', vendor, 'simulator', 'cli'))[name];
const SIMULATORS = {
  genesys: { run: cli('genesys', 'runGenesysCli'), flag: '--brokers', start: async () => { const k = await startKafka(); return { address: k.brokers, stop: k.stop, what: 'Kafka' }; } },
  pom: { run: cli('pom', 'runPomCli'), flag: '--brokers', start: async () => { const k = await startKafka(); return { address: k.brokers, stop: k.stop, what: 'Kafka' }; } },
  finesse: { run: cli('finesse', 'runFinesseCli'), flag: '--stomp', start: async () => { const a = await startActiveMq(); return { address: a.stomp, stop: a.stop, what: 'ActiveMQ STOMP' }; } },
  // The AXP simulator is the server itself: no broker to start.
  axp: { run: cli('axp', 'runAxpCli') },
  analytics: { run: cli('analytics', 'runAnalyticsCli') },
};

function takeFlag(argv, name) {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = argv.splice(i, 2);
  return value;
}

async function main() {
  const argv = process.argv.slice(2);
  const vendor = argv.shift();
  const simulator = SIMULATORS[vendor];
  if (!simulator) {
    console.error(`usage: npm run simulate -- <${Object.keys(SIMULATORS).join('|')}> [--brokers host:port | --stomp host:port] [--help]`);
    process.exit(2);
  }
  if (!simulator.flag) {
    await simulator.run()(argv);
    process.exit(0);
  }
  const explicit = takeFlag(argv, simulator.flag);
  const printing = argv.includes('--print') || argv.includes('--help');
  const broker = explicit || printing ? { address: explicit || '', stop: async () => {} } : await simulator.start();
  if (!explicit && !printing) console.error(`[simulate] ${broker.what} at ${broker.address}`);
  // The simulator stops itself cleanly on SIGINT and resolves; the broker we started goes after it.
  try {
    await simulator.run()(argv, broker.address);
  } finally {
    await broker.stop();
  }
  process.exit(0);
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
