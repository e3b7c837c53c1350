'use strict';
/**
 * Bank ledger with asynchronous approvals.
 *
 * Implement `Ledger` below. See the statement for the full specification.
 * Only Node's built-in modules may be used.
 */

/** The source account holds less than the amount to transfer. */
class InsufficientFundsError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InsufficientFundsError';
  }
}

/** No account has this id. */
class UnknownAccountError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnknownAccountError';
  }
}

/** `approve` answered `false`. */
class TransferDeclinedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TransferDeclinedError';
  }
}

class Ledger {
  /**
   * An empty ledger. `approve`, if given, is asked about every transfer before it takes effect:
   * it receives `{ src, dst, amount }` and returns `true`/`false` or a promise of one.
   *
   * @param {{approve?: (transfer: {src: string, dst: string, amount: number}) => boolean | Promise<boolean>}} [options]
   */
  constructor({ approve = () => true } = {}) {
    throw new Error('not implemented');
  }

  /**
   * Opens an account with an opening balance in cents.
   *
   * @param {string} accountId a non-empty string
   * @param {number} [balance] a non-negative safe integer (default 0)
   * @throws {RangeError} for an invalid id or balance, or an id that already exists
   */
  openAccount(accountId, balance = 0) {
    throw new Error('not implemented');
  }

  /**
   * Moves `amount` cents from `src` to `dst` once `approve` agrees; resolves to the transfer's
   * id (1, 2, 3, ... in the order transfers take effect). Transfers sharing an account must not
   * interleave; a failed transfer changes nothing. Every failure is a rejection:
   * `RangeError` (bad amount, or src === dst), `UnknownAccountError`, `InsufficientFundsError`,
   * `TransferDeclinedError`, or the error `approve` threw.
   *
   * @param {string} src
   * @param {string} dst
   * @param {number} amount a positive safe integer
   * @returns {Promise<number>}
   */
  async transfer(src, dst, amount) {
    throw new Error('not implemented');
  }

  /**
   * The account's current balance in cents.
   *
   * @param {string} accountId
   * @returns {number}
   * @throws {UnknownAccountError}
   */
  balance(accountId) {
    throw new Error('not implemented');
  }

  /** The sum of all balances; never shows a transfer half done. @returns {number} */
  total() {
    throw new Error('not implemented');
  }

  /**
   * The account's successful transfers, oldest first, as a new array of plain objects.
   *
   * @param {string} accountId
   * @returns {{transferId: number, counterparty: string, delta: number, balanceAfter: number}[]}
   * @throws {UnknownAccountError}
   */
  history(accountId) {
    throw new Error('not implemented');
  }
}

module.exports = { Ledger, InsufficientFundsError, UnknownAccountError, TransferDeclinedError };
