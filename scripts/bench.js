'use strict';
// `npm run bench`: each measurement beside the raw client library in the same run, with the ratio.
// BENCH_ONLY=kafka or BENCH_ONLY=finesse runs one of them.
const { startNodeRed } = require('./bench/common');
const { benchKafkaThroughput } = require('./bench/kafka-throughput');
const { benchFinesseRoundTrip } = require('./bench/finesse-round-trip');

const BENCHES = { kafka: benchKafkaThroughput, finesse: benchFinesseRoundTrip };

async function main() {
  const only = process.env.BENCH_ONLY;
  const chosen = only ? [only] : Object.keys(BENCHES);
  for (const name of chosen) if (!BENCHES[name]) throw new Error(`BENCH_ONLY must be one of ${Object.keys(BENCHES).join(', ')}`);
  const red = await startNodeRed();
  try {
    for (const name of chosen) {
      console.log(`\n== ${name} ==`);
      await BENCHES[name](red.RED);
    }
  } finally {
    await red.stop();
  }
  process.exit(0);
}

main().catch((err) => { console.error(err.stack || err); process.exit(1); });
