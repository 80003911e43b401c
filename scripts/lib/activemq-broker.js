'use strict';
// Starts a real ActiveMQ for tests and the demo: ACTIVEMQ_STOMP (host:port) when set, else Debian's
// activemq (5.17) from a project-owned configuration with one STOMP connector on a free loopback port.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ensureFile } = require('./system-packages');

const ACTIVEMQ_HOME = '/usr/share/activemq';
const ACTIVEMQ_JAR = path.join(ACTIVEMQ_HOME, 'bin', 'activemq.jar');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function configuration(dataDir, port) {
  return `<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                           http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="cc-test" dataDirectory="${dataDir}" persistent="false" useJmx="false">
    <transportConnectors>
      <transportConnector name="stomp" uri="stomp://127.0.0.1:${port}"/>
    </transportConnectors>
  </broker>
</beans>
`;
}

/**
 * port: listen there (a test restarting "the same broker"); own: start one even when ACTIVEMQ_STOMP names
 * a shared broker (a test that stops its broker must not stop everyone's).
 */
async function startActiveMq({ timeoutMs = 60000, port: wanted, own = false } = {}) {
  if (process.env.ACTIVEMQ_STOMP && !own) {
    return { stomp: process.env.ACTIVEMQ_STOMP, pid: null, external: true, stop: async () => {} };
  }
  ensureFile(ACTIVEMQ_JAR, 'activemq');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-activemq-'));
  const port = wanted || await freePort();
  const config = path.join(dir, 'activemq.xml');
  fs.writeFileSync(config, configuration(path.join(dir, 'data'), port));
  // The Debian jar is a symlink and guesses its home wrongly without activemq.home.
  const child = spawn('java', [
    `-Dactivemq.home=${ACTIVEMQ_HOME}`, `-Dactivemq.base=${dir}`, `-Dactivemq.conf=${dir}`, `-Dactivemq.data=${path.join(dir, 'data')}`,
    '-Xmx512M', '-jar', ACTIVEMQ_JAR, 'start', `xbean:file:${config}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => { output = (output + chunk).slice(-2000); });
  const stop = () => new Promise((resolve) => {
    const cleanUp = () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); };
    if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
    child.once('exit', cleanUp);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10000).unref();
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`ActiveMQ did not accept STOMP connections on 127.0.0.1:${port} within ${timeoutMs} ms: ${output.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { stomp: `127.0.0.1:${port}`, pid: child.pid, external: false, stop };
}

module.exports = { startActiveMq };
