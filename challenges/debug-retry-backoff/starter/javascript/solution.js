'use strict';
/**
 * Retry an operation with exponential backoff and jitter.
 *
 * This is the code on-call engineers filed the reports against: find and fix the bugs.
 */

// Error codes Node gives transient network failures: worth another try.
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Whether an error is a transient network failure (its `code` is one of TRANSIENT_CODES). */
function isTransient(error) {
  return error !== null && typeof error === 'object' && TRANSIENT_CODES.has(error.code);
}

function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Call `operation()` until it succeeds, retrying only errors `retryOn` accepts, at most `attempts` calls.
 * Resolves to the operation's result; rejects with the last call's own error.
 */
async function retry(operation, {
  attempts = 5, baseDelayMs = 100, maxDelayMs = 5000, retryOn = isTransient, sleep = defaultSleep, random = Math.random,
} = {}) {
  if (!(attempts >= 1)) throw new RangeError('attempts must be at least 1');
  let attempt = 0;
  while (attempt <= attempts) {
    attempt += 1;
    try {
      return await operation();
    } catch (error) {
      const delay = random() * baseDelayMs * 2 ** attempt;
      await sleep(delay);
    }
  }
  throw new Error('retries exhausted');
}

module.exports = { retry, isTransient, TRANSIENT_CODES };
