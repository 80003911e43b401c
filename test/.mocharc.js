'use strict';
// TEST_SPEC (comma-separated globs) runs a part of the suite with the same brokers, e.g.
// TEST_SPEC=build/test/finesse/*.test.js npm test
module.exports = {
  spec: process.env.TEST_SPEC ? process.env.TEST_SPEC.split(',') : ['build/test/**/*.test.js'],
  timeout: 60000,
  exit: true,
};
