'use strict';
/**
 * Token-bucket rate limiter.
 *
 * Implement `RateLimiter` below. See the statement for the full specification.
 * Only Node's standard library may be used.
 */

/**
 * Per-key token-bucket rate limiter.
 *
 * Each key gets its own bucket of at most `capacity` tokens, created full on
 * first use and refilled continuously at `refillPerSecond` tokens per second.
 */
class RateLimiter {
  /**
   * @param {number} capacity positive integer: the most tokens a bucket holds
   * @param {number} refillPerSecond positive: tokens added per second
   * @param {() => number} [clock] returns the current time in seconds;
   *     defaults to a monotonic clock (`performance.now() / 1000`)
   * @throws {RangeError} if `capacity` is not a positive integer or
   *     `refillPerSecond` is not positive
   */
  constructor(capacity, refillPerSecond, clock = () => performance.now() / 1000) {
    throw new Error('not implemented');
  }

  /**
   * Consumes `cost` tokens from `key`'s bucket and returns true if it holds at
   * least `cost` tokens; otherwise consumes nothing and returns false.
   *
   * @param {string} key
   * @param {number} [cost=1]
   * @returns {boolean}
   * @throws {RangeError} if `cost` is not a positive integer or exceeds `capacity`
   */
  allow(key, cost = 1) {
    throw new Error('not implemented');
  }

  /**
   * Returns the seconds until `allow(key, cost)` would succeed (0 if it would
   * succeed now), without consuming any tokens.
   *
   * @param {string} key
   * @param {number} [cost=1]
   * @returns {number}
   * @throws {RangeError} if `cost` is not a positive integer or exceeds `capacity`
   */
  retryAfter(key, cost = 1) {
    throw new Error('not implemented');
  }
}

module.exports = { RateLimiter };
