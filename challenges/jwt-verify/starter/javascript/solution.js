'use strict';
/**
 * Sign and verify HS256 JSON Web Tokens.
 *
 * Implement `sign` and `verify`; see the statement for the exact rules and the order of the
 * checks. Only Node's built-in modules may be used (node:crypto has createHmac and
 * timingSafeEqual; Buffer can encode and decode 'base64url').
 */

const crypto = require('node:crypto');

const REASONS = ['malformed', 'unsupported_algorithm', 'bad_signature', 'expired', 'not_yet_valid', 'bad_audience'];

/** The token must not be trusted; `reason` (also the message) is one of REASONS. Keep this class as it is. */
class InvalidToken extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'InvalidToken';
    this.reason = reason;
  }
}

/**
 * Return a compact JWT with header {"alg": "HS256", "typ": "JWT"} carrying `claims`.
 *
 * @param {object} claims a plain object (TypeError otherwise)
 * @param {string|Buffer|Uint8Array} secret a string means its UTF-8 bytes; TypeError if it is
 *   none of these, RangeError if it is empty
 * @returns {string}
 */
function sign(claims, secret) {
  throw new Error('not implemented');
}

/**
 * Return the claims of `token` if it is a valid HS256 JWT signed with `secret`.
 *
 * Throws `new InvalidToken(reason)` with the first failing check's reason (see the statement),
 * TypeError/RangeError for a bad `secret` and RangeError for a negative `leeway`.
 *
 * @param {string} token
 * @param {string|Buffer|Uint8Array} secret
 * @param {{now: number, audience?: string|null, leeway?: number}} options `now` is the current
 *   time in seconds since the epoch (required); `audience` defaults to null, `leeway` to 0
 * @returns {object} the claims
 */
function verify(token, secret, { now, audience = null, leeway = 0 } = {}) {
  throw new Error('not implemented');
}

module.exports = { InvalidToken, REASONS, sign, verify };
