'use strict';
// Worked examples from the statement (JavaScript).
const { test } = require('node:test');
const assert = require('node:assert');
const { LRUCache } = require('./solution');

test('statement example', () => {
  let now = 0;
  const cache = new LRUCache(2, () => now);
  cache.put('a', 1);
  cache.put('b', 2);
  assert.strictEqual(cache.get('a'), 1);
  cache.put('c', 3);
  assert.strictEqual(cache.get('b'), undefined);
  cache.put('s', 'session', 10);
  now = 9.5;
  assert.strictEqual(cache.get('s'), 'session');
  now = 10;
  assert.strictEqual(cache.get('s'), undefined);
  assert.strictEqual(cache.size, 1);
  assert.deepStrictEqual(cache.stats(), { hits: 2, misses: 2, evictions: 2 });
});

test('expired entries make room', () => {
  let now = 0;
  const cache = new LRUCache(2, () => now);
  cache.put('x', 1, 5);
  cache.put('y', 2);
  now = 5;
  cache.put('z', 3);
  assert.strictEqual(cache.get('y'), 2);
  assert.strictEqual(cache.stats().evictions, 0);
  assert.throws(() => cache.put('y', 20, 0), RangeError);
});
