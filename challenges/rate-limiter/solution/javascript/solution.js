'use strict';
/** Reference solution for the rate-limiter challenge (JavaScript). */

const EPSILON = 1e-9; // tolerance in tokens, absorbs floating-point rounding

const monotonicSeconds = () => performance.now() / 1000;

/** Per-key token-bucket rate limiter. */
class RateLimiter {
  #capacity;
  #rate;
  #clock;
  #buckets = new Map(); // key -> { tokens, updated }

  constructor(capacity, refillPerSecond, clock = monotonicSeconds) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError('capacity must be a positive integer');
    }
    if (typeof refillPerSecond !== 'number' || !(refillPerSecond > 0) || !Number.isFinite(refillPerSecond)) {
      throw new RangeError('refillPerSecond must be a positive finite number');
    }
    if (typeof clock !== 'function') throw new TypeError('clock must be a function');
    this.#capacity = capacity;
    this.#rate = refillPerSecond;
    this.#clock = clock;
  }

  /** Consumes `cost` tokens from `key`'s bucket and returns true if it holds that many; else false. */
  allow(key, cost = 1) {
    this.#checkCost(cost);
    const bucket = this.#bucket(key);
    if (bucket.tokens + EPSILON >= cost) {
      bucket.tokens = Math.max(0, bucket.tokens - cost);
      return true;
    }
    return false;
  }

  /** Seconds until `allow(key, cost)` would succeed; 0 if it would now. Consumes nothing. */
  retryAfter(key, cost = 1) {
    this.#checkCost(cost);
    const missing = cost - this.#bucket(key).tokens;
    return missing <= EPSILON ? 0 : missing / this.#rate;
  }

  #checkCost(cost) {
    if (!Number.isInteger(cost) || cost <= 0) throw new RangeError('cost must be a positive integer');
    if (cost > this.#capacity) throw new RangeError('cost exceeds capacity; the request could never succeed');
  }

  /** The bucket of `key`, created full or refilled up to now. */
  #bucket(key) {
    const now = this.#clock();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.#capacity, updated: now };
      this.#buckets.set(key, bucket);
    } else if (now > bucket.updated) {
      bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updated) * this.#rate);
      bucket.updated = now;
    }
    return bucket;
  }
}

module.exports = { RateLimiter };
