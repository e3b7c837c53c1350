'use strict';
/**
 * Idempotency keys for a payments API.
 *
 * Implement IdempotencyStore below. See the statement for the full specification.
 * Only Node's built-in modules may be used.
 */

/** How long a stored response stays valid, in milliseconds (24 h). */
const TTL_MS = 24 * 60 * 60 * 1000;

/** The idempotency key is already used by a request with a different fingerprint. */
class IdempotencyConflict extends Error {
  constructor(message) {
    super(message);
    this.name = 'IdempotencyConflict';
  }
}

/**
 * Runs each request's operation at most once per idempotency key.
 * Stored responses expire TTL_MS after they were stored.
 */
class IdempotencyStore {
  /**
   * @param {() => number} [clock] returns the current time in milliseconds
   *   (default: () => performance.now()).
   */
  constructor(clock = () => performance.now()) {
    throw new Error('not implemented');
  }

  /**
   * The response for this request, calling `operation()` only if no response is stored
   * (or in flight) for `key`.
   *
   * The returned promise rejects with IdempotencyConflict if `key` is stored or in flight with a
   * different fingerprint, with TypeError for an empty or non-string key or a non-string
   * fingerprint, and with the operation's own error if it fails (nothing is stored then).
   *
   * @param {string} key the client's idempotency key
   * @param {string} requestFingerprint identifies the request's content
   * @param {() => any} operation performs the request; returns the response or a promise of it
   * @returns {Promise<any>} the response
   */
  async handle(key, requestFingerprint, operation) {
    throw new Error('not implemented');
  }
}

module.exports = { TTL_MS, IdempotencyConflict, IdempotencyStore };
