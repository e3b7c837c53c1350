'use strict';
// Worked examples from the statement (JavaScript).
const { test } = require('node:test');
const assert = require('node:assert');
const { Ledger, InsufficientFundsError, UnknownAccountError, TransferDeclinedError } = require('./solution');

test('statement example', async () => {
  const ledger = new Ledger();
  ledger.openAccount('alice', 10000);
  ledger.openAccount('bob', 500);
  assert.strictEqual(await ledger.transfer('alice', 'bob', 2500), 1);
  assert.strictEqual(await ledger.transfer('bob', 'alice', 3000), 2);
  assert.deepStrictEqual([ledger.balance('alice'), ledger.balance('bob')], [10500, 0]);
  assert.deepStrictEqual(ledger.history('bob'), [
    { transferId: 1, counterparty: 'alice', delta: 2500, balanceAfter: 3000 },
    { transferId: 2, counterparty: 'alice', delta: -3000, balanceAfter: 0 },
  ]);
  assert.strictEqual(ledger.total(), 10500);
});

test('statement errors', async () => {
  const ledger = new Ledger();
  ledger.openAccount('alice', 10500);
  ledger.openAccount('bob');
  await assert.rejects(ledger.transfer('bob', 'alice', 1), InsufficientFundsError);
  await assert.rejects(ledger.transfer('alice', 'bob', 0), RangeError);
  await assert.rejects(ledger.transfer('alice', 'carol', 5), UnknownAccountError);
  assert.strictEqual(await ledger.transfer('alice', 'bob', 10500), 1);
  assert.deepStrictEqual([ledger.balance('alice'), ledger.balance('bob')], [0, 10500]);
});

test('concurrent transfers wait for their accounts', async () => {
  const asked = [];
  const approve = async ({ src, dst, amount }) => {
    asked.push(`${src} -> ${dst} ${amount}`);
    await new Promise((resolve) => setImmediate(resolve));      // an approval takes a while
    return amount !== 13;                                        // 13 is declined
  };
  const ledger = new Ledger({ approve });
  ledger.openAccount('alice', 100);
  ledger.openAccount('bob', 10);
  const results = await Promise.allSettled([
    ledger.transfer('alice', 'bob', 60),
    ledger.transfer('alice', 'bob', 60),      // only one of the two fits in alice's balance
    ledger.transfer('alice', 'bob', 13),      // declined
    ledger.transfer('bob', 'alice', 10),      // the other direction: no deadlock
  ]);
  const sixties = results.slice(0, 2);
  assert.deepStrictEqual(sixties.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  assert.ok(sixties.find((r) => r.status === 'rejected').reason instanceof InsufficientFundsError);
  assert.ok(results[2].reason instanceof TransferDeclinedError);
  assert.strictEqual(results[3].status, 'fulfilled');
  assert.deepStrictEqual(asked.sort(), ['alice -> bob 13', 'alice -> bob 60', 'bob -> alice 10']);   // never the second 60
  assert.deepStrictEqual([ledger.balance('alice'), ledger.balance('bob')], [50, 60]);
});
