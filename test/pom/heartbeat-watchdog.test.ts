import assert from 'assert/strict';
import { HeartbeatWatchdog } from '../../nodes/pom/heartbeat-watchdog';

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
});
