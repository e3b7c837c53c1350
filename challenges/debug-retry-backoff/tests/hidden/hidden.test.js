'use strict';
// Hidden tests (JavaScript): each on-call report, plus the contract's edges.

const { describe, it } = require('node:test');
const assert = require('node:assert');
const { retry } = require('./solution');

/** An async operation failing with an error of `code` for its first `failures` calls, then resolving to "ok". */
function flaky(failures, code = 'ECONNRESET') {
  const state = { calls: 0 };
  state.operation = async () => {
    state.calls += 1;
    if (state.calls <= failures) throw Object.assign(new Error(`failure ${state.calls}`), { code, call: state.calls });
    return 'ok';
  };
  return state;
}

const noSleep = () => {};
const zero = () => 0;

/** A sleep that records its delays. */
function recorder() {
  const slept = [];
  return { slept, sleep: (ms) => { slept.push(ms); } };
}

describe('retry', () => {
  it('never calls more than attempts times', async () => {
    const f = flaky(10);
    await assert.rejects(retry(f.operation, { attempts: 3, sleep: noSleep, random: zero }), { code: 'ECONNRESET' });
    assert.strictEqual(f.calls, 3);
  });

  it('calls once with attempts 1', async () => {
    let calls = 0;
    const { slept, sleep } = recorder();
    const operation = () => {   // a synchronous operation that throws
      calls += 1;
      throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    };
    await assert.rejects(retry(operation, { attempts: 1, sleep, random: zero }), { message: 'refused' });
    assert.deepStrictEqual([calls, slept], [1, []]);
  });

  it('lets non-retryable errors through at once', async () => {
    const f = flaky(1, 'ERR_INVALID_ARG_VALUE');
    const { slept, sleep } = recorder();
    await assert.rejects(retry(f.operation, { sleep, random: () => 0.5 }), { code: 'ERR_INVALID_ARG_VALUE' });
    assert.deepStrictEqual([f.calls, slept], [1, []]);
    const g = flaky(1, null);   // an error without a code
    await assert.rejects(retry(g.operation, { sleep, random: () => 0.5 }), { message: 'failure 1' });
    assert.deepStrictEqual([g.calls, slept], [1, []]);
  });

  it('retries every transient error code', async () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']) {
      const f = flaky(2, code);
      assert.strictEqual(await retry(f.operation, { sleep: noSleep, random: zero }), 'ok', code);
      assert.strictEqual(f.calls, 3, code);
    }
  });

  it('retries what retryOn accepts', async () => {
    const f = flaky(2, 'E_BUSY');
    assert.strictEqual(await retry(f.operation, { retryOn: (error) => error.code === 'E_BUSY', sleep: noSleep, random: zero }), 'ok');
    assert.strictEqual(f.calls, 3);
    const g = flaky(2, 'ECONNRESET');
    await assert.rejects(retry(g.operation, { retryOn: (error) => error.code === 'E_BUSY', sleep: noSleep, random: zero }),
      { code: 'ECONNRESET' });
    assert.strictEqual(g.calls, 1);
  });

  it('rethrows the last error unchanged', async () => {
    const f = flaky(5, 'ETIMEDOUT');
    await assert.rejects(retry(f.operation, { attempts: 4, sleep: noSleep, random: zero }),
      { name: 'Error', message: 'failure 4', code: 'ETIMEDOUT', call: 4 });
  });

  it('does not sleep after the last attempt', async () => {
    const { slept, sleep } = recorder();
    await assert.rejects(retry(flaky(10).operation, { attempts: 4, baseDelayMs: 1000, sleep, random: () => 1 }));
    assert.strictEqual(slept.length, 3);
  });

  it('waits random() * min(maxDelayMs, baseDelayMs * 2 ** (n - 1))', async () => {
    const { slept, sleep } = recorder();
    await assert.rejects(retry(flaky(10).operation,
      { attempts: 8, baseDelayMs: 500, maxDelayMs: 6000, sleep, random: () => 0.5 }));
    assert.deepStrictEqual(slept, [250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('uses a fresh random value for each delay', async () => {
    const values = [0, 0.25, 0.75];
    const { slept, sleep } = recorder();
    assert.strictEqual(await retry(flaky(3).operation, { baseDelayMs: 1000, sleep, random: () => values.shift() }), 'ok');
    assert.deepStrictEqual(slept, [0, 500, 3000]);
  });

  it('refuses fewer than one attempt', async () => {
    await assert.rejects(async () => retry(() => 'ok', { attempts: 0 }), RangeError);
  });
});
