'use strict';
/** Hidden tests for the rate-limiter challenge (JavaScript). */

const { describe, it } = require('node:test');
const assert = require('node:assert');
const { RateLimiter } = require('./solution');

/** A manually driven clock: the limiter gets `clock.read`, the test moves `clock.now`. */
function fakeClock(now = 1000) {
  const clock = { now, advance(seconds) { clock.now += seconds; } };
  clock.read = () => clock.now;
  return clock;
}

/** Like pytest.approx: equal within a relative 1e-6 (or 1e-12 absolute). */
function assertApprox(actual, expected) {
  assert.strictEqual(typeof actual, 'number', `expected a number, got ${typeof actual}`);
  const tolerance = Math.max(1e-6 * Math.abs(expected), 1e-12);
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

function assertZero(actual) {
  assert.ok(actual === 0, `expected 0, got ${actual}`);
}

function repeat(times, action) {
  return Array.from({ length: times }, () => action());
}

describe('RateLimiter', () => {
  it('starts each bucket full', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(5, 1.0, clock.read);
    assert.deepStrictEqual(repeat(6, () => limiter.allow('k')), [true, true, true, true, true, false]);
    // The default clock works too; refill is far too slow to matter here.
    const real = new RateLimiter(2, 0.001);
    assert.deepStrictEqual(repeat(3, () => real.allow('k')), [true, true, false]);
  });

  it('refills continuously, including fractional tokens', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(4, 2.0, clock.read);
    for (let i = 0; i < 4; i++) assert.strictEqual(limiter.allow('k'), true);
    clock.advance(0.25); // 0.5 tokens
    assert.strictEqual(limiter.allow('k'), false);
    clock.advance(0.25); // 1.0 token
    assert.strictEqual(limiter.allow('k'), true);
    assert.strictEqual(limiter.allow('k'), false);
    clock.advance(1.0); // 2.0 tokens
    assert.strictEqual(limiter.allow('k', 2), true);
    assert.strictEqual(limiter.allow('k'), false);

    const slow = new RateLimiter(1, 0.5, clock.read);
    assert.strictEqual(slow.allow('s'), true);
    clock.advance(1.5); // 0.75 tokens
    assert.strictEqual(slow.allow('s'), false);
    clock.advance(0.5); // 1.0 token
    assert.strictEqual(slow.allow('s'), true);
  });

  it('caps the refill at capacity', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(3, 10.0, clock.read);
    for (let i = 0; i < 3; i++) assert.strictEqual(limiter.allow('k'), true);
    clock.advance(3600);
    assert.deepStrictEqual(repeat(4, () => limiter.allow('k')), [true, true, true, false]);
    assertApprox(limiter.retryAfter('k'), 0.1);
  });

  it('keeps keys independent', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, 1.0, clock.read);
    assert.deepStrictEqual([limiter.allow('a'), limiter.allow('a'), limiter.allow('a')], [true, true, false]);
    assertZero(limiter.retryAfter('b'));
    assert.deepStrictEqual([limiter.allow('b'), limiter.allow('b'), limiter.allow('b')], [true, true, false]);
    clock.advance(1.0);
    assert.strictEqual(limiter.allow('a'), true);
    assert.strictEqual(limiter.allow('c', 2), true);
  });

  it('consumes nothing when it denies a request', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(5, 1.0, clock.read);
    assert.strictEqual(limiter.allow('k', 3), true);
    for (let i = 0; i < 10; i++) assert.strictEqual(limiter.allow('k', 3), false);
    assert.strictEqual(limiter.allow('k', 2), true);
    assert.strictEqual(limiter.allow('k'), false);
    clock.advance(3.0);
    assert.strictEqual(limiter.allow('k', 3), true);
  });

  it('computes retryAfter', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(5, 2.0, clock.read);
    assertZero(limiter.retryAfter('k'));
    assertZero(limiter.retryAfter('k', 5));
    assert.strictEqual(limiter.allow('k', 5), true);
    assertApprox(limiter.retryAfter('k'), 0.5);
    assertApprox(limiter.retryAfter('k', 3), 1.5);
    clock.advance(0.25); // 0.5 tokens
    assertApprox(limiter.retryAfter('k'), 0.25);
    assertApprox(limiter.retryAfter('k', 5), 2.25);
    clock.advance(0.25); // 1.0 token
    assertZero(limiter.retryAfter('k'));
    assertApprox(limiter.retryAfter('k', 2), 0.5);
  });

  it('makes allow succeed after waiting exactly retryAfter', () => {
    const clock = fakeClock(123.456);
    let limiter = new RateLimiter(7, 3.0, clock.read);
    for (let i = 0; i < 7; i++) assert.strictEqual(limiter.allow('k'), true);
    const first = limiter.retryAfter('k', 2);
    for (let i = 0; i < 5; i++) assert.strictEqual(limiter.retryAfter('k', 2), first, 'repeated calls consume nothing');
    for (const [rate, cost] of [[3.0, 2], [0.1, 1], [7.0, 5], [1 / 3, 3], [13.7, 7]]) {
      limiter = new RateLimiter(7, rate, clock.read);
      limiter.allow('k', 7);
      for (let i = 0; i < 20; i++) {
        const wait = limiter.retryAfter('k', cost);
        assert.ok(wait > 0, `retryAfter should be positive after allow, got ${wait}`);
        clock.advance(wait);
        assert.strictEqual(limiter.allow('k', cost), true, `rate ${rate}, cost ${cost}, wait ${wait}`);
      }
    }
  });

  it('rejects invalid constructor arguments', () => {
    const clock = fakeClock();
    for (const [capacity, rate] of [[0, 1.0], [-1, 1.0], [2.5, 1.0], [5, 0], [5, -2.5], [5, NaN]]) {
      assert.throws(() => new RateLimiter(capacity, rate, clock.read), RangeError, `capacity ${capacity}, rate ${rate}`);
    }
    new RateLimiter(1, 0.001, clock.read); // smallest sensible values are fine
  });

  it('rejects an invalid cost', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(5, 1.0, clock.read);
    for (const cost of [0, -1, 1.5, 6, 100]) {
      assert.throws(() => limiter.allow('k', cost), RangeError, `allow with cost ${cost}`);
      assert.throws(() => limiter.retryAfter('k', cost), RangeError, `retryAfter with cost ${cost}`);
    }
    // Rejected calls must not have consumed anything.
    assert.strictEqual(limiter.allow('k', 5), true);
  });

  it('keeps many interleaved keys exact, whatever their names', () => {
    // Keys named like Object.prototype members trip up a plain object used as a map.
    const tricky = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf',
      'prototype', 'length', 'size', '', ' ', '0', 'a.b', 'ключ', '🙂'];
    const keys = [...tricky, ...Array.from({ length: 250 }, (_, i) => `client-${i}`)];
    const limiter = new RateLimiter(3, 1e-9); // the real clock; no token comes back during the test
    for (let round = 1; round <= 4; round++) {
      const expected = round <= 3; // three tokens per key
      const answeredWrongly = keys.filter((key) => limiter.allow(key) !== expected);
      assert.deepStrictEqual(answeredWrongly, [], `pass ${round} over every key should answer ${expected}`);
    }
    assert.ok(limiter.retryAfter('__proto__') > 1e6);
    // Costs interleaved across keys: each bucket is charged on its own.
    const mixed = new RateLimiter(4, 1e-9);
    const outcomes = [];
    for (const cost of [3, 2, 1, 1]) for (const key of tricky) outcomes.push(mixed.allow(key, cost));
    const n = tricky.length;
    assert.deepStrictEqual(outcomes, [...Array(n).fill(true), ...Array(n).fill(false), ...Array(n).fill(true),
      ...Array(n).fill(false)]);
    // Another limiter has buckets of its own.
    const other = new RateLimiter(3, 1e-9);
    assert.strictEqual(other.allow('__proto__', 3), true);
    assert.strictEqual(other.allow('client-0', 3), true);
    assert.strictEqual(limiter.allow('client-0'), false);
  });

  it('adds no tokens when the clock goes backwards', () => {
    const clock = fakeClock(10.0);
    const limiter = new RateLimiter(10, 2.0, clock.read);
    assert.strictEqual(limiter.allow('k', 10), true);
    clock.now = 5.0;
    assert.strictEqual(limiter.allow('k'), false);
    clock.now = 10.5; // only 0.5 s past the latest reading: exactly 1 token
    assert.strictEqual(limiter.allow('k'), true);
    assert.strictEqual(limiter.allow('k'), false);
  });
});
