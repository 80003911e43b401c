'use strict';
// `npm run simulate -- genesys [flags]`: runs a vendor simulator against KAFKA_BROKERS / --brokers,
// or against a mock Kafka cluster it starts (and stops on exit).
const path = require('path');
const { startKafka } = require('./lib/kafka-broker');

const root = path.resolve(__dirname, '..');
const SIMULATORS = {
  genesys: () => require(path.join(root, 'build', 'nodes', 'genesys', 'simulator', 'cli')).runGenesysCli,
  pom: () => require(path.join(root, 'build', 'nodes', 'pom', 'simulator', 'cli')).runPomCli,
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
  if (!SIMULATORS[vendor]) {
    console.error(`usage: npm run simulate -- <${Object.keys(SIMULATORS).join('|')}> [--brokers host:port] [--help]`);
    process.exit(2);
  }
  const explicit = takeFlag(argv, '--brokers');
  const printing = argv.includes('--print') || argv.includes('--help');
  const kafka = explicit || printing ? { brokers: explicit || '', stop: async () => {} } : await startKafka();
  if (!explicit && !printing) console.error(`[simulate] Kafka at ${kafka.brokers}`);
  // The simulator stops itself cleanly on SIGINT and resolves; the broker we started goes after it.
  try {
    await SIMULATORS[vendor]()(argv, kafka.brokers);
  } finally {
    await kafka.stop();
  }
  process.exit(0);
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
