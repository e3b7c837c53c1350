'use strict';
/** Hidden tests for the idempotent-requests challenge (JavaScript). */

const { describe, it } = require('node:test');
const assert = require('node:assert');
const { inspect } = require('node:util');
const { IdempotencyConflict, IdempotencyStore, TTL_MS } = require('./solution');

const DAY = 24 * 60 * 60 * 1000;

/**
 * Manually driven time: `time.clock()` returns `time.now` until the test changes it. Only the clock
 * function is handed to the store (the candidate's code could set a property of an object it gets).
 */
function fakeTime(now = 1000000) {
  const time = { now, clock: () => time.now };
  return time;
}

/** How many times each operation ran (kept here, out of reach of the code under test). */
const callCounts = new WeakMap();
const callsOf = (op) => callCounts.get(op);

/** A promise the test settles itself: `gate.open()` resolves it. */
function gate() {
  let open;
  const promise = new Promise((resolve) => { open = resolve; });
  return { promise, open };
}

/**
 * Calls `start` (which starts requests whose operations wait for `pending`), then opens the gate,
 * also when `start` fails: requests left waiting forever would keep the test runner busy.
 */
async function beforeOpening(pending, start) {
  try {
    return await start();
  } finally {
    pending.open();
  }
}

/**
 * A request's operation: counts its calls and returns `response` (or `{call: n}`).
 * `wait` is a promise each call waits for first; `failFirst` an error the first call throws.
 */
function operation({ response, wait = null, failFirst = null } = {}) {
  const op = async () => {
    const number = callsOf(op) + 1;
    callCounts.set(op, number);
    if (wait) await wait;
    if (number === 1 && failFirst) throw failFirst;
    return response === undefined ? { call: number } : response;
  };
  callCounts.set(op, 0);
  return op;
}

/** A synchronous operation that returns `value` and counts its calls. */
function returns(value) {
  const op = () => {
    callCounts.set(op, callsOf(op) + 1);
    return value;
  };
  callCounts.set(op, 0);
  return op;
}

/** The error a promise rejects with (the test fails if it fulfils, or if handle() throws synchronously). */
async function rejection(call) {
  let promise;
  try {
    promise = call();
  } catch (error) {
    assert.fail(`handle() threw ${error} synchronously: it is async, so it must return a promise that rejects`);
  }
  try {
    const value = await promise;
    assert.fail(`expected a rejection, but it fulfilled with ${inspect(value)}`);
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    return error;
  }
}

/** Asserts that a handle() call rejects with IdempotencyConflict. */
async function conflicts(call) {
  const error = await rejection(call);
  assert.ok(error instanceof IdempotencyConflict, `expected an IdempotencyConflict, got ${error}`);
  assert.ok(error instanceof Error, 'IdempotencyConflict must extend Error');
}

/** How a promise settles within `ms`: {value}, {error} or 'still pending'. */
function settlesWithin(promise, ms) {
  let timer;
  const expired = new Promise((resolve) => { timer = setTimeout(() => resolve('still pending'), ms); });
  const settled = promise.then((value) => ({ value }), (error) => ({ error }));
  return Promise.race([settled, expired]).finally(() => clearTimeout(timer));
}

/** The value of a promise that must settle within 3 s: requests that never finish fail this test only. */
async function finished(promise, what) {
  const outcome = await settlesWithin(promise, 3000);
  assert.notStrictEqual(outcome, 'still pending', `${what} did not finish within 3 s`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

describe('retries', () => {
  it('runs the operation on first use and replays its response on retries', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const response = { id: 'ch_1', amount: 1250, currency: 'EUR', items: [1, [2, 3]], ok: true };
    const op = operation({ response });
    assert.deepStrictEqual(await store.handle('k1', 'POST /charges 1250', op), response);
    const retry = operation({ response: { id: 'WRONG' } });
    for (let i = 0; i < 5; i++) {
      assert.deepStrictEqual(await store.handle('k1', 'POST /charges 1250', retry), response);
    }
    assert.deepStrictEqual([callsOf(op), callsOf(retry)], [1, 0]);
  });

  it('stores falsy responses like any other', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const values = [undefined, null, 0, '', false, NaN, 0n, {}, []];
    for (const [i, value] of values.entries()) {
      const op = returns(value);
      for (let round = 0; round < 3; round++) {
        assert.deepStrictEqual(await store.handle(`falsy-${i}`, 'fp', op), value);
      }
      assert.strictEqual(callsOf(op), 1, `the response ${String(value)} was not stored`);
    }
  });

  it('rejects a different request with the same key and changes nothing', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    assert.deepStrictEqual(await store.handle('k', 'amount=100', operation({ response: { amount: 100 } })), { amount: 100 });
    const other = operation({ response: { amount: 999 } });
    for (const fingerprint of ['amount=999', 'AMOUNT=100', 'amount=100 ', '']) {
      await conflicts(() => store.handle('k', fingerprint, other));
    }
    assert.strictEqual(callsOf(other), 0);
    assert.deepStrictEqual(await store.handle('k', 'amount=100', other), { amount: 100 });
    assert.strictEqual(callsOf(other), 0);
  });

  it('keeps different keys apart', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const keys = ['a', 'A', 'b', 'a ', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const ops = new Map(keys.map((key) => [key, operation({ response: { key } })]));
    for (const [key, op] of ops) assert.deepStrictEqual(await store.handle(key, 'same', op), { key });
    for (const [key, op] of ops) {
      assert.deepStrictEqual(await store.handle(key, 'same', op), { key });
      assert.strictEqual(callsOf(op), 1, `key ${JSON.stringify(key)}: the operation ran ${callsOf(op)} times`);
    }
  });
});

describe('expiry', () => {
  it('keeps a response for 24 hours from when it was stored', async () => {
    assert.strictEqual(TTL_MS, DAY);
    const time = fakeTime(5000);
    const store = new IdempotencyStore(time.clock);
    const first = operation({ response: { n: 1 } });
    assert.deepStrictEqual(await store.handle('k', 'fp-a', first), { n: 1 });
    time.now = 5000 + DAY / 2;
    assert.deepStrictEqual(await store.handle('k', 'fp-a', first), { n: 1 });      // a retry does not extend it
    time.now = 5000 + DAY - 1;
    assert.deepStrictEqual(await store.handle('k', 'fp-a', first), { n: 1 });
    await conflicts(() => store.handle('k', 'fp-b', operation()));
    time.now = 5000 + DAY;
    const second = operation({ response: { n: 2 } });
    assert.deepStrictEqual(await store.handle('k', 'fp-b', second), { n: 2 });     // expired: any request is new
    assert.deepStrictEqual(await store.handle('k', 'fp-b', operation()), { n: 2 });
    time.now = 5000 + 2 * DAY - 1;                                                 // 24 h from its own store
    assert.deepStrictEqual(await store.handle('k', 'fp-b', operation()), { n: 2 });
    time.now = 5000 + 2 * DAY;
    const third = operation({ response: { n: 3 } });
    assert.deepStrictEqual(await store.handle('k', 'fp-b', third), { n: 3 });      // same fingerprint: runs again
    assert.deepStrictEqual([callsOf(first), callsOf(second), callsOf(third)], [1, 1, 1]);
  });
});

describe('failures', () => {
  it('stores nothing when the operation fails and passes its error on', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const timeout = Object.assign(new Error('processor timeout'), { code: 'ETIMEDOUT' });
    const failing = operation({ failFirst: timeout });                 // its promise rejects
    const error = await rejection(() => store.handle('k', 'fp', failing));
    assert.deepStrictEqual([error.message, error.code], ['processor timeout', 'ETIMEDOUT']);
    assert.deepStrictEqual(await store.handle('k', 'fp', failing), { call: 2 });   // the retry runs again
    assert.deepStrictEqual(await store.handle('k', 'fp', failing), { call: 2 });   // and is now stored
    assert.strictEqual(callsOf(failing), 2);

    const declined = () => { throw new RangeError('card declined'); };   // throws synchronously
    const thrown = await rejection(() => store.handle('k2', 'fp-1', declined));
    assert.ok(thrown instanceof RangeError, `expected the operation's RangeError, got ${thrown}`);
    assert.strictEqual(thrown.message, 'card declined');
    const replacement = operation({ response: { retried: 'with other data' } });
    assert.deepStrictEqual(await store.handle('k2', 'fp-2', replacement), { retried: 'with other data' });
    await conflicts(() => store.handle('k2', 'fp-1', declined));
  });

  it('rejects bad arguments with TypeError without running anything', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const op = operation();
    for (const [key, fingerprint] of [['', 'fp'], [undefined, 'fp'], [null, 'fp'], [42, 'fp'], [['k'], 'fp'],
      ['k', undefined], ['k', null], ['k', 42]]) {
      const error = await rejection(() => store.handle(key, fingerprint, op));
      assert.ok(error instanceof TypeError, `handle(${String(key)}, ${String(fingerprint)}): expected a TypeError, got ${error}`);
    }
    assert.strictEqual(callsOf(op), 0);
    assert.deepStrictEqual(await store.handle('k', 'fp', op), { call: 1 });
  });
});

describe('concurrent requests', () => {
  it('runs the operation once for identical requests in flight together', async () => {
    const store = new IdempotencyStore();
    for (const round of [0, 1]) {
      const pending = gate();
      const op = operation({ wait: pending.promise });
      const requests = await beforeOpening(pending, () => Array.from({ length: 24 }, () => store.handle(`pay-${round}`, 'fp', op)));
      const results = await finished(Promise.all(requests), `round ${round}: the identical requests`);
      assert.strictEqual(callsOf(op), 1, `round ${round}: the operation ran ${callsOf(op)} times`);
      assert.deepStrictEqual(results, Array(24).fill({ call: 1 }));
    }
  });

  it('rejects a different request for a key in flight at once, without waiting', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    const pending = gate();
    const other = operation({ response: { wrong: true } });
    let first;
    const outcome = await beforeOpening(pending, () => {
      first = store.handle('k', 'original', operation({ response: { done: true }, wait: pending.promise }));
      return settlesWithin(store.handle('k', 'different', other), 1000);
    });
    assert.notStrictEqual(outcome, 'still pending', 'the different request waited for the one in flight');
    assert.ok(outcome.error instanceof IdempotencyConflict, `expected an IdempotencyConflict, got ${outcome.error || 'a response'}`);
    assert.deepStrictEqual(await finished(first, 'the original request'), { done: true });
    assert.deepStrictEqual(await store.handle('k', 'original', operation()), { done: true });
    assert.strictEqual(callsOf(other), 0);
  });

  it('does not make other keys wait for an operation in flight', async () => {
    const store = new IdempotencyStore(fakeTime().clock);
    assert.deepStrictEqual(await store.handle('stored', 'fp', operation({ response: { stored: 1 } })), { stored: 1 });
    const pending = gate();
    let outer;
    const inner = await beforeOpening(pending, () => {
      outer = store.handle('outer', 'fp', operation({ response: { outer: 1 }, wait: pending.promise }));
      return settlesWithin(Promise.all([
        store.handle('other', 'fp', operation({ response: { other: 1 } })),
        store.handle('stored', 'fp', operation()),
      ]), 1000);
    });
    assert.notStrictEqual(inner, 'still pending', 'requests for other keys waited for the operation in flight');
    assert.deepStrictEqual(inner, { value: [{ other: 1 }, { stored: 1 }] });
    assert.deepStrictEqual(await finished(outer, 'the request in flight'), { outer: 1 });
  });

  it('lets exactly one waiting request run again when the operation in flight fails', async () => {
    const store = new IdempotencyStore();
    const pending = gate();
    const timeout = Object.assign(new Error('processor timeout'), { code: 'ETIMEDOUT' });
    const op = operation({ wait: pending.promise, failFirst: timeout });
    const requests = await beforeOpening(pending, () => Array.from({ length: 16 }, () => store.handle('pay', 'fp', op)));
    const outcomes = await finished(Promise.allSettled(requests), 'the identical requests');
    assert.strictEqual(callsOf(op), 2, `the operation ran ${callsOf(op)} times (expected: the failure, then one retry)`);
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    assert.strictEqual(failed.length, 1, `${failed.length} requests failed; only the one whose operation failed should`);
    assert.strictEqual(failed[0].reason.code, 'ETIMEDOUT');
    assert.deepStrictEqual(outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value),
      Array(15).fill({ call: 2 }));
    assert.deepStrictEqual(await store.handle('pay', 'fp', op), { call: 2 });
    assert.strictEqual(callsOf(op), 2);
  });
});

describe('scale', () => {
  it('handles many keys', async () => {
    const n = 1500;
    const store = new IdempotencyStore();           // default clock
    let made = 0;
    const charge = () => {
      made += 1;
      return { id: made };
    };
    const requests = Array.from({ length: n }, (_, i) => [`key-${i}`, `fp-${i % 7}`]);
    const first = await Promise.all(requests.map(([key, fingerprint]) => store.handle(key, fingerprint, charge)));
    assert.strictEqual(made, n);
    assert.strictEqual(new Set(first.map((response) => response.id)).size, n);
    const again = await Promise.all(requests.map(([key, fingerprint]) => store.handle(key, fingerprint, charge)));
    assert.deepStrictEqual(again, first);
    const reversed = await Promise.all([...requests].reverse().map(([key, fingerprint]) => store.handle(key, fingerprint, charge)));
    assert.deepStrictEqual(reversed, [...first].reverse());
    assert.strictEqual(made, n, 'a stored response was not replayed');
    await conflicts(() => store.handle('key-123', 'fp-other', charge));
  });
});
