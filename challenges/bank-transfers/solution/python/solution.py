"""Reference solution for the bank-transfers challenge."""

from __future__ import annotations

import threading


class InsufficientFunds(Exception):
    """The source account's balance is smaller than the amount."""


class _Account:
    __slots__ = ("id", "order", "balance", "history", "lock")

    def __init__(self, account_id: str, order: int, balance: int) -> None:
        self.id = account_id
        self.order = order            # global lock order: accounts are always locked in this order
        self.balance = balance
        self.history: list[tuple[int, str, int, int]] = []
        self.lock = threading.Lock()


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Ledger:
    """In-memory ledger of integer balances; every method is safe to call from many threads."""

    def __init__(self) -> None:
        self._accounts: dict[str, _Account] = {}
        self._registry = threading.Lock()    # guards _accounts and _total
        self._total = 0                      # only open_account changes it: transfers conserve money
        self._ids = threading.Lock()
        self._last_id = 0

    def open_account(self, account_id: str, balance: int = 0) -> None:
        """Create an account with an opening balance."""
        if not isinstance(account_id, str) or not account_id:
            raise ValueError("account_id must be a non-empty string")
        if not _is_int(balance) or balance < 0:
            raise ValueError("balance must be a non-negative integer")
        with self._registry:
            if account_id in self._accounts:
                raise ValueError(f"account {account_id!r} already exists")
            self._accounts[account_id] = _Account(account_id, len(self._accounts), balance)
            self._total += balance

    def _account(self, account_id: str) -> _Account:
        with self._registry:
            account = self._accounts.get(account_id)
        if account is None:
            raise KeyError(account_id)
        return account

    def transfer(self, src: str, dst: str, amount: int) -> int:
        """Move amount from src to dst atomically; return the transfer id."""
        if not _is_int(amount) or amount <= 0:
            raise ValueError("amount must be a positive integer")
        if src == dst:
            raise ValueError("source and destination must differ")
        source, target = self._account(src), self._account(dst)
        first, second = (source, target) if source.order < target.order else (target, source)
        with first.lock, second.lock:
            if source.balance < amount:
                raise InsufficientFunds(f"{src} holds {source.balance}, cannot send {amount}")
            with self._ids:
                self._last_id += 1
                transfer_id = self._last_id
            source.balance -= amount
            target.balance += amount
            source.history.append((transfer_id, dst, -amount, source.balance))
            target.history.append((transfer_id, src, amount, target.balance))
        return transfer_id

    def balance(self, account_id: str) -> int:
        """Current balance of an account."""
        account = self._account(account_id)
        with account.lock:
            return account.balance

    def total(self) -> int:
        """Sum of all balances (equal to the sum of opening balances)."""
        with self._registry:
            return self._total

    def history(self, account_id: str) -> list[tuple[int, str, int, int]]:
        """The account's transfers, oldest first: (transfer_id, counterparty, delta, balance_after)."""
        account = self._account(account_id)
        with account.lock:
            return list(account.history)
