'use strict';
// Worked examples from the statement (JavaScript).

const { test } = require('node:test');
const assert = require('node:assert');
const { hashPassword, verifyPassword, needsRehash } = require('./solution');

const LEGACY = 'pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw=';

test('hash and verify', () => {
  const record = hashPassword('correct horse battery staple');
  assert.ok(record.startsWith('pbkdf2_sha256$60000$'), record);
  assert.strictEqual(verifyPassword('correct horse battery staple', record), true);
  assert.strictEqual(verifyPassword('Correct horse battery staple', record), false);
  assert.notStrictEqual(hashPassword('correct horse battery staple'), record);
  assert.strictEqual(needsRehash(record), false);
});

test('legacy record and errors', () => {
  assert.strictEqual(verifyPassword('hunter2', LEGACY), true);
  assert.strictEqual(needsRehash(LEGACY), true);
  assert.strictEqual(verifyPassword('hunter2', 'pbkdf2_sha256$1000$not base64$'), false);
  assert.throws(() => hashPassword(''), RangeError);
});
