'use strict';
/** Sign and verify HS256 JSON Web Tokens (RFC 7519 / RFC 7515 compact serialisation). */

const crypto = require('node:crypto');

const ALGORITHM = 'HS256';
const REASONS = ['malformed', 'unsupported_algorithm', 'bad_signature', 'expired', 'not_yet_valid', 'bad_audience'];
const SEGMENT = /^[A-Za-z0-9_-]*$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The token must not be trusted; `reason` (also the message) is one of REASONS. */
class InvalidToken extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'InvalidToken';
    this.reason = reason;
  }
}

function b64urlEncode(bytes) {
  return Buffer.from(bytes).toString('base64url');
}

/** Strict unpadded base64url; InvalidToken('malformed') on anything else. */
function b64urlDecode(segment) {
  if (!SEGMENT.test(segment) || segment.length % 4 === 1) throw new InvalidToken('malformed');
  return Buffer.from(segment, 'base64url');
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function jsonObject(bytes) {
  let value;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch (error) {
    throw new InvalidToken('malformed');
  }
  if (!isPlainObject(value)) throw new InvalidToken('malformed');
  return value;
}

function key(secret) {
  if (typeof secret === 'string') secret = Buffer.from(secret, 'utf8');
  if (!(secret instanceof Uint8Array)) throw new TypeError('secret must be a string, a Buffer or a Uint8Array');
  if (secret.length === 0) throw new RangeError('secret must not be empty');
  return Buffer.from(secret);
}

function mac(secretKey, signingInput) {
  return crypto.createHmac('sha256', secretKey).update(signingInput, 'ascii').digest();
}

const has = (object, name) => Object.prototype.hasOwnProperty.call(object, name);

/** A compact HS256 JWT carrying `claims`. */
function sign(claims, secret) {
  if (!isPlainObject(claims)) throw new TypeError('claims must be a plain object');
  const secretKey = key(secret);
  const header = b64urlEncode(Buffer.from(JSON.stringify({ alg: ALGORITHM, typ: 'JWT' })));
  const payload = b64urlEncode(Buffer.from(JSON.stringify(claims), 'utf8'));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${b64urlEncode(mac(secretKey, signingInput))}`;
}

/** The claims of `token` if it is a valid HS256 JWT for `secret` at time `now`; else InvalidToken. */
function verify(token, secret, { now, audience = null, leeway = 0 } = {}) {
  const secretKey = key(secret);
  if (typeof leeway !== 'number' || !(leeway >= 0)) throw new RangeError('leeway must be a non-negative number');
  if (typeof now !== 'number' || Number.isNaN(now)) throw new TypeError('now must be a number of seconds since the epoch');

  // 1. Structure: three unpadded base64url segments, a JSON-object header.
  if (typeof token !== 'string') throw new InvalidToken('malformed');
  const segments = token.split('.');
  if (segments.length !== 3) throw new InvalidToken('malformed');
  const [headerB64, payloadB64, signatureB64] = segments;
  const [headerBytes, payloadBytes, signature] = segments.map(b64urlDecode);
  const header = jsonObject(headerBytes);

  // 2. Algorithm: exactly HS256, never "none" or whatever else the token asks for.
  if (header.alg !== ALGORITHM) throw new InvalidToken('unsupported_algorithm');

  // 3. Signature over the segments exactly as received, compared in constant time.
  const expected = mac(secretKey, `${headerB64}.${payloadB64}`);
  if (signature.length !== expected.length || !crypto.timingSafeEqual(expected, signature)) {
    throw new InvalidToken('bad_signature');
  }

  // 4. Only now is the payload trusted enough to interpret.
  const claims = jsonObject(payloadBytes);
  for (const name of ['exp', 'nbf']) {
    if (has(claims, name) && typeof claims[name] !== 'number') throw new InvalidToken('malformed');
  }
  const aud = claims.aud;
  if (has(claims, 'aud') && !(typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string')))) {
    throw new InvalidToken('malformed');
  }

  if (has(claims, 'exp') && now >= claims.exp + leeway) throw new InvalidToken('expired');
  if (has(claims, 'nbf') && now < claims.nbf - leeway) throw new InvalidToken('not_yet_valid');
  if (audience === null || audience === undefined) {
    if (has(claims, 'aud')) throw new InvalidToken('bad_audience');
  } else if (!(typeof aud === 'string' ? aud === audience : Array.isArray(aud) && aud.includes(audience))) {
    throw new InvalidToken('bad_audience');
  }
  return claims;
}

module.exports = { InvalidToken, REASONS, sign, verify };
