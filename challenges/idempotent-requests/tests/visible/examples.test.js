'use strict';
/** Worked examples from the statement (JavaScript). */

const { test } = require('node:test');
const assert = require('node:assert');
const { IdempotencyConflict, IdempotencyStore } = require('./solution');

/** Records the charges made; charges.charge(amount) is a request's operation. */
function chargeRecorder() {
  const made = [];
  return {
    made,
    charge: (amount) => async () => {
      made.push(amount);
      return { chargeId: `ch_${made.length}`, amount };
    },
  };
}

test('a retry returns the stored response, a different request conflicts, and keys expire after 24 h', async () => {
  const charges = chargeRecorder();
  let now = 0;
  const store = new IdempotencyStore(() => now);
  const first = await store.handle('key-1', 'amount=500', charges.charge(500));
  assert.deepStrictEqual(first, { chargeId: 'ch_1', amount: 500 });
  assert.deepStrictEqual(await store.handle('key-1', 'amount=500', charges.charge(500)), first);
  assert.deepStrictEqual(charges.made, [500]);
  await assert.rejects(store.handle('key-1', 'amount=900', charges.charge(900)),
    (error) => error instanceof IdempotencyConflict);
  now = 24 * 60 * 60 * 1000 - 1;
  assert.deepStrictEqual(await store.handle('key-1', 'amount=500', charges.charge(500)), first);
  now = 24 * 60 * 60 * 1000;
  assert.deepStrictEqual(await store.handle('key-1', 'amount=900', charges.charge(900)), { chargeId: 'ch_2', amount: 900 });
  assert.deepStrictEqual(charges.made, [500, 900]);
});

test('an operation that fails stores nothing, so the retry runs again', async () => {
  const charges = chargeRecorder();
  const store = new IdempotencyStore(() => 0);
  const unreachable = async () => {
    throw Object.assign(new Error('card processor unreachable'), { code: 'ECONNREFUSED' });
  };
  await assert.rejects(store.handle('key-2', 'amount=700', unreachable), { code: 'ECONNREFUSED' });
  assert.deepStrictEqual(await store.handle('key-2', 'amount=700', charges.charge(700)), { chargeId: 'ch_1', amount: 700 });
  assert.deepStrictEqual(charges.made, [700]);
});

test('identical requests in flight together run the operation once', async () => {
  const charges = chargeRecorder();
  const store = new IdempotencyStore();
  const [a, b] = await Promise.all([
    store.handle('key-3', 'amount=300', charges.charge(300)),
    store.handle('key-3', 'amount=300', charges.charge(300)),
  ]);
  assert.deepStrictEqual([a, b], [{ chargeId: 'ch_1', amount: 300 }, { chargeId: 'ch_1', amount: 300 }]);
  assert.deepStrictEqual(charges.made, [300]);
});
