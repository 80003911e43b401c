'use strict';
// A downstream node for the bench: counts what reaches it and reports through process events,
// so the measurement costs no more than the cheapest real consumer of the messages would.
module.exports = function (RED) {
  function BenchCounter(config) {
    RED.nodes.createNode(this, config);
    let count = 0;
    let first = 0;
    this.on('input', (msg, send, done) => {
      if (count === 0) first = process.hrtime.bigint();
      count++;
      if (count === Number(config.expect)) process.emit('cc-bench-counted', { count, first, last: process.hrtime.bigint() });
      done();
    });
  }
  RED.nodes.registerType('cc-bench-counter', BenchCounter);
};
