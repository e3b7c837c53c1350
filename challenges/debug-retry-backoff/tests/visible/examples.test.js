'use strict';
// The worked example from the statement (JavaScript).

const { test } = require('node:test');
const assert = require('node:assert');
const { retry } = require('./solution');

test('statement example', async () => {
  let calls = 0;
  const flaky = async () => {
    calls += 1;
    if (calls < 3) throw Object.assign(new Error('reset by peer'), { code: 'ECONNRESET' });
    return 'ok';
  };
  const slept = [];
  assert.strictEqual(await retry(flaky, { baseDelayMs: 1000, sleep: (ms) => { slept.push(ms); }, random: () => 0.5 }), 'ok');
  assert.strictEqual(calls, 3);
  assert.deepStrictEqual(slept, [500, 1000]);
});

test('success on the first call does not sleep', async () => {
  const slept = [];
  assert.strictEqual(await retry(async () => 42, { sleep: (ms) => { slept.push(ms); } }), 42);
  assert.deepStrictEqual(slept, []);
});
