'use strict';
// The vendor simulators the example flows run against, for `npm start` and for the test that deploys every
// example: each started against the given brokers, with the endpoints and credentials the examples' config
// nodes need to reach them. stop() stops them in reverse order.
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const build = (...parts) => require(path.join(root, 'build', 'nodes', ...parts));

/**
 * kafkaBrokers, activemqStomp: where the simulators publish. faults: malformed and unknown records now and then
 * (the demo shows the error outputs; the examples test wants none). log: one line per simulator started.
 */
async function startDemoSimulators({ kafkaBrokers, activemqStomp, faults = true, log = () => undefined }) {
  const stops = [];
  const seed = Date.now() % 100000;
  const stop = async () => {
    while (stops.length) {
      try { await stops.pop()(); } catch (err) { log(`stopping: ${err.message}`); }
    }
  };
  try {
    const { startGenesysPublisher } = build('genesys', 'simulator');
    const genesys = startGenesysPublisher({
      brokers: kafkaBrokers.split(','), topic: 'voice-agentstate', agents: 8, ratePerSecond: 2,
      malformedShare: faults ? 0.02 : 0, unknownShare: faults ? 0.01 : 0, seed,
      onError: (err) => log(`Genesys simulator: ${err.message}`),
    });
    stops.push(() => genesys.stop());
    log('Genesys simulator publishing to voice-agentstate');

    const [amqHost, amqPort] = activemqStomp.split(':');
    const { GcSimulator, DEFAULT_ROSTER, startCallGenerator } = build('finesse', 'simulator');
    const gc = new GcSimulator({ stomp: { host: amqHost, port: Number(amqPort) }, commandQueue: 'Connector1', agents: DEFAULT_ROSTER });
    await gc.start();
    stops.push(() => gc.stop());
    const calls = startCallGenerator(gc, DEFAULT_ROSTER.map((a) => a.id), 45000, (line) => log(`GC simulator: ${line}`));
    stops.push(() => calls.stop());
    log('GC simulator consuming /queue/Connector1 (agents 1001-1004, password "secret"; an inbound call for a READY agent every 45 s)');

    const { AxpSimulator, DEFAULT_CLIENT } = build('axp', 'simulator');
    const axp = new AxpSimulator({ port: 0 });
    await axp.start();
    stops.push(() => axp.stop());
    axp.startTraffic(4000);
    log(`AXP simulator at ${axp.url} (account DYNNUG, client "${DEFAULT_CLIENT.clientId}")`);

    const { AnalyticsSimulator } = build('analytics', 'simulator');
    const analytics = new AnalyticsSimulator({ port: 0, users: [{ username: 'supervisor', password: 'secret' }, { username: 'wallboard', password: 'secret' }] });
    await analytics.start();
    stops.push(() => analytics.stop());
    analytics.startTraffic(3000);
    log(`Analytics simulator at ${analytics.baseUrl} (supervisor / secret)`);

    /** The POM story (a job queued, started, ...) begins when the flows run, so its first events are seen live. */
    const startPom = () => {
      const { startPomPublisher } = build('pom', 'simulator');
      const pom = startPomPublisher({
        brokers: kafkaBrokers.split(','), org: 'Default', servers: ['pom-primary', 'pom-secondary'], agents: 6, speed: 2,
        malformedShare: faults ? 0.01 : 0, seed,
        onError: (err) => log(`POM simulator: ${err.message}`),
      });
      stops.push(() => pom.stop());
      log('POM simulator publishing to POM.Default.* and the shared POM topics (twice real time)');
    };

    return {
      // The demo's brokers are local and plain: the examples' TLS settings are for the real systems.
      endpoints: {
        'cc-kafka-broker': { brokers: kafkaBrokers, sessionTimeout: 10000, tls: false },
        // The simulators start while Node-RED is still joining its consumer groups: read the demo's topics from their start.
        'cc-pom-events': { onlyNew: false },
        'cc-finesse-gc': { host: amqHost, port: Number(amqPort), tls: false },
        'cc-axp-account': { apiHost: axp.url, accountId: 'DYNNUG' },
        'cc-analytics-server': { baseUrl: analytics.baseUrl, rejectUnauthorized: true },
      },
      credentials: {
        'cc-finesse-agent': { password: 'secret' },
        'cc-axp-account': { clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret },
        'cc-analytics-server': { username: 'supervisor', password: 'secret' },
        // A supervisor's next subscription replaces the one before: the agent-model example's server node has its own.
        'cc-ex-agents-an-server': { username: 'wallboard', password: 'secret' },
      },
      startPom,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

module.exports = { startDemoSimulators };
