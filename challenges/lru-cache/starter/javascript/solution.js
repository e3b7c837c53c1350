'use strict';
/**
 * LRU cache with per-entry TTL.
 *
 * Implement `LRUCache` below. See the statement for the full specification.
 * Only Node's built-in modules may be used.
 */

class LRUCache {
  /**
   * Holds at most `capacity` live entries, evicting the least recently used.
   *
   * @param {number} capacity the maximum number of live entries, a positive integer
   * @param {() => number} [clock] returns the current time in seconds
   *   (default: `() => performance.now() / 1000`)
   * @throws {RangeError} if `capacity` is not a positive integer
   */
  constructor(capacity, clock = () => performance.now() / 1000) {
    throw new Error('not implemented');
  }

  /**
   * The value of `key`'s live entry, which becomes the most recently used (a hit);
   * `defaultValue` if there is none (a miss).
   *
   * @param {*} key
   * @param {*} [defaultValue]
   * @returns {*}
   */
  get(key, defaultValue = undefined) {
    throw new Error('not implemented');
  }

  /**
   * Inserts or replaces `key` as the most recently used entry.
   *
   * `ttl` (seconds) makes the entry expire at `clock() + ttl`; `undefined` or
   * `null` means it never expires. Inserting a new key into a full cache evicts
   * the least recently used live entry first.
   *
   * @param {*} key
   * @param {*} value
   * @param {number | null} [ttl]
   * @throws {RangeError} if `ttl` is neither undefined/null nor a positive finite number
   */
  put(key, value, ttl = undefined) {
    throw new Error('not implemented');
  }

  /** The number of live (unexpired) entries. @returns {number} */
  get size() {
    throw new Error('not implemented');
  }

  /**
   * Counters since creation.
   *
   * @returns {{hits: number, misses: number, evictions: number}}
   */
  stats() {
    throw new Error('not implemented');
  }
}

module.exports = { LRUCache };
