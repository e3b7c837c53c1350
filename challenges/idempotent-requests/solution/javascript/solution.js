'use strict';
/** Reference solution for the idempotent-requests challenge (JavaScript). */

const TTL_MS = 24 * 60 * 60 * 1000;

/** The idempotency key is already used by a request with a different fingerprint. */
class IdempotencyConflict extends Error {
  constructor(message) {
    super(message);
    this.name = 'IdempotencyConflict';
  }
}

/** Runs each request's operation at most once per idempotency key (until the key expires). */
class IdempotencyStore {
  #clock;
  #records = new Map();     // key -> {fingerprint, done, response, expiresAt, finished}
  // Completed records in the order they were stored. Every record lives TTL_MS from its clock()
  // reading, so with a clock that never goes back this is also the order in which they expire.
  #expiries = [];
  #head = 0;

  constructor(clock = () => performance.now()) {
    if (typeof clock !== 'function') throw new TypeError('clock must be a function');
    this.#clock = clock;
  }

  /** Forget completed records whose time is over (amortized O(1) per stored record). */
  #purge(now) {
    const expiries = this.#expiries;
    while (this.#head < expiries.length && expiries[this.#head].record.expiresAt <= now) {
      const { key, record } = expiries[this.#head];
      expiries[this.#head] = undefined;
      this.#head += 1;
      if (this.#records.get(key) === record) this.#records.delete(key);
    }
    if (this.#head > 1024 && this.#head * 2 > expiries.length) {
      expiries.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** The response for this request: operation()'s, run only if no response is stored or in flight. */
  async handle(key, requestFingerprint, operation) {
    if (typeof key !== 'string' || key === '') throw new TypeError('key must be a non-empty string');
    if (typeof requestFingerprint !== 'string') throw new TypeError('requestFingerprint must be a string');
    for (;;) {
      const now = this.#clock();
      this.#purge(now);
      const record = this.#records.get(key);
      if (record === undefined || (record.done && now >= record.expiresAt)) break;
      if (record.fingerprint !== requestFingerprint) {
        throw new IdempotencyConflict(`idempotency key ${JSON.stringify(key)} was used for a different request`);
      }
      if (record.done) return record.response;
      await record.finished;            // the same request is in flight: wait, then look again
    }

    let finish;
    const record = {
      fingerprint: requestFingerprint, done: false, response: undefined, expiresAt: 0,
      finished: new Promise((resolve) => { finish = resolve; }),    // never rejects: nobody must catch it
    };
    this.#records.set(key, record);
    try {
      record.response = await operation();
      record.expiresAt = this.#clock() + TTL_MS;
      record.done = true;
      this.#expiries.push({ key, record });
      return record.response;
    } catch (error) {
      if (this.#records.get(key) === record) this.#records.delete(key);   // nothing stored: the key is free
      throw error;
    } finally {
      finish();
    }
  }
}

module.exports = { TTL_MS, IdempotencyConflict, IdempotencyStore };
