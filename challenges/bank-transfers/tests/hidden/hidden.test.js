'use strict';
/**
 * Hidden tests for the bank-transfers challenge (JavaScript).
 *
 * JavaScript has no data races: the concurrency hazard is transfers interleaving at `await`
 * points. The tests pass an asynchronous `approve` hook that answers after a few turns of the
 * event loop, start many transfers at once with Promise.all, and check that no two approvals in
 * progress share an account, that nothing is overdrawn or lost, and that nothing deadlocks.
 */

const { describe, it } = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const { Ledger, InsufficientFundsError, UnknownAccountError, TransferDeclinedError } = require('./solution');

/** Deep strict equality with a message that shows both values (node:assert shows only a given message). */
function same(actual, expected, what) {
  if (!util.isDeepStrictEqual(actual, expected)) assert.fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function show(value) {
  return util.inspect(value, { depth: 4, maxArrayLength: 12, breakLength: Infinity }).slice(0, 600);
}

/** A small seeded random generator (mulberry32): the same numbers on every run. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n) => Math.floor(next() * n), between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

function newLedger(opening, options) {
  const ledger = options === undefined ? new Ledger() : new Ledger(options);
  for (const [account, balance] of Object.entries(opening)) ledger.openAccount(account, balance);
  return ledger;
}

function names(prefix, count) {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

function openingOf(accounts, balance) {
  return Object.fromEntries(accounts.map((account) => [account, balance]));
}

/** Resolves after `turns` turns of the event loop. */
function turns(count) {
  return new Promise((resolve) => {
    const step = (left) => (left <= 0 ? resolve() : setImmediate(() => step(left - 1)));
    step(count);
  });
}

/**
 * An approve hook that answers after 0-3 turns of the event loop (seeded) and records a problem
 * whenever it is asked about a transfer that shares an account with an approval still in progress.
 * `decide(call)` gives the answer of the call-th approval (default: true).
 */
function slowApprover(seed, decide = () => true) {
  const rng = random(seed);
  const busy = new Set();
  const record = { calls: 0, approved: 0, amounts: [], overlaps: [] };
  record.approve = ({ src, dst, amount }) => {
    record.calls += 1;
    record.amounts.push(amount);
    const call = record.calls;
    for (const account of [src, dst]) {
      if (busy.has(account) && record.overlaps.length < 5) {
        record.overlaps.push(`${src} -> ${dst} was sent for approval while an earlier approval of ${account} was in progress`);
      }
    }
    busy.add(src);
    busy.add(dst);
    const answer = decide(call);
    return turns(rng.below(4)).then(() => {
      busy.delete(src);
      busy.delete(dst);
      if (answer === true) record.approved += 1;
      return answer;
    });
  };
  return record;
}

/** How a promise settles within `ms`: {value}, {error} or 'still pending'. */
function settlesWithin(promise, ms) {
  let timer;
  const expired = new Promise((resolve) => { timer = setTimeout(() => resolve('still pending'), ms); });
  const settled = Promise.resolve(promise).then((value) => ({ value }), (error) => ({ error }));
  return Promise.race([settled, expired]).finally(() => clearTimeout(timer));
}

/** The value of a promise that must settle within `ms`: transfers that never finish fail this test only. */
async function finished(promise, what, ms = 4000) {
  const outcome = await settlesWithin(promise, ms);
  assert.notStrictEqual(outcome, 'still pending', `${what} did not finish within ${ms / 1000} s (a deadlock?)`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** The outcomes of promises that must all settle in time, as {value} or {error}. */
function allSettled(promises, what) {
  return finished(Promise.all(promises.map((p) => p.then((value) => ({ value }), (error) => ({ error })))), what);
}

/** transfer()'s result: it must return a promise, even when it fails. */
function transferring(ledger, src, dst, amount) {
  let promise;
  try {
    promise = ledger.transfer(src, dst, amount);
  } catch (error) {
    assert.fail(`transfer(${src}, ${dst}, ${String(amount)}) threw ${error} synchronously: it is async, so it must return a promise that rejects`);
  }
  assert.ok(promise instanceof Promise, 'transfer() must return a promise');
  return promise;
}

/** Asserts that the transfer rejects with an instance of `type`; returns the error. */
async function rejects(ledger, src, dst, amount, type) {
  const outcome = await settlesWithin(transferring(ledger, src, dst, amount), 4000);
  assert.notStrictEqual(outcome, 'still pending', `transfer(${src}, ${dst}, ${String(amount)}) did not settle within 4 s`);
  assert.ok('error' in outcome, `transfer(${src}, ${dst}, ${String(amount)}) should fail, but returned ${outcome.value}`);
  if (type) {
    assert.ok(outcome.error instanceof type,
      `transfer(${src}, ${dst}, ${String(amount)}): expected ${type.name}, got ${outcome.error && outcome.error.name}: ${outcome.error && outcome.error.message}`);
  }
  return outcome.error;
}

function balances(ledger, accounts) {
  return accounts.map((account) => ledger.balance(account));
}

function entry(transferId, counterparty, delta, balanceAfter) {
  return { transferId, counterparty, delta, balanceAfter };
}

/** The transfer ids, failing with the first error if a transfer failed. */
function idsOf(outcomes) {
  return outcomes.map((outcome) => {
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  });
}

function assertOneTo(ids, count, what) {
  same([...ids].sort((a, b) => a - b), Array.from({ length: count }, (_, i) => i + 1),
    `${what}: the ids must be exactly 1..${count}`);
}

/**
 * Every history replays from the opening balance to the current balance without going below
 * zero, ids increase within each history, ids 1..transfers each appear on exactly two accounts
 * as matching legs, and the total is the sum of the opening balances.
 */
function checkConsistent(ledger, opening, transfers) {
  const legs = new Map();
  for (const [account, start] of Object.entries(opening)) {
    let balance = start;
    let previous = 0;
    for (const { transferId, counterparty, delta, balanceAfter } of ledger.history(account)) {
      assert.ok(Number.isInteger(transferId) && transferId > previous, `${account}: transfer ${transferId} listed after ${previous}`);
      previous = transferId;
      balance += delta;
      same(balanceAfter, balance, `${account}: balanceAfter at transfer ${transferId}`);
      assert.ok(balance >= 0, `${account}: negative balance ${balance} at transfer ${transferId}`);
      if (!legs.has(transferId)) legs.set(transferId, []);
      legs.get(transferId).push([account, counterparty, delta]);
    }
    same(ledger.balance(account), balance, `${account}: the history adds up to ${balance}, balance() differs`);
  }
  assertOneTo(legs.keys(), transfers, 'the ids in the histories');
  for (const [transferId, pair] of legs) {
    same(pair.length, 2, `transfer ${transferId} has ${pair.length} history entries`);
    const [[a, aOther, aDelta], [b, bOther, bDelta]] = pair;
    same([aOther, bOther, aDelta + bDelta], [b, a, 0], `the two entries of transfer ${transferId} do not match`);
  }
  same(ledger.total(), Object.values(opening).reduce((sum, balance) => sum + balance, 0), 'total()');
}

describe('ledger', () => {
  it('opens accounts and sums their balances', async () => {
    const ledger = new Ledger();
    assert.strictEqual(ledger.total(), 0);
    ledger.openAccount('a', 1000);
    ledger.openAccount('b');
    ledger.openAccount('c', 0);
    assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c']), [1000, 0, 0]);
    assert.strictEqual(ledger.total(), 1000);
    ledger.openAccount('d', 250);
    assert.strictEqual(ledger.total(), 1250);
    assert.deepStrictEqual(ledger.history('a'), []);
    await transferring(ledger, 'a', 'b', 400);
    assert.strictEqual(ledger.total(), 1250);
  });

  it('returns ids 1, 2, ... and records each transfer in both histories', async () => {
    const opening = { a: 1000, b: 300, c: 0 };
    const ledger = newLedger(opening);
    assert.strictEqual(await transferring(ledger, 'a', 'b', 100), 1);
    assert.strictEqual(await transferring(ledger, 'b', 'c', 400), 2);
    assert.strictEqual(await transferring(ledger, 'c', 'a', 50), 3);
    assert.strictEqual(await transferring(ledger, 'a', 'c', 950), 4);
    assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c']), [0, 0, 1300]);
    assert.deepStrictEqual(ledger.history('a'), [entry(1, 'b', -100, 900), entry(3, 'c', 50, 950), entry(4, 'c', -950, 0)]);
    assert.deepStrictEqual(ledger.history('b'), [entry(1, 'a', 100, 400), entry(2, 'c', -400, 0)]);
    assert.deepStrictEqual(ledger.history('c'), [entry(2, 'b', 400, 400), entry(3, 'a', -50, 350), entry(4, 'a', 950, 1300)]);
    checkConsistent(ledger, opening, 4);
  });
});

describe('errors', () => {
  it('rejects an overdraft and changes nothing', async () => {
    const opening = { a: 100, b: 0, c: 5 };
    const ledger = newLedger(opening);
    await rejects(ledger, 'a', 'b', 101, InsufficientFundsError);
    await rejects(ledger, 'b', 'a', 1, InsufficientFundsError);
    assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c']), [100, 0, 5]);
    assert.deepStrictEqual([ledger.history('a'), ledger.history('b')], [[], []]);
    assert.strictEqual(await transferring(ledger, 'a', 'b', 100), 1);     // exactly the whole balance is fine
    await rejects(ledger, 'a', 'c', 1, InsufficientFundsError);
    await rejects(ledger, 'c', 'a', 6, InsufficientFundsError);
    assert.strictEqual(await transferring(ledger, 'c', 'a', 5), 2);       // no id was used up by the failures
    assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c']), [5, 100, 0]);
    checkConsistent(ledger, opening, 2);
  });

  it('rejects invalid amounts and transfers to the same account', async () => {
    const approver = slowApprover(1);
    const ledger = newLedger({ a: 1000, b: 1000 }, { approve: approver.approve });
    for (const amount of [0, -1, -500, 2.5, NaN, Infinity, '5', true, null, undefined, 5n, [5]]) {
      await rejects(ledger, 'a', 'b', amount, RangeError);
    }
    await rejects(ledger, 'a', 'a', 10, RangeError);
    assert.deepStrictEqual(balances(ledger, ['a', 'b']), [1000, 1000]);
    assert.deepStrictEqual(ledger.history('a'), []);
    same(approver.calls, 0, 'approve was asked about an invalid transfer');
    assert.strictEqual(await transferring(ledger, 'a', 'b', 1), 1);
  });

  it('rejects unknown accounts', async () => {
    const approver = slowApprover(2);
    const ledger = newLedger({ a: 500, b: 500 }, { approve: approver.approve });
    for (const unknown of ['nobody', 'A', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      await rejects(ledger, 'a', unknown, 100, UnknownAccountError);
      await rejects(ledger, unknown, 'a', 100, UnknownAccountError);
      assert.throws(() => ledger.balance(unknown), UnknownAccountError, `balance(${unknown})`);
      assert.throws(() => ledger.history(unknown), UnknownAccountError, `history(${unknown})`);
    }
    assert.deepStrictEqual(balances(ledger, ['a', 'b']), [500, 500]);
    assert.deepStrictEqual(ledger.history('a'), []);
    assert.strictEqual(ledger.total(), 1000);
    same(approver.calls, 0, 'approve was asked about a transfer with an unknown account');
    assert.strictEqual(await transferring(ledger, 'a', 'b', 100), 1);
  });

  it('validates openAccount arguments', () => {
    const ledger = newLedger({ a: 100 });
    assert.throws(() => ledger.openAccount('a', 999), RangeError);
    assert.throws(() => ledger.openAccount('a'), RangeError);
    for (const [accountId, balance] of [['', 10], [42, 10], [null, 10], [undefined, 10],
      ['x', -1], ['x', 10.5], ['x', '10'], ['x', NaN], ['x', Infinity], ['x', null]]) {
      assert.throws(() => ledger.openAccount(accountId, balance), RangeError, `openAccount(${String(accountId)}, ${String(balance)})`);
    }
    assert.strictEqual(ledger.balance('a'), 100);
    assert.strictEqual(ledger.total(), 100);
    assert.throws(() => ledger.balance('x'), UnknownAccountError);
    ledger.openAccount('x', 7);
    ledger.openAccount('__proto__', 3);
    assert.deepStrictEqual(balances(ledger, ['x', '__proto__']), [7, 3]);
    assert.strictEqual(ledger.total(), 110);
  });

  it('changes nothing when approval is declined or fails', async () => {
    const failure = Object.assign(new Error('fraud service unavailable'), { code: 'EFRAUD' });
    const asked = [];
    const approve = ({ src, dst, amount }) => {
      asked.push(amount);
      if (amount === 13) return turns(1).then(() => false);          // declined
      if (amount === 66) return turns(1).then(() => { throw failure; });   // the promise rejects
      if (amount === 77) throw new TypeError('approve crashed');     // throws at once
      return turns(1).then(() => true);
    };
    const opening = { a: 1000, b: 0 };
    const ledger = newLedger(opening, { approve });
    await rejects(ledger, 'a', 'b', 13, TransferDeclinedError);
    const rejected = await rejects(ledger, 'a', 'b', 66);
    same([rejected.message, rejected.code], ['fraud service unavailable', 'EFRAUD'],
      'a transfer fails with the error of approve, as it is');
    const thrown = await rejects(ledger, 'a', 'b', 77, TypeError);
    assert.strictEqual(thrown.message, 'approve crashed');
    assert.deepStrictEqual(balances(ledger, ['a', 'b']), [1000, 0]);
    assert.deepStrictEqual([ledger.history('a'), ledger.history('b')], [[], []]);
    // The failed transfers released their accounts and used up no id.
    await rejects(ledger, 'b', 'a', 1, InsufficientFundsError);
    assert.strictEqual(await finished(transferring(ledger, 'a', 'b', 100), 'a transfer after failed approvals'), 1);
    same(asked, [13, 66, 77, 100], 'the amounts approve was asked about');
    assert.deepStrictEqual(balances(ledger, ['a', 'b']), [900, 100]);
    checkConsistent(ledger, opening, 1);

    // Under contention: every third approval is declined; declined transfers take no money.
    const contended = { src: 300, x: 0, y: 0 };
    const approver = slowApprover(3, (call) => call % 3 !== 0);
    const busy = newLedger(contended, { approve: approver.approve });
    const outcomes = await allSettled(Array.from({ length: 500 }, (_, i) => transferring(busy, 'src', i % 2 ? 'x' : 'y', 1)),
      '500 transfers from one account');
    const count = (type) => outcomes.filter((o) => 'error' in o && o.error instanceof type).length;
    const succeeded = outcomes.filter((o) => 'value' in o).length;
    assert.deepStrictEqual(approver.overlaps, []);
    same([succeeded, count(TransferDeclinedError), count(InsufficientFundsError), approver.calls],
      [300, 149, 51, 449], '(succeeded, declined, insufficient funds, approvals asked)');
    assert.deepStrictEqual(balances(busy, ['src', 'x', 'y']), [0, 150, 150]);
    checkConsistent(busy, contended, 300);
  });
});

describe('concurrency', () => {
  it('does not deadlock on transfers in opposite directions', async () => {
    const opening = { a: 1000000, b: 1000000, c: 1000000 };
    for (const round of [0, 1]) {
      const approver = slowApprover(10 + round);
      const ledger = newLedger(opening, { approve: approver.approve });
      const pairs = Array.from({ length: 600 }, (_, i) => (i % 2 ? transferring(ledger, 'a', 'b', 3) : transferring(ledger, 'b', 'a', 2)));
      assertOneTo(idsOf(await allSettled(pairs, `round ${round}: 600 transfers a -> b and b -> a`)), 600, `round ${round}`);
      same(balances(ledger, ['a', 'b']), [1000000 - 300, 1000000 + 300], `round ${round}: the balances of a and b`);
      const hops = [['a', 'b'], ['b', 'c'], ['c', 'a']];
      const cycle = Array.from({ length: 600 }, (_, i) => transferring(ledger, ...hops[i % 3], 5));
      idsOf(await allSettled(cycle, `round ${round}: 600 transfers around a -> b -> c -> a`));
      same(balances(ledger, ['a', 'b', 'c']), [1000000 - 300, 1000000 + 300, 1000000], `round ${round}: the balances of a, b and c after the cycle`);
      same(approver.overlaps, [], `round ${round}: approvals of one account in progress at once`);
      checkConsistent(ledger, opening, 1200);
    }
  });

  it('conserves money across concurrent transfers', async () => {
    const rng = random(11);
    const accounts = names('acct-', 6);
    const opening = openingOf(accounts, 1000000);
    for (const round of [0, 1]) {
      const approver = slowApprover(20 + round);
      const ledger = newLedger(opening, { approve: approver.approve });
      const expected = { ...opening };
      const calls = [];
      for (let k = 0; k < 1000; k++) {
        const i = rng.below(6);
        let j = rng.below(5);
        if (j >= i) j += 1;
        const [src, dst] = [accounts[Math.min(i, j)], accounts[Math.max(i, j)]];   // always lower to higher
        const amount = rng.between(1, 200);
        calls.push(transferring(ledger, src, dst, amount));
        expected[src] -= amount;
        expected[dst] += amount;
      }
      assertOneTo(idsOf(await allSettled(calls, `round ${round}: 1,000 concurrent transfers`)), 1000, `round ${round}`);
      same(approver.overlaps, [], `round ${round}: approvals of one account in progress at once`);
      same(Object.fromEntries(accounts.map((a) => [a, ledger.balance(a)])), expected, `round ${round}: balances`);
      checkConsistent(ledger, opening, 1000);
    }
  });

  it('never overdraws an account under contention', async () => {
    const opening = { src: 300, x: 0, y: 0 };
    for (const round of [0, 1, 2]) {
      const approver = slowApprover(30 + round);
      const ledger = newLedger(opening, { approve: approver.approve });
      const outcomes = await allSettled(Array.from({ length: 500 }, (_, i) => transferring(ledger, 'src', i % 2 ? 'x' : 'y', 1)),
        `round ${round}: 500 transfers from one account`);
      const refused = outcomes.filter((o) => 'error' in o);
      for (const { error } of refused) {
        assert.ok(error instanceof InsufficientFundsError, `round ${round}: a transfer failed with ${error && error.name}: ${error && error.message}`);
      }
      same([ledger.balance('src'), ledger.balance('x') + ledger.balance('y')], [0, 300], `round ${round}: (src, x + y)`);
      same([outcomes.length - refused.length, refused.length], [300, 200], `round ${round}: (succeeded, refused)`);
      same(approver.overlaps, [], `round ${round}: approvals of one account in progress at once`);
      same(approver.calls, 300, `round ${round}: approve must only be asked about transfers the balance allows`);
      checkConsistent(ledger, opening, 300);
    }
  });

  it('never shows a transfer half done', async () => {
    const rng = random(5);
    const accounts = names('acct-', 40);
    const opening = openingOf(accounts, 1000);
    const expectedTotal = 40 * 1000;
    const problems = [];
    const note = (problem) => { if (problems.length < 5) problems.push(problem); };
    let ledger;
    let approved = 0;
    const delays = random(6);
    // While a transfer waits for approval, its accounts must look exactly as after the transfers before it.
    const approve = ({ src, dst, amount }) => {
      const total = ledger.total();
      if (total !== expectedTotal) note(`total() was ${total} during a transfer`);
      for (const account of [src, dst]) {
        const history = ledger.history(account);
        const last = history.length ? history[history.length - 1].balanceAfter : opening[account];
        const now = ledger.balance(account);
        if (now !== last) note(`while ${src} -> ${dst} (${amount}) waited for approval, balance(${account}) was ${now} but its history ends at ${last}`);
      }
      if (ledger.balance(src) < amount) note(`approve was asked about ${src} -> ${dst} (${amount}) with only ${ledger.balance(src)} in ${src}`);
      const answer = delays.next() < 0.8;
      return turns(delays.below(4)).then(() => {
        if (answer) approved += 1;
        return answer;
      });
    };
    ledger = newLedger(opening, { approve });
    const calls = [];
    for (let k = 0; k < 400; k++) {
      const i = rng.below(40);
      let j = rng.below(39);
      if (j >= i) j += 1;
      calls.push(transferring(ledger, accounts[Math.min(i, j)], accounts[Math.max(i, j)], rng.between(1, 600)));   // lower to higher
    }
    let polling = true;
    const totals = [];
    const poll = async () => {
      while (polling) {
        totals.push(ledger.total());
        await turns(1);
      }
    };
    const poller = poll();
    const outcomes = await allSettled(calls, '400 concurrent transfers');
    polling = false;
    await poller;
    const wrong = totals.filter((t) => t !== expectedTotal);
    same(wrong.slice(0, 5), [], `${totals.length} total() calls during the transfers, ${wrong.length} wrong`);
    assert.deepStrictEqual(problems, []);
    const succeeded = outcomes.filter((o) => 'value' in o).length;
    for (const { error } of outcomes.filter((o) => 'error' in o)) {
      assert.ok(error instanceof InsufficientFundsError || error instanceof TransferDeclinedError,
        `a transfer failed with ${error && error.name}: ${error && error.message}`);
    }
    same(succeeded, approved, 'every approved transfer, and only those, must take effect');
    assert.ok(succeeded > 100, `only ${succeeded} transfers succeeded`);
    checkConsistent(ledger, opening, succeeded);
  });

  it('does not make unrelated transfers wait', async () => {
    let open;
    const gate = new Promise((resolve) => { open = resolve; });
    const asked = [];
    const approve = ({ src, dst }) => {
      asked.push(`${src} -> ${dst}`);
      return src === 'a' ? gate : true;
    };
    const ledger = newLedger({ a: 100, b: 100, c: 100, d: 100, e: 100 }, { approve });
    const slow = transferring(ledger, 'a', 'b', 10);             // waits for its approval until the gate opens
    const other = transferring(ledger, 'c', 'd', 20);            // shares no account: goes ahead
    const queued = transferring(ledger, 'b', 'e', 30);           // shares b: waits for a -> b
    try {
      assert.strictEqual(await finished(other, 'c -> d, which shares no account with the pending a -> b,', 2000), 1);
      await turns(5);
      same([...asked].sort(), ['a -> b', 'c -> d'], 'b -> e must wait while a -> b holds b');
      assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c', 'd', 'e']), [100, 100, 80, 120, 100]);
    } finally {
      open(true);
    }
    assert.strictEqual(await finished(slow, 'a -> b'), 2);
    assert.strictEqual(await finished(queued, 'b -> e'), 3);
    assert.deepStrictEqual(balances(ledger, ['a', 'b', 'c', 'd', 'e']), [90, 80, 80, 120, 130]);
  });
});

describe('scale', () => {
  // Each call crosses to the candidate's process (about 0.1 ms), so this is smaller than the Python
  // and Java versions: 8,000 transfers across 2,000 accounts, then every balance and history.
  it('handles 8,000 transfers across 2,000 accounts', async () => {
    const rng = random(99);
    const accounts = Array.from({ length: 2000 }, (_, i) => `user-${String(i).padStart(4, '0')}`);
    const opening = openingOf(accounts, 1000000);
    const ledger = newLedger(opening);
    const expected = { ...opening };
    const ids = [];
    for (let batch = 0; batch < 8; batch++) {
      const calls = [];
      for (let k = 0; k < 1000; k++) {
        const i = rng.below(2000);
        let j = rng.below(1999);
        if (j >= i) j += 1;
        const amount = rng.between(1, 100);
        calls.push(transferring(ledger, accounts[i], accounts[j], amount));
        expected[accounts[i]] -= amount;
        expected[accounts[j]] += amount;
      }
      ids.push(...idsOf(await allSettled(calls, `batch ${batch} of 1,000 transfers`)));
    }
    assertOneTo(ids, 8000, 'all transfers');
    assert.deepStrictEqual(balances(ledger, accounts), accounts.map((a) => expected[a]));
    let entries = 0;
    for (const account of accounts) {
      const history = ledger.history(account);
      entries += history.length;
      let balance = opening[account];
      for (const { delta, balanceAfter } of history) {
        balance += delta;
        same(balanceAfter, balance, `${account}: balanceAfter`);
      }
      same(balance, expected[account], `${account}: the history does not add up to the balance`);
    }
    same(entries, 16000, 'history entries in all');
    assert.strictEqual(ledger.total(), 2000 * 1000000);
  });
});
