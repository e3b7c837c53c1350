'use strict';
// Hidden tests for the jwt-verify challenge (JavaScript).
// Tokens are built with the tiny encoder below, never with the candidate's own sign().

const { describe, it } = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { InvalidToken, sign, verify } = require('./solution');

const SECRET = Buffer.concat([Buffer.from('hidden-test-secret-'), Buffer.from([0x00, 0xff]), Buffer.from('-bytes')]);
const NOW = 1700000000;
const HS256 = { alg: 'HS256', typ: 'JWT' };

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const b64urlDecode = (segment) => Buffer.from(segment, 'base64url');

/** Python's json.dumps with its default separators and ensure_ascii: another valid JSON style. */
function pythonStyle(value) {
  if (Array.isArray(value)) return `[${value.map(pythonStyle).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonStyle(k)}: ${pythonStyle(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return JSON.stringify(value);
}

/** base64url of raw bytes, or of a JSON value serialised in the given style. */
function encode(value, style = 'compact') {
  if (Buffer.isBuffer(value)) return b64url(value);
  let text;
  if (style === 'compact') text = JSON.stringify(value);
  else if (style === 'spaced') text = JSON.stringify(value, null, 2);
  else text = pythonStyle(value);
  return b64url(Buffer.from(text, 'utf8'));
}

function mac(signingInput, key = SECRET, digest = 'sha256') {
  return b64url(crypto.createHmac(digest, key).update(signingInput, 'ascii').digest());
}

function makeToken(claims, { header = HS256, key = SECRET, digest = 'sha256', style = 'compact' } = {}) {
  const signingInput = `${encode(header, style)}.${encode(claims, style)}`;
  return `${signingInput}.${mac(signingInput, key, digest)}`;
}

/** A correctly signed token from already-encoded segments. */
function resign(headerB64, payloadB64, key = SECRET) {
  const signingInput = `${headerB64}.${payloadB64}`;
  return `${signingInput}.${mac(signingInput, key)}`;
}

const show = (token) => (typeof token === 'string' ? JSON.stringify(token.slice(0, 120)) : String(token));

/** The reason of the InvalidToken that verify throws. */
function reason(token, options = {}, secret = SECRET) {
  let error;
  try {
    verify(token, secret, { now: NOW, ...options });
  } catch (caught) {
    error = caught;
  }
  assert.ok(error !== undefined, `accepted: ${show(token)}`);
  assert.ok(error instanceof InvalidToken, `${show(token)}: threw ${error && error.name}: ${error && error.message}, not InvalidToken`);
  return error.reason;
}

describe('verify', () => {
  it('returns the claims of valid tokens', () => {
    const claims = { sub: 'user-42', iat: NOW - 10, exp: NOW + 60, nbf: NOW - 5, scope: ['read', 'write'],
      name: 'Zoë 東京', meta: { n: 1.5, ok: true, x: null } };
    for (const style of ['compact', 'spaced', 'python']) {
      assert.deepStrictEqual(verify(makeToken(claims, { style }), SECRET, { now: NOW }), claims, style);
    }
    const header = { typ: 'JWT', kid: '2024-key', alg: 'HS256' };   // extra header fields, any order
    assert.deepStrictEqual(verify(makeToken(claims, { header }), SECRET, { now: NOW }), claims);
    assert.deepStrictEqual(verify(makeToken({}), SECRET, { now: NOW }), {});
    const textSecret = 'pässwörd-secret';
    const token = makeToken({ sub: 'a' }, { key: Buffer.from(textSecret, 'utf8') });
    assert.deepStrictEqual(verify(token, textSecret, { now: NOW }), { sub: 'a' });
    assert.deepStrictEqual(verify(token, Buffer.from(textSecret, 'utf8'), { now: NOW }), { sub: 'a' });
    assert.deepStrictEqual(verify(token, new Uint8Array(Buffer.from(textSecret, 'utf8')), { now: NOW }), { sub: 'a' });
  });

  it('rejects alg none', () => {
    const payload = encode({ sub: 'admin', admin: true });
    for (const header of [{ alg: 'none' }, { alg: 'None' }, { alg: 'NONE' }, { alg: 'nOnE', typ: 'JWT' },
      { alg: null }, { alg: '' }, { typ: 'JWT' }, {}]) {
      const h = encode(header);
      assert.strictEqual(reason(`${h}.${payload}.`), 'unsupported_algorithm', JSON.stringify(header));
      assert.strictEqual(reason(resign(h, payload)), 'unsupported_algorithm', JSON.stringify(header));  // even "correctly" signed
    }
  });

  it('rejects other algorithms', () => {
    const claims = { sub: 'user-42' };
    assert.strictEqual(reason(makeToken(claims, { header: { alg: 'HS512' }, digest: 'sha512' })), 'unsupported_algorithm');
    assert.strictEqual(reason(makeToken(claims, { header: { alg: 'HS384' }, digest: 'sha384' })), 'unsupported_algorithm');
    for (const alg of ['RS256', 'ES256', 'PS256', 'hs256', 'HS256 ', 'HS 256', ['HS256'], 256, { name: 'HS256' }]) {
      assert.strictEqual(reason(makeToken(claims, { header: { alg } })), 'unsupported_algorithm', JSON.stringify(alg));
    }
  });

  it('rejects stripped and tampered signatures', () => {
    const token = makeToken({ sub: 'user-42', admin: false, exp: NOW + 60 });
    const [header, payload, signature] = token.split('.');
    const forgedPayload = encode({ sub: 'user-42', admin: true, exp: NOW + 60 });
    const other = makeToken({ sub: 'someone-else' }).split('.')[2];
    const cases = [
      `${header}.${payload}.`,                               // signature stripped
      `${header}.${forgedPayload}.${signature}`,             // payload edited, old signature kept
      `${header}.${payload}.${signature.slice(0, -4)}`,      // truncated
      `${header}.${payload}.${signature}AAAA`,               // extended
      `${header}.${payload}.${other}`,                       // another token's signature
      makeToken({ sub: 'user-42' }, { key: Buffer.from('attacker-key') }),   // signed with another secret
      makeToken({ sub: 'user-42' }, { key: SECRET.subarray(0, -1) }),
      `${header}.${payload}.${mac(`${header}.${payload}`, crypto.createHash('sha256').update(SECRET).digest())}`,
    ];
    for (const forged of cases) assert.strictEqual(reason(forged), 'bad_signature', show(forged));
    assert.deepStrictEqual(verify(token, SECRET, { now: NOW }), { sub: 'user-42', admin: false, exp: NOW + 60 });
  });

  it('rejects malformed structure and encoding', () => {
    const token = makeToken({ sub: 'user-42' });
    const [header, payload, signature] = token.split('.');
    const truncatedJson = encode(Buffer.from('{"alg":"HS256"'));
    const notUtf8 = encode(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]));
    const badUtf8InString = encode(Buffer.concat([Buffer.from('{"alg":"HS256","x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    const bad = [
      '', '.', '..', '...', header, `${header}.${payload}`, `${token}.`, `${token}.${signature}`,
      `${header}=.${payload}.${signature}`,                  // padding
      `${header}.${payload}.${signature}=`,
      `${header}.${payload} .${signature}`,                  // whitespace
      ` ${token}`, `${token}\n`,
      `${header}.${payload}.${signature.slice(0, -1)}+`,     // standard-alphabet characters
      `${header}.${payload.slice(0, 5)}/${payload.slice(5)}.${signature}`,
      `${header}.${payload}.${signature.slice(0, 10)}é${signature.slice(10)}`,
      `${header}A.${payload}.${signature}`,                  // length = 1 mod 4 after a valid one
      `${encode(Buffer.from('not json'))}.${payload}.${signature}`,
      `${encode(Buffer.from(''))}.${payload}.${signature}`,
      `${encode(['HS256'])}.${payload}.${signature}`,        // header is JSON but not an object
      `${encode('HS256')}.${payload}.${signature}`,
      `${encode(null)}.${payload}.${signature}`,
      `${truncatedJson}.${payload}.${signature}`,
      `${notUtf8}.${payload}.${signature}`,                  // not UTF-8
      `${badUtf8InString}.${payload}.${signature}`,
    ];
    for (const candidate of bad) assert.strictEqual(reason(candidate), 'malformed', show(candidate));
    for (const notAString of [null, undefined, Buffer.from(token), 12345, ['a', 'b', 'c']]) {
      assert.strictEqual(reason(notAString), 'malformed', String(notAString));
    }
  });

  it('checks the payload only after the signature', () => {
    const header = encode(HS256);
    const badPayloads = [
      encode(Buffer.from('not json')), encode(Buffer.from('')), encode([1, 2, 3]), encode('claims'), encode(null),
      encode(Buffer.from([0xff, 0xfe])),
      encode({ exp: String(NOW + 60) }), encode({ exp: true }), encode({ nbf: null }),
      encode({ nbf: [NOW] }), encode({ aud: 123 }), encode({ aud: ['api', 1] }),
      encode({ aud: { name: 'api' } }), encode({ aud: null }),
    ];
    for (const payload of badPayloads) {
      assert.strictEqual(reason(resign(header, payload), { audience: 'api' }), 'malformed', payload);
      assert.strictEqual(reason(resign(header, payload, Buffer.from('wrong')), { audience: 'api' }), 'bad_signature', payload);
    }
  });

  it('applies exp with its boundary and leeway', () => {
    const token = makeToken({ sub: 'a', exp: NOW + 100 });
    assert.deepStrictEqual(verify(token, SECRET, { now: NOW + 99 }), { sub: 'a', exp: NOW + 100 });
    assert.deepStrictEqual(verify(token, SECRET, { now: NOW + 99.999 }), { sub: 'a', exp: NOW + 100 });
    assert.strictEqual(reason(token, { now: NOW + 100 }), 'expired');
    assert.strictEqual(reason(token, { now: NOW + 10 ** 6 }), 'expired');
    assert.strictEqual(verify(token, SECRET, { now: NOW + 109, leeway: 10 }).exp, NOW + 100);
    assert.strictEqual(reason(token, { now: NOW + 110, leeway: 10 }), 'expired');
    const fractional = makeToken({ exp: NOW + 0.5 });
    assert.deepStrictEqual(verify(fractional, SECRET, { now: NOW }), { exp: NOW + 0.5 });
    assert.strictEqual(reason(fractional, { now: NOW + 0.5 }), 'expired');
    assert.deepStrictEqual(verify(fractional, SECRET, { now: NOW + 1, leeway: 0.75 }), { exp: NOW + 0.5 });
    assert.deepStrictEqual(verify(makeToken({ sub: 'no-exp' }), SECRET, { now: NOW + 10 ** 9 }), { sub: 'no-exp' });
  });

  it('applies nbf with its boundary and leeway', () => {
    const token = makeToken({ sub: 'a', nbf: NOW + 100, exp: NOW + 200 });
    assert.strictEqual(reason(token, { now: NOW }), 'not_yet_valid');
    assert.strictEqual(reason(token, { now: NOW + 99.5 }), 'not_yet_valid');
    assert.strictEqual(verify(token, SECRET, { now: NOW + 100 }).sub, 'a');
    assert.strictEqual(verify(token, SECRET, { now: NOW + 95, leeway: 5 }).sub, 'a');
    assert.strictEqual(reason(token, { now: NOW + 94.9, leeway: 5 }), 'not_yet_valid');
    assert.strictEqual(reason(token, { now: NOW + 200 }), 'expired');
  });

  it('runs the checks in the specified order', () => {
    const expired = { sub: 'a', exp: NOW - 10, nbf: NOW + 10, aud: 'other' };
    assert.strictEqual(reason(makeToken(expired, { header: { alg: 'none' } }), { audience: 'api' }), 'unsupported_algorithm');
    assert.strictEqual(reason(makeToken(expired, { key: Buffer.from('wrong') }), { audience: 'api' }), 'bad_signature');
    assert.strictEqual(reason(makeToken(expired), { audience: 'api' }), 'expired');
    assert.strictEqual(reason(makeToken({ ...expired, exp: NOW + 60 }), { audience: 'api' }), 'not_yet_valid');
    assert.strictEqual(reason(makeToken({ ...expired, exp: NOW + 60, nbf: NOW }), { audience: 'api' }), 'bad_audience');
    assert.strictEqual(reason(makeToken({ exp: 'soon' }, { header: { alg: 'HS512' }, digest: 'sha512' })), 'unsupported_algorithm');
  });

  it('applies the audience rules', () => {
    assert.deepStrictEqual(verify(makeToken({ aud: 'api' }), SECRET, { now: NOW, audience: 'api' }), { aud: 'api' });
    assert.deepStrictEqual(verify(makeToken({ aud: ['web', 'api'] }), SECRET, { now: NOW, audience: 'api' }),
      { aud: ['web', 'api'] });
    for (const [aud, audience] of [['web', 'api'], ['API', 'api'], ['api ', 'api'], [['web'], 'api'], [[], 'api'],
      ['api', 'ap'], ['apiX', 'api'], [['apiX', 'ap'], 'api']]) {
      assert.strictEqual(reason(makeToken({ aud }), { audience }), 'bad_audience', JSON.stringify([aud, audience]));
    }
    assert.strictEqual(reason(makeToken({ sub: 'no-aud' }), { audience: 'api' }), 'bad_audience');
    assert.strictEqual(reason(makeToken({ aud: 'api' })), 'bad_audience');               // verifier expects none
    assert.strictEqual(reason(makeToken({ aud: [] })), 'bad_audience');
    assert.deepStrictEqual(verify(makeToken({ sub: 'no-aud' }), SECRET, { now: NOW }), { sub: 'no-aud' });
  });

  it('rejects 300 mutants and accepts a 400 KB token', () => {
    let seed = 1234;
    const random = () => {   // mulberry32: the same mutants on every run
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (text) => text[Math.floor(random() * text.length)];
    const claims = { sub: 'user-42', roles: ['admin', 'billing'], exp: NOW + 60, aud: 'api' };
    const token = makeToken(claims);
    const lastSignatureChar = token.length - 1;  // may differ only in unused bits: skip it
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    const mutants = new Set();
    while (mutants.size < 300) {
      const i = Math.floor(random() * token.length);
      const kind = pick(['replace', 'insert', 'delete']);
      if (kind === 'replace' && i !== lastSignatureChar) {
        mutants.add(token.slice(0, i) + pick(alphabet.replace(token[i], '')) + token.slice(i + 1));
      } else if (kind === 'insert') {
        mutants.add(token.slice(0, i) + pick(alphabet) + token.slice(i));
      } else if (kind === 'delete') {
        mutants.add(token.slice(0, i) + token.slice(i + 1));
      }
    }
    for (const mutant of mutants) reason(mutant, { audience: 'api' });
    assert.deepStrictEqual(verify(token, SECRET, { now: NOW, audience: 'api' }), claims);

    const big = { sub: 'bulk', aud: 'api', permissions: Array.from({ length: 15000 }, (_, i) => `resource-${i}:read`) };
    const bigToken = makeToken(big);
    assert.ok(bigToken.length > 400000);
    assert.deepStrictEqual(verify(bigToken, SECRET, { now: NOW, audience: 'api' }), big);
    const [header, payload, signature] = bigToken.split('.');
    assert.strictEqual(reason(`${header}.${payload.slice(0, -2)}xx.${signature}`, { audience: 'api' }), 'bad_signature');
  });

  it('treats caller errors as TypeError and RangeError, not InvalidToken', () => {
    const token = makeToken({ sub: 'a' });
    for (const secret of [Buffer.alloc(0), '']) {
      assert.throws(() => verify(token, secret, { now: NOW }), RangeError);
      assert.throws(() => sign({ sub: 'a' }, secret), RangeError);
    }
    for (const secret of [null, undefined, 12345, ['k', 'e', 'y']]) {
      assert.throws(() => verify(token, secret, { now: NOW }), TypeError, String(secret));
      assert.throws(() => sign({ sub: 'a' }, secret), TypeError, String(secret));
    }
    assert.throws(() => verify(token, SECRET, { now: NOW, leeway: -1 }), RangeError);
    for (const claims of [['not', 'a', 'dict'], null, 'claims', 42]) {
      assert.throws(() => sign(claims, SECRET), TypeError, String(claims));
    }
  });
});

describe('sign', () => {
  it('produces standard HS256 tokens', () => {
    const claims = { sub: 'user-7', aud: ['api', 'web'], exp: NOW + 3600, name: 'Ünïcødé ✓' };
    const token = sign(claims, SECRET);
    assert.strictEqual(typeof token, 'string');
    const parts = token.split('.');
    assert.strictEqual(parts.length, 3);
    for (const part of parts) assert.match(part, /^[A-Za-z0-9_-]+$/);
    const header = JSON.parse(b64urlDecode(parts[0]).toString('utf8'));
    assert.strictEqual(header.alg, 'HS256');
    assert.strictEqual(header.typ, 'JWT');
    assert.deepStrictEqual(JSON.parse(b64urlDecode(parts[1]).toString('utf8')), claims);
    assert.strictEqual(parts[2], mac(`${parts[0]}.${parts[1]}`));
    assert.deepStrictEqual(verify(token, SECRET, { now: NOW, audience: 'web' }), claims);
    const textToken = sign({ a: 1 }, 'text-secret').split('.');
    assert.strictEqual(textToken[2], mac(`${textToken[0]}.${textToken[1]}`, Buffer.from('text-secret')));
  });
});
