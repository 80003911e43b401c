import assert from 'assert/strict';
import { HeartbeatWatchdog } from '../../nodes/pom/heartbeat-watchdog';

const DAY = 24 * 60 * 60 * 1000;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('HeartbeatWatchdog', () => {
  it('raises one alarm per server after the configured number of missed beats, and one recovery', () => {
    const c = clock();
    const dog = new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 3, now: c.now });
    dog.beat('pom-a');
    dog.beat('pom-b');
    c.advance(90000);
    assert.deepEqual(dog.check(), [], 'exactly 3 intervals is still within the limit');
    dog.beat('pom-b');
    c.advance(1);
    const missed = dog.check();
    assert.deepEqual(missed.map((m) => [m.kind, m.server, m.lastBeat]), [['missed', 'pom-a', 1_000_000]]);
    c.advance(89999);
    assert.deepEqual(dog.check(), [], 'pom-b beat 90 s ago: still within the limit');
    c.advance(1);
    assert.deepEqual(dog.check().map((m) => m.server), ['pom-b']);
    assert.deepEqual(dog.check(), [], 'an alarm is raised once, not on every check');
    assert.deepEqual(dog.alarms.sort(), ['pom-a', 'pom-b']);
    const back = dog.beat('pom-a');
    assert.deepEqual(back.map((m) => [m.kind, m.server, m.lastBeat]), [['restored', 'pom-a', 1_000_000]]);
    assert.deepEqual(dog.alarms, ['pom-b']);
    assert.deepEqual(dog.beat('pom-a'), [], 'a beat from a healthy server changes nothing');
  });

  it('alarms when no server has sent a heartbeat since the node started', () => {
    const c = clock();
    const dog = new HeartbeatWatchdog({ intervalMs: 1000, missedBeats: 2, now: c.now });
    c.advance(2001);
    assert.deepEqual(dog.check().map((m) => [m.kind, m.server, m.lastBeat]), [['missed', undefined, undefined]]);
    const back = dog.beat('pom-primary');
    assert.deepEqual(back.map((m) => [m.kind, m.server]), [['restored', undefined]]);
    assert.deepEqual(dog.alarms, []);
  });

  it('refuses a configuration that could never work', () => {
    assert.throws(() => new HeartbeatWatchdog({ intervalMs: 0, missedBeats: 3 }), RangeError);
    assert.throws(() => new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 0 }), RangeError);
  });

  it('forgets a server silent for a day, ending its alarm, while the others are watched on', () => {
    const c = clock();
    const dog = new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 3, now: c.now });
    dog.beat('retired');
    dog.beat('pom-a');
    c.advance(90001);
    assert.deepEqual(dog.check().map((m) => m.server).sort(), ['pom-a', 'retired']);
    c.advance(DAY - 90001 - 1);
    assert.deepEqual(dog.beat('pom-a').map((m) => [m.kind, m.server]), [['restored', 'pom-a']]);
    dog.check();
    assert.equal(dog.servers, 2, 'a day less 1 ms: still remembered');
    assert.deepEqual(dog.alarms, ['retired']);
    c.advance(1);
    assert.deepEqual(dog.check(), [], 'forgetting raises no message');
    assert.equal(dog.servers, 1);
    assert.deepEqual(dog.alarms, []);
    assert.deepEqual(dog.beat('retired'), [], 'a forgotten server that comes back is new: no recovery for an alarm long gone');
  });

  it('hands the silence of the last server forgotten to "any server", with its last beat, and a beat ends it', () => {
    const c = clock();
    const dog = new HeartbeatWatchdog({ intervalMs: 1000, missedBeats: 2, forgetAfterMs: 10000, now: c.now });
    dog.beat('pom-only');
    c.advance(2001);
    assert.deepEqual(dog.check().map((m) => [m.kind, m.server]), [['missed', 'pom-only']]);
    c.advance(7999);
    const handed = dog.check();
    assert.deepEqual(handed.map((m) => [m.kind, m.server, m.lastBeat]), [['missed', undefined, 1_000_000]]);
    assert.deepEqual(dog.alarms, [undefined]);
    assert.deepEqual(dog.check(), []);
    const back = dog.beat('pom-new');
    assert.deepEqual(back.map((m) => [m.kind, m.server, m.lastBeat]), [['restored', undefined, 1_000_000]]);
    assert.deepEqual(dog.alarms, []);
  });

  it('remembers at most maxServers, forgetting the longest-silent first, and warns once', () => {
    const c = clock();
    const warnings: string[] = [];
    const dog = new HeartbeatWatchdog({ intervalMs: 1000, missedBeats: 3, maxServers: 3, now: c.now, warn: (m) => warnings.push(m) });
    for (const server of ['s1', 's2', 's3']) {
      dog.beat(server);
      c.advance(10);
    }
    assert.deepEqual(warnings, []);
    dog.beat('s1');
    c.advance(10);
    dog.beat('s4');
    assert.equal(dog.servers, 3);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /more than 3 POM servers: the longest-silent ones are forgotten/);
    c.advance(3001);
    assert.deepEqual(dog.check().map((m) => m.server).sort(), ['s1', 's3', 's4'], 's2, the longest silent, was forgotten, not s1 which beat again');
    dog.beat('s5');
    assert.deepEqual(dog.alarms.sort(), ['s1', 's4'], 's3 forgotten next, its alarm with it');
    assert.equal(warnings.length, 1, 'warned once');
  });

  it('bounds the map by default: 1,000 servers and a day', () => {
    const c = clock();
    const warnings: string[] = [];
    const dog = new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 3, now: c.now, warn: (m) => warnings.push(m) });
    for (let i = 0; i < 1500; i++) dog.beat(`server-${i}`);
    assert.equal(dog.servers, 1000);
    assert.equal(warnings.length, 1);
    c.advance(DAY);
    dog.check();
    assert.equal(dog.servers, 0);
  });

  it('refuses to forget a server before it could raise its alarm', () => {
    assert.throws(() => new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 3, forgetAfterMs: 90000 }), /forgetAfterMs longer than/);
    assert.throws(() => new HeartbeatWatchdog({ intervalMs: 30000, missedBeats: 3, maxServers: 0 }), /maxServers/);
  });
});
