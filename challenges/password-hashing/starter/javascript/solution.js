'use strict';
/**
 * Salted, self-describing PBKDF2-SHA256 password hashes.
 *
 * Implement the three functions below; see the statement for the record format and the rules.
 * Only Node's built-in modules may be used (node:crypto has pbkdf2Sync, randomBytes and
 * timingSafeEqual).
 */

const crypto = require('node:crypto');

const ALGORITHM = 'pbkdf2_sha256';
const ITERATIONS = 60000;          // work factor of new hashes
const MAX_ITERATIONS = 1000000;    // largest work factor a stored record may ask for

/**
 * Return a new record `pbkdf2_sha256$<iterations>$<salt_b64>$<hash_b64>`.
 *
 * Uses ITERATIONS iterations, a fresh random 16-byte salt from crypto.randomBytes and the
 * NFKC-normalised, UTF-8 encoded password. Throws TypeError if `password` is not a string and
 * RangeError if it is empty.
 *
 * @param {string} password
 * @returns {string}
 */
function hashPassword(password) {
  throw new Error('not implemented');
}

/**
 * Return true iff `stored` is a well-formed record of `password`.
 *
 * Compares in constant time. Returns false (never throws) for malformed or tampered records and
 * for an empty password; throws TypeError only if `password` is not a string.
 *
 * @param {string} password
 * @param {string} stored
 * @returns {boolean}
 */
function verifyPassword(password, stored) {
  throw new Error('not implemented');
}

/**
 * Return true if `stored` is malformed or uses fewer than ITERATIONS iterations. Never throws.
 *
 * @param {string} stored
 * @returns {boolean}
 */
function needsRehash(stored) {
  throw new Error('not implemented');
}

module.exports = { ALGORITHM, ITERATIONS, MAX_ITERATIONS, hashPassword, verifyPassword, needsRehash };
