'use strict';
/**
 * node:test reporter of the JavaScript unit harness: one report line per finished test, written
 * straight to the report (this reporter yields nothing to node's own destination).
 * Test ids are `<file>::<suite> > <test>`, with the file relative to the tests folder.
 */

const fs = require('fs');
const results = require('./results');

module.exports = async function* assessorReporter(source) {
  const names = [];
  let file = '';
  for await (const event of source) {
    const data = event.data || {};
    if (event.type === 'test:start') {
      if (data.nesting === 0) file = results.topLevelFile(data.name);
      names[data.nesting] = data.name;
      names.length = data.nesting + 1;
    } else if ((event.type === 'test:pass' || event.type === 'test:fail') && !(data.details && data.details.type === 'suite')) {
      const line = results.testEvent(event.type, data, file, [...names.slice(0, data.nesting), data.name]);
      fs.writeSync(results.reportFd, `${JSON.stringify(line)}\n`);
    }
  }
  results.done = true;
  fs.writeSync(results.reportFd, `${JSON.stringify({ event: 'done' })}\n`);
};
