'use strict';
// Worked examples from the statement (JavaScript).

const { test } = require('node:test');
const assert = require('node:assert');
const { InvalidToken, sign, verify } = require('./solution');

const SECRET = Buffer.from('k3y-for-tests-only');
const NOW = 1700000000;

function reason(token, options, secret = SECRET) {
  let error;
  try {
    verify(token, secret, options);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof InvalidToken, `expected an InvalidToken, got ${error && error.name}`);
  return error.reason;
}

test('sign then verify', () => {
  const claims = { sub: 'user-42', aud: 'billing', exp: NOW + 600 };
  const token = sign(claims, SECRET);
  assert.deepStrictEqual(verify(token, SECRET, { now: NOW, audience: 'billing' }), claims);
  assert.strictEqual(reason(token, { now: NOW + 600, audience: 'billing' }), 'expired');
  assert.deepStrictEqual(verify(token, SECRET, { now: NOW + 600, audience: 'billing', leeway: 30 }), claims);
  assert.strictEqual(reason(token, { now: NOW, audience: 'billing' }, Buffer.from('another-secret')), 'bad_signature');
  assert.strictEqual(reason(token, { now: NOW }), 'bad_audience');
});

test('forged tokens from the example', () => {
  const token = sign({ sub: 'user-42', aud: 'billing', exp: NOW + 600 }, SECRET);
  const [header, payload] = token.split('.');
  assert.strictEqual(reason(`eyJhbGciOiJub25lIn0.${payload}.`, { now: NOW, audience: 'billing' }), 'unsupported_algorithm');
  assert.strictEqual(reason(`${header}.${payload}`, { now: NOW }), 'malformed');
});
