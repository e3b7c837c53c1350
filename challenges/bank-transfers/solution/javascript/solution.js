'use strict';
/**
 * Reference solution for the bank-transfers challenge (JavaScript).
 *
 * JavaScript runs one piece of code at a time, so a balance can never be half updated; what can
 * interleave are transfers waiting at an `await`. Each account therefore has a queue (the promise
 * of the last transfer that claimed it): a transfer claims both of its accounts in one synchronous
 * step, then waits until every earlier claim on either has finished. Claims are taken in call
 * order, all at once, so no two transfers ever wait for each other in a circle; transfers of other
 * accounts are not in those queues and go ahead.
 */

class InsufficientFundsError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InsufficientFundsError';
  }
}

class UnknownAccountError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnknownAccountError';
  }
}

class TransferDeclinedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TransferDeclinedError';
  }
}

const approveEverything = () => true;

class Ledger {
  #accounts = new Map();      // id -> {balance, history, tail}
  #approve;
  #total = 0;
  #lastId = 0;

  /**
   * @param {{approve?: (transfer: {src: string, dst: string, amount: number}) => boolean | Promise<boolean>}} [options]
   */
  constructor({ approve = approveEverything } = {}) {
    if (typeof approve !== 'function') throw new TypeError('approve must be a function');
    this.#approve = approve;
  }

  openAccount(accountId, balance = 0) {
    if (typeof accountId !== 'string' || accountId === '') {
      throw new RangeError('an account id is a non-empty string');
    }
    if (!Number.isSafeInteger(balance) || balance < 0) {
      throw new RangeError(`an opening balance is a non-negative integer number of cents, not ${String(balance)}`);
    }
    if (this.#accounts.has(accountId)) throw new RangeError(`account ${accountId} already exists`);
    this.#accounts.set(accountId, { balance, history: [], tail: Promise.resolve() });
    this.#total += balance;
  }

  async transfer(src, dst, amount) {
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      throw new RangeError(`an amount is a positive integer number of cents, not ${String(amount)}`);
    }
    if (src === dst) throw new RangeError('cannot transfer from an account to itself');
    const from = this.#account(src);
    const to = this.#account(dst);
    // Claim both accounts now (synchronously), then wait for the transfers that claimed them before.
    const earlier = Promise.all([from.tail, to.tail]);
    let release;
    const finished = new Promise((resolve) => { release = resolve; });
    from.tail = finished;
    to.tail = finished;
    await earlier;
    try {
      if (from.balance < amount) {
        throw new InsufficientFundsError(`${src} holds ${from.balance} cents, cannot send ${amount}`);
      }
      const approved = await this.#approve({ src, dst, amount });
      if (approved !== true) throw new TransferDeclinedError(`the transfer of ${amount} from ${src} to ${dst} was declined`);
      // Nothing is awaited from here on: the transfer takes effect all at once.
      const transferId = ++this.#lastId;
      from.balance -= amount;
      to.balance += amount;
      from.history.push(Object.freeze({ transferId, counterparty: dst, delta: -amount, balanceAfter: from.balance }));
      to.history.push(Object.freeze({ transferId, counterparty: src, delta: amount, balanceAfter: to.balance }));
      return transferId;
    } finally {
      release();
    }
  }

  balance(accountId) {
    return this.#account(accountId).balance;
  }

  total() {
    return this.#total;
  }

  history(accountId) {
    return this.#account(accountId).history.slice();
  }

  #account(accountId) {
    const account = this.#accounts.get(accountId);
    if (account === undefined) throw new UnknownAccountError(`no account ${String(accountId)}`);
    return account;
  }
}

module.exports = { Ledger, InsufficientFundsError, UnknownAccountError, TransferDeclinedError };
