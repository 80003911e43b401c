import assert from 'node:assert/strict';
import { parseFinesseCliArgs, runFinesseCli } from '../../nodes/finesse/simulator';
import { endpoint, GcTestClient, uniqueName } from './simulator-harness';

describe('GC simulator CLI', function () {
  this.timeout(20000);

  it('defaults to queue Connector1 and agents 1001..1004 with password secret on extensions 5001..5004', () => {
    const opts = parseFinesseCliArgs([]);
    assert.equal(opts.queue, 'Connector1');
    assert.deepEqual(opts.agents.map((a) => [a.id, a.password]), [['1001', 'secret'], ['1002', 'secret'], ['1003', 'secret'], ['1004', 'secret']]);
    assert.deepEqual(opts.extensions, ['5001', '5002', '5003', '5004']);
    assert.equal(opts.callsEverySeconds, 0);
  });

  it('reads its flags and refuses bad values', () => {
    const opts = parseFinesseCliArgs(['--queue', 'GC2', '--agents', '6', '--calls-every=2.5', '--flavor', 'UCCX', '--wrap-up', '0']);
    assert.deepEqual([opts.queue, opts.agents.length, opts.extensions?.[5], opts.callsEverySeconds, opts.flavor, opts.wrapUpSeconds], ['GC2', 6, '5006', 2.5, 'UCCX', 0]);
    const custom = parseFinesseCliArgs(['--agents', '7001:a,7002:b:c']);
    assert.deepEqual(custom.agents, [{ id: '7001', password: 'a' }, { id: '7002', password: 'b:c' }]);
    assert.equal(custom.extensions, undefined);
    assert.throws(() => parseFinesseCliArgs(['--agents', '0']), /--agents/);
    assert.throws(() => parseFinesseCliArgs(['--agents', '7001']), /id:password/);
    assert.throws(() => parseFinesseCliArgs(['--calls-every', 'soon']), /--calls-every/);
    assert.throws(() => parseFinesseCliArgs(['--flavor', 'CCX']), /UCCE or UCCX/);
    assert.throws(() => parseFinesseCliArgs(['--bogus']), /unknown option --bogus/);
  });

  it('runs until SIGINT, offers calls to READY agents, and logs each command without its password', async () => {
    const queue = uniqueName('cli');
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const interruptHandlers = process.listeners('SIGINT');
    process.removeAllListeners('SIGINT');
    process.stderr.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let gc: GcTestClient | undefined;
    try {
      const running = runFinesseCli(['--queue', queue, '--calls-every', '0.1'], `${endpoint.host}:${endpoint.port}`);
      gc = await GcTestClient.open(queue);
      gc.send('Connect#1001', `${gc.destination},secret`);
      assert.equal((await gc.request('Login#1001', 'secret,5001', 3)).length, 3);
      await gc.request('MakeReady#1001', '');
      assert.match((await gc.take(/^1001#NewInboundCall#0300\d{7}#callVariable1=Ticket 1\|callVariable2=Demo#/)).body, /CallType:ACD_IN/);
      process.emit('SIGINT', 'SIGINT');
      await running;
    } finally {
      process.stderr.write = write;
      for (const handler of interruptHandlers) process.on('SIGINT', handler);
      gc?.close();
    }
    const log = lines.join('');
    assert.match(log, /gc simulator: Login#1001 \*\*\*,5001\n/);
    assert.match(log, /gc simulator: Connect#1001 [^\n]*,\*\*\*\n/);
    assert.match(log, /gc simulator: MakeReady#1001\n/);
    assert.match(log, /rings at agent 1001/);
    assert.match(log, /stopped after \d+ commands/);
    assert.ok(!log.includes('secret'), 'no password in the log');
  });
});
