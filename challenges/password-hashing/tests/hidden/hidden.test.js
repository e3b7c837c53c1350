'use strict';
// Hidden tests for the password-hashing challenge (JavaScript).

const { describe, it } = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { hashPassword, verifyPassword, needsRehash } = require('./solution');

const RECORD = /^pbkdf2_sha256\$60000\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;

// Records computed independently with Python's hashlib.pbkdf2_hmac: [password, record].
const VECTORS = [
  ['correct horse battery staple',
    'pbkdf2_sha256$60000$YXNzZXNzb3Itc2FsdC0xNg==$nBQH9TnKedE1CGO6s05ibTVZeGYv/xuB3I70VFdCcZ8='],
  ['hunter2', // legacy: 1,000 iterations, 8-byte salt
    'pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw='],
  ['Pa\u00dfw\u00f6rd \u2014 \u6771\u4eac', // more iterations than ITERATIONS
    'pbkdf2_sha256$120000$AAECAwQFBgcICQoLDA0ODw==$deFbTetLhxsltINf486XfL49RDiqRordtzapGSuSS2s='],
];
const GOOD = VECTORS[0][1];
const PASSWORD = 'correct horse battery staple';
const UNICODE_VECTOR = 'pbkdf2_sha256$60000$dW5pY29kZS1zYWx0LTAxNg==$EVP6n8tTY/3C0+vCmkW88+Ei+P/szQ8tnxZAWnM6CyE=';
const MAX_VECTOR = 'pbkdf2_sha256$1000000$bWF4LWl0ZXJhdGlvbnMhIQ==$N9NKRI7/ngfUVktdEY2Ti1pDcZlmQu0wYrWO6bd78WE=';

/** [salt, hash] of a well-formed new record. */
function fields(record) {
  assert.strictEqual(typeof record, 'string', `not a string: ${record}`);
  const match = RECORD.exec(record);
  assert.ok(match, `not a well-formed new record: ${JSON.stringify(record)}`);
  return [Buffer.from(match[1], 'base64'), Buffer.from(match[2], 'base64')];
}

function withField(record, index, value) {
  const parts = record.split('$');
  parts[index] = value;
  return parts.join('$');
}

function pbkdf2(password, salt, iterations = 60000) {
  return crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');

describe('hashPassword', () => {
  it('writes the record format with a correct PBKDF2 key', () => {
    const record = hashPassword(PASSWORD);
    const [salt, hash] = fields(record);
    assert.strictEqual(salt.length, 16);
    assert.deepStrictEqual(hash, pbkdf2(PASSWORD, salt));
    assert.strictEqual(verifyPassword(PASSWORD, record), true);
    assert.strictEqual(needsRehash(record), false);
  });

  it('uses a fresh salt every time', () => {
    const records = Array.from({ length: 12 }, () => hashPassword('same password'));
    const salts = new Set(records.map((r) => fields(r)[0].toString('hex')));
    const hashes = new Set(records.map((r) => fields(r)[1].toString('hex')));
    assert.strictEqual(salts.size, 12);
    assert.strictEqual(hashes.size, 12);
    for (const record of records) assert.strictEqual(verifyPassword('same password', record), true, record);
  });

  it('refuses empty and non-string passwords', () => {
    assert.throws(() => hashPassword(''), RangeError);
    for (const bad of [null, undefined, Buffer.from('password'), 12345, ['password'], { password: 'x' }]) {
      assert.throws(() => hashPassword(bad), TypeError, String(bad));
      assert.throws(() => verifyPassword(bad, GOOD), TypeError, String(bad));
    }
    assert.strictEqual(verifyPassword('', GOOD), false);
  });
});

describe('verifyPassword', () => {
  it('rejects near-miss passwords', () => {
    const record = hashPassword(PASSWORD);
    for (const wrong of ['Correct horse battery staple', 'correct horse battery staple ',
      ' correct horse battery staple', 'correct horse battery', 'correct horse battery staple!',
      'correcthorsebatterystaple', '', 'hunter2']) {
      assert.strictEqual(verifyPassword(wrong, record), false, wrong);
    }
    assert.strictEqual(verifyPassword(PASSWORD, record), true);
  });

  it('verifies records made by another implementation', () => {
    for (const [password, record] of VECTORS) {
      assert.strictEqual(verifyPassword(password, record), true, record);
      assert.strictEqual(verifyPassword(`${password}x`, record), false, record);
    }
    assert.strictEqual(verifyPassword('max', MAX_VECTOR), true, 'exactly MAX_ITERATIONS is allowed');
  });

  it('normalises passwords to NFKC', () => {
    assert.strictEqual(verifyPassword('fine pass', UNICODE_VECTOR), true);        // stored from "\ufb01ne ｐａｓｓ"
    assert.strictEqual(verifyPassword('\ufb01ne \uff50\uff41\uff53\uff53', UNICODE_VECTOR), true);
    assert.strictEqual(verifyPassword('fine Pass', UNICODE_VECTOR), false);
    for (const [typed, other] of [['\u212b', '\u00c5'], ['A\u030a', '\u00c5'], ['caf\u00e9', 'cafe\u0301'],
      ['\u2460\u2461', '12']]) {
      const record = hashPassword(typed);
      assert.strictEqual(verifyPassword(other, record), true, typed);
      const [salt, hash] = fields(record);
      assert.deepStrictEqual(hash, pbkdf2(typed.normalize('NFKC'), salt), typed);
    }
    const record = hashPassword('p\u00e4ss \u{1f511} \u6771\u4eac');
    assert.strictEqual(verifyPassword('pa\u0308ss \u{1f511} \u6771\u4eac', record), true);
    assert.strictEqual(verifyPassword('pass \u{1f511} \u6771\u4eac', record), false);
  });

  it('rejects tampered records', () => {
    const [, , saltText, hashText] = GOOD.split('$');
    const flippedHash = (hashText[0] !== 'A' ? 'A' : 'B') + hashText.slice(1);
    const flippedSalt = saltText.slice(0, 5) + (saltText[5] !== 'A' ? 'A' : 'B') + saltText.slice(6);
    const other = VECTORS[2][1].split('$');
    const tampered = [
      withField(GOOD, 3, flippedHash),
      withField(GOOD, 2, flippedSalt),
      withField(GOOD, 1, '60001'),
      withField(GOOD, 1, '59999'),
      withField(GOOD, 1, '120000'),
      withField(GOOD, 0, 'pbkdf2_sha1'),
      withField(GOOD, 0, 'PBKDF2_SHA256'),
      withField(GOOD, 2, other[2]),      // another record's salt
      withField(GOOD, 3, other[3]),      // another record's hash
    ];
    for (const record of tampered) assert.strictEqual(verifyPassword(PASSWORD, record), false, record);
    assert.strictEqual(verifyPassword(PASSWORD, GOOD), true);
  });

  it('returns false for malformed records without throwing', () => {
    const [, it, salt, digest] = GOOD.split('$');
    const digestBytes = Buffer.from(digest, 'base64');
    const malformed = [
      '', 'pbkdf2_sha256', '$$$', `${GOOD}$`, `${GOOD}$extra`, `$${GOOD}`,
      `pbkdf2_sha256$${it}$${salt}`, `pbkdf2_sha256$${salt}$${digest}`,
      // iterations: not canonical ASCII decimal, or out of range
      withField(GOOD, 1, ''), withField(GOOD, 1, 'abc'), withField(GOOD, 1, '0'),
      withField(GOOD, 1, '-60000'), withField(GOOD, 1, '+60000'), withField(GOOD, 1, ' 60000'),
      withField(GOOD, 1, '60000 '), withField(GOOD, 1, '60_000'), withField(GOOD, 1, '060000'),
      withField(GOOD, 1, '60000.0'), withField(GOOD, 1, '6e4'), withField(GOOD, 1, '0x1000'),
      withField(GOOD, 1, '\uff16\uff10\uff10\uff10\uff10'),   // full-width digits
      withField(GOOD, 1, '\u0666\u0660\u0660\u0660\u0660'),   // Arabic-Indic digits
      // Base64: missing padding, stray or foreign characters, URL-safe alphabet
      withField(GOOD, 3, digest.replace(/=+$/, '')), withField(GOOD, 2, salt.replace(/=+$/, '')),
      `${GOOD}\n`, `${GOOD} `, withField(GOOD, 3, `${digest.slice(0, 10)} ${digest.slice(10)}`),
      withField(GOOD, 3, `${digest.slice(0, 10)}!${digest.slice(10)}`), withField(GOOD, 2, `\u00e9${salt.slice(1)}`),
      withField(GOOD, 3, digest.replace(/\//g, '_')),
      // lengths: salt below 8 bytes, hash not 32 bytes
      withField(GOOD, 2, b64('short')),
      withField(GOOD, 2, ''),
      withField(GOOD, 3, b64(digestBytes.subarray(0, 31))),
      withField(GOOD, 3, b64(Buffer.concat([digestBytes, Buffer.from([0])]))),
      withField(GOOD, 3, ''),
      // not a string at all
      null, undefined, 12345, Buffer.from(GOOD), ['pbkdf2_sha256', it, salt, digest], { stored: GOOD },
    ];
    for (const record of malformed) {
      const label = typeof record === 'string' ? JSON.stringify(record) : String(record && typeof record);
      assert.strictEqual(verifyPassword(PASSWORD, record), false, label);
      assert.strictEqual(needsRehash(record), true, label);
    }
  });

  it('refuses huge iteration counts without hashing', () => {
    const counts = ['1000000000', '99999999999999999999', '1000001'];
    for (const count of counts) { // 10**9 iterations would take hours: this must return at once
      assert.strictEqual(verifyPassword(PASSWORD, withField(GOOD, 1, count)), false, count);
    }
    for (const count of counts) assert.strictEqual(needsRehash(withField(GOOD, 1, count)), true, count);
  });

  it('round-trips unusual passwords', () => {
    for (const password of ['a'.repeat(10000), 'pa$$word$60000$', 'nul\u0000byte', 'line\nbreak\r\n', '\'"\\`',
      ' ', '\t']) {
      const record = hashPassword(password);
      fields(record);
      assert.strictEqual(verifyPassword(password, record), true, password.slice(0, 20));
      assert.strictEqual(verifyPassword(`${password} `, record), false, password.slice(0, 20));
    }
    assert.strictEqual(verifyPassword('a'.repeat(9999), hashPassword('a'.repeat(10000))), false);
  });
});

describe('needsRehash', () => {
  it('compares the iterations with ITERATIONS', () => {
    assert.strictEqual(needsRehash(hashPassword('pw')), false);
    assert.strictEqual(needsRehash(GOOD), false);
    assert.strictEqual(needsRehash(VECTORS[1][1]), true);                  // 1,000 iterations
    assert.strictEqual(needsRehash(VECTORS[2][1]), false);                 // 120,000 iterations
    assert.strictEqual(needsRehash(withField(GOOD, 1, '59999')), true);
    assert.strictEqual(needsRehash(withField(GOOD, 1, '1')), true);
    assert.strictEqual(needsRehash(MAX_VECTOR), false);
  });
});
