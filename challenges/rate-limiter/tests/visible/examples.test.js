'use strict';
/** Worked examples from the statement (JavaScript). */

const { test } = require('node:test');
const assert = require('node:assert');
const { RateLimiter } = require('./solution');

function assertApprox(actual, expected) {
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected), `expected ${expected}, got ${actual}`);
}

test('statement example', () => {
  let now = 0.0;
  const limiter = new RateLimiter(3, 2.0, () => now);
  assert.deepStrictEqual([1, 2, 3, 4].map(() => limiter.allow('alice')), [true, true, true, false]);
  assertApprox(limiter.retryAfter('alice'), 0.5);
  assertApprox(limiter.retryAfter('alice', 3), 1.5);
  assert.strictEqual(limiter.allow('bob', 3), true);
  now = 0.5;
  assert.strictEqual(limiter.allow('alice'), true);
  assert.strictEqual(limiter.allow('alice'), false);
});

test('a cost above capacity is rejected', () => {
  const limiter = new RateLimiter(3, 2.0, () => 0);
  assert.throws(() => limiter.retryAfter('alice', 4), RangeError);
});
