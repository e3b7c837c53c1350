'use strict';
/** Salted, self-describing PBKDF2-SHA256 password hashes. */

const crypto = require('node:crypto');

const ALGORITHM = 'pbkdf2_sha256';
const ITERATIONS = 60000;          // current work factor for new hashes
const MAX_ITERATIONS = 1000000;    // refuse stored records that would make verification hang
const SALT_BYTES = 16;
const MIN_SALT_BYTES = 8;
const HASH_BYTES = 32;

// Canonical decimal (no sign, spaces, underscores or leading zeros) and strict padded Base64.
const ITERATIONS_FIELD = /^[1-9][0-9]{0,6}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function encodePassword(password) {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  return Buffer.from(password.normalize('NFKC'), 'utf8');
}

function derive(password, salt, iterations) {
  return crypto.pbkdf2Sync(password, salt, iterations, HASH_BYTES, 'sha256');
}

/** {iterations, salt, hash} of a well-formed record, else null. */
function parse(stored) {
  if (typeof stored !== 'string') return null;
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== ALGORITHM) return null;
  const [, iterationsText, saltText, hashText] = parts;
  if (!ITERATIONS_FIELD.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  if (!BASE64.test(saltText) || !BASE64.test(hashText)) return null;
  const salt = Buffer.from(saltText, 'base64');
  const hash = Buffer.from(hashText, 'base64');
  if (salt.length < MIN_SALT_BYTES || hash.length !== HASH_BYTES) return null;
  return { iterations, salt, hash };
}

/** A new record `pbkdf2_sha256$<iterations>$<salt>$<hash>` with a fresh random salt. */
function hashPassword(password) {
  const encoded = encodePassword(password);
  if (password.length === 0) throw new RangeError('password must not be empty');
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = derive(encoded, salt, ITERATIONS);
  return `${ALGORITHM}$${ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** True iff `stored` is a well-formed record of `password`; never throws for a bad record. */
function verifyPassword(password, stored) {
  const encoded = encodePassword(password);
  const parsed = parse(stored);
  if (parsed === null || password.length === 0) return false;
  return crypto.timingSafeEqual(derive(encoded, parsed.salt, parsed.iterations), parsed.hash);
}

/** True if `stored` should be replaced by a fresh hash at the next successful login. */
function needsRehash(stored) {
  const parsed = parse(stored);
  return parsed === null || parsed.iterations < ITERATIONS;
}

module.exports = { ALGORITHM, ITERATIONS, MAX_ITERATIONS, hashPassword, verifyPassword, needsRehash };
