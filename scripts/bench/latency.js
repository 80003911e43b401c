'use strict';
// A downstream node for the latency bench: hands each message it receives to the bench through a
// process event, so the time measured ends where a real flow would start using the reply.
module.exports = function (RED) {
  function BenchLatency(config) {
    RED.nodes.createNode(this, config);
    this.on('input', (msg, send, done) => {
      process.emit('cc-bench-reply', msg);
      done();
    });
  }
  RED.nodes.registerType('cc-bench-latency', BenchLatency);
};
