'use strict';
// Hidden tests for the lru-cache challenge (JavaScript). They mirror test_hidden.py.
const { describe, it } = require('node:test');
const assert = require('node:assert');
const { LRUCache } = require('./solution');

/** A manually driven clock: `clock()` returns `clock.now` (seconds) until changed. */
function fakeClock(now = 1000) {
  const state = { now };
  const clock = () => state.now;
  clock.set = (value) => { state.now = value; };
  return clock;
}

/** Blocks this (the tests') process for `ms` milliseconds; the candidate's clock keeps running. */
function busyWait(ms) {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* wait */ }
}

/** Deterministic pseudo-random integers in [low, high) (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (low, high) => low + Math.floor(next() * (high - low)) };
}

describe('LRUCache', () => {
  describe('basics', () => {
    it('returns the default on a miss and a stored null on a hit', () => {
      const cache = new LRUCache(4, fakeClock());
      assert.strictEqual(cache.get('nope'), undefined);
      assert.strictEqual(cache.get('nope', 'fallback'), 'fallback');
      cache.put('none', null);
      cache.put('list', [1, 2]);
      cache.put(7, { x: 1 });
      assert.strictEqual(cache.get('none', 'fallback'), null);
      assert.deepStrictEqual(cache.get('list'), [1, 2]);
      assert.deepStrictEqual(cache.get(7), { x: 1 });
      assert.strictEqual(cache.get('7'), undefined);   // keys compare like Map keys: 7 !== '7'
      assert.strictEqual(cache.size, 3);
      assert.deepStrictEqual(cache.stats(), { hits: 3, misses: 3, evictions: 0 });
    });

    it('evicts the least recently inserted entry first', () => {
      const cache = new LRUCache(3, fakeClock());
      for (const key of 'abc') cache.put(key, key.toUpperCase());
      cache.put('d', 'D');
      assert.strictEqual(cache.size, 3);
      cache.put('e', 'E');
      assert.strictEqual(cache.get('a'), undefined);
      assert.strictEqual(cache.get('b'), undefined);
      assert.deepStrictEqual([...'cde'].map((k) => cache.get(k)), ['C', 'D', 'E']);
      assert.strictEqual(cache.stats().evictions, 2);
    });

    it('keeps only the latest key at capacity 1', () => {
      const cache = new LRUCache(1, fakeClock());
      cache.put('a', 1);
      cache.put('b', 2);
      assert.strictEqual(cache.get('a'), undefined);
      assert.strictEqual(cache.get('b'), 2);
      cache.put('b', 3);
      assert.strictEqual(cache.get('b'), 3);
      assert.strictEqual(cache.size, 1);
      assert.deepStrictEqual(cache.stats(), { hits: 2, misses: 1, evictions: 1 });
    });
  });

  describe('recency', () => {
    it('a hit refreshes recency and a miss changes nothing', () => {
      const cache = new LRUCache(3, fakeClock());
      for (const key of 'abc') cache.put(key, key);
      assert.strictEqual(cache.get('a'), 'a');          // order (oldest first): b c a
      assert.strictEqual(cache.get('zzz'), undefined);  // a miss touches nothing
      cache.put('d', 'd');                              // evicts b, not a -> c a d
      assert.strictEqual(cache.get('b'), undefined);
      assert.strictEqual(cache.get('a'), 'a');          // c d a
      cache.put('e', 'e');                              // evicts c -> d a e
      assert.strictEqual(cache.get('c'), undefined);
      assert.deepStrictEqual([...'dae'].map((k) => cache.get(k)), ['d', 'a', 'e']);
      assert.strictEqual(cache.size, 3);
    });

    it('an update refreshes recency without evicting', () => {
      const cache = new LRUCache(2, fakeClock());
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('a', 10);                 // update in a full cache: b is now the oldest
      assert.strictEqual(cache.size, 2);
      assert.strictEqual(cache.stats().evictions, 0);
      cache.put('c', 3);                  // evicts b, not a
      assert.strictEqual(cache.get('b'), undefined);
      assert.strictEqual(cache.get('a'), 10);
      assert.strictEqual(cache.get('c'), 3);
      for (let value = 0; value < 5; value++) cache.put('c', value);   // repeated updates never evict
      assert.strictEqual(cache.get('a'), 10);
      assert.deepStrictEqual(cache.stats(), { hits: 3, misses: 1, evictions: 1 });
    });
  });

  describe('stats', () => {
    it('counts hits, misses and capacity evictions only', () => {
      const clock = fakeClock(0);
      const cache = new LRUCache(2, clock);
      assert.deepStrictEqual(cache.stats(), { hits: 0, misses: 0, evictions: 0 });
      cache.put('a', 1, 1);
      cache.put('b', 2);
      cache.put('b', 3);                  // update: no eviction
      assert.deepStrictEqual(cache.stats(), { hits: 0, misses: 0, evictions: 0 });
      assert.strictEqual(cache.get('a'), 1);
      assert.strictEqual(cache.get('x', 0), 0);
      clock.set(1.5);
      assert.strictEqual(cache.get('a'), undefined);   // expired: a miss
      cache.put('c', 4);                  // room was freed by the expiry
      cache.put('d', 5);                  // evicts b
      assert.strictEqual(cache.get('b'), undefined);
      const stats = cache.stats();
      assert.deepStrictEqual(stats, { hits: 1, misses: 3, evictions: 1 });
      assert.deepStrictEqual(Object.keys(stats).sort(), ['evictions', 'hits', 'misses']);
      assert.ok(Object.values(stats).every(Number.isInteger));
    });
  });

  describe('ttl', () => {
    it('expires at exactly put time plus ttl and a hit does not extend it', () => {
      const clock = fakeClock(100);
      const cache = new LRUCache(10, clock);
      cache.put('k', 'v', 2.5);
      cache.put('forever', 'f');
      clock.set(102.499);
      assert.strictEqual(cache.get('k'), 'v');
      clock.set(102.5);
      assert.strictEqual(cache.get('k'), undefined);
      clock.set(102.6);
      assert.strictEqual(cache.get('k'), undefined);
      clock.set(200);
      cache.put('s', 1, 10);
      clock.set(209);
      assert.strictEqual(cache.get('s'), 1);       // a hit does not extend the TTL
      clock.set(210);
      assert.strictEqual(cache.get('s'), undefined);
      clock.set(1e9);
      assert.strictEqual(cache.get('forever'), 'f');   // no ttl: never expires
    });

    it('an update replaces the ttl', () => {
      const clock = fakeClock(0);
      const cache = new LRUCache(10, clock);
      cache.put('k', 1, 5);
      cache.put('j', 1, 5);
      cache.put('n', 1);
      clock.set(4);
      cache.put('k', 2);                  // no longer expires
      cache.put('j', 2, 5);               // now expires at 9
      cache.put('n', 2, 3);               // now expires at 7
      clock.set(6.9);
      assert.deepStrictEqual([...'kjn'].map((x) => cache.get(x)), [2, 2, 2]);
      clock.set(7.5);
      assert.strictEqual(cache.get('n'), undefined);
      clock.set(8.9);
      assert.strictEqual(cache.get('j'), 2);
      clock.set(9.5);
      assert.strictEqual(cache.get('j'), undefined);
      clock.set(1e6);
      assert.strictEqual(cache.get('k'), 2);
      assert.strictEqual(cache.size, 1);
    });

    it('expired entries make room without evicting live ones', () => {
      const clock = fakeClock(0);
      const cache = new LRUCache(3, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3, 5);               // the most recently used entry, but short-lived
      assert.strictEqual(cache.get('a'), 1);   // order (oldest first): b c a
      clock.set(6);
      cache.put('d', 4);                  // c has expired: nothing live is evicted
      assert.strictEqual(cache.stats().evictions, 0);
      assert.strictEqual(cache.size, 3);
      cache.put('e', 5);                  // full with live b a d: evicts b
      assert.strictEqual(cache.stats().evictions, 1);
      assert.strictEqual(cache.get('b'), undefined);
      assert.deepStrictEqual([...'ade'].map((k) => cache.get(k)), [1, 4, 5]);

      clock.set(100);
      const many = new LRUCache(4, clock);
      for (let i = 0; i < 4; i++) many.put(i, i, 1 + i);   // expire at 101, 102, 103, 104
      many.put('live', 0);                // full: evicts 0, the least recently used
      clock.set(104.5);                   // 1, 2 and 3 have expired
      for (const key of ['w', 'x', 'y']) many.put(key, key);
      many.put(2, 'again');               // re-putting an expired key is a fresh insert
      assert.strictEqual(many.stats().evictions, 2);   // 0, then 'live'
      assert.strictEqual(many.size, 4);
      assert.strictEqual(many.get('live'), undefined);
      assert.deepStrictEqual(['w', 'x', 'y', 2].map((k) => many.get(k)), ['w', 'x', 'y', 'again']);
    });

    it('size counts only live entries', () => {
      const clock = fakeClock(0);
      const cache = new LRUCache(100, clock);
      for (let i = 0; i < 10; i++) cache.put(i, i, i + 1);   // key i expires at i + 1
      for (let i = 10; i < 20; i++) cache.put(i, i);
      assert.strictEqual(cache.size, 20);
      clock.set(0.5);
      assert.strictEqual(cache.size, 20);
      clock.set(3.5);
      assert.strictEqual(cache.size, 17);
      clock.set(9.999);
      assert.strictEqual(cache.size, 11);
      clock.set(10.5);
      assert.strictEqual(cache.size, 10);
      cache.put(0, 'back', 1);            // expires at 11.5
      assert.strictEqual(cache.size, 11);
      clock.set(12);
      assert.strictEqual(cache.size, 10);
      assert.deepStrictEqual(cache.stats(), { hits: 0, misses: 0, evictions: 0 });
    });

    it('measures ttl in seconds on a real monotonic clock by default', () => {
      const cache = new LRUCache(4);
      cache.put('long', 1, 3600);
      cache.put('second', 2, 1);
      cache.put('short', 3, 1e-9);        // expired by the next call
      cache.put('none', 4);
      busyWait(20);
      assert.strictEqual(cache.get('long'), 1);
      assert.strictEqual(cache.get('second'), 2);   // 20 ms is well under a second
      assert.strictEqual(cache.get('short'), undefined);
      assert.strictEqual(cache.get('none'), 4);
      assert.strictEqual(cache.size, 3);
    });
  });

  describe('errors', () => {
    it('rejects a bad capacity or ttl and leaves the cache unchanged', () => {
      const clock = fakeClock(0);
      for (const capacity of [0, -1, 2.5]) {
        assert.throws(() => new LRUCache(capacity, clock), RangeError);
      }
      const cache = new LRUCache(2, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      for (const ttl of [0, -1, -0.5]) {
        assert.throws(() => cache.put('c', 3, ttl), RangeError);   // a new key: must not evict a or insert c
        assert.throws(() => cache.put('a', 9, ttl), RangeError);   // an existing key: must not change it
      }
      assert.strictEqual(cache.size, 2);
      assert.strictEqual(cache.stats().evictions, 0);
      cache.put('c', 3);                  // a is still the least recently used
      assert.strictEqual(cache.get('a'), undefined);
      assert.strictEqual(cache.get('b'), 2);
      assert.strictEqual(cache.get('c'), 3);
    });

    it('rejects a non-finite ttl', () => {
      const cache = new LRUCache(2, fakeClock());
      for (const ttl of [Infinity, NaN]) {
        assert.throws(() => cache.put('k', 1, ttl), RangeError);
      }
      assert.strictEqual(cache.size, 0);
    });
  });

  describe('large input', () => {
    // Each call crosses to the candidate's process (about 0.1 ms), so this is smaller than the
    // Python and Java versions: 30,000 operations on a 10,000-entry cache, checked against a model.
    it('gives the right results for 30,000 mixed operations', () => {
      const capacity = 10000;
      const rng = random(2024);
      const cache = new LRUCache(capacity);   // real clock; the TTLs below never run out
      const model = new Map();
      let hits = 0;
      let misses = 0;
      let evictions = 0;
      const insert = (k, v) => {
        if (model.has(k)) model.delete(k);
        else if (model.size >= capacity) {
          model.delete(model.keys().next().value);
          evictions += 1;
        }
        model.set(k, v);
      };

      // 15,000 inserts, half of them with a TTL: the first 5,000 are evicted.
      for (let k = 0; k < 15000; k++) {
        cache.put(k, k * 3, k % 2 ? 3600 : undefined);
        insert(k, k * 3);
        if (k % 1000 === 999) assert.strictEqual(cache.size, model.size);
      }

      // 10 rounds of 800 gets (hits refresh recency) then 700 puts (new keys and updates).
      let nextKey = 15000;
      for (let round = 0; round < 10; round++) {
        const got = [];
        const expected = [];
        for (let i = 0; i < 800; i++) {
          const k = rng.below(3000, nextKey);
          got.push(cache.get(k));
          if (model.has(k)) {
            const v = model.get(k);
            model.delete(k);
            model.set(k, v);
            hits += 1;
            expected.push(v);
          } else {
            misses += 1;
            expected.push(undefined);
          }
        }
        assert.deepStrictEqual(got, expected);
        for (let i = 0; i < 700; i++) {
          let k;
          if (rng.next() < 0.2) k = rng.below(nextKey - capacity, nextKey);
          else k = nextKey++;
          cache.put(k, -k, k % 3 === 0 ? 3600 : null);
          insert(k, -k);
        }
        assert.strictEqual(cache.size, model.size);
      }
      assert.deepStrictEqual(cache.stats(), { hits, misses, evictions });
    });
  });
});
