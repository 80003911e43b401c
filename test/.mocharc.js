'use strict';
module.exports = {
  spec: ['build/test/**/*.test.js'],
  timeout: 60000,
  exit: true,
};
