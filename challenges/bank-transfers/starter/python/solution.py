"""Thread-safe bank ledger.

Implement ``Ledger`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations


class InsufficientFunds(Exception):
    """The source account's balance is smaller than the amount to transfer."""


class Ledger:
    """In-memory ledger of integer (cent) balances; every method must be safe
    to call from many threads at once."""

    def __init__(self) -> None:
        raise NotImplementedError

    def open_account(self, account_id: str, balance: int = 0) -> None:
        """Create an account with an opening balance.

        Raises ``ValueError`` for an empty or non-string id, a balance that is
        not an int >= 0, or an id that already exists.
        """
        raise NotImplementedError

    def transfer(self, src: str, dst: str, amount: int) -> int:
        """Atomically move ``amount`` cents from ``src`` to ``dst``; return the
        transfer id (1, 2, 3, ... in the order transfers take effect).

        Raises ``ValueError`` if ``amount`` is not a positive int or
        ``src == dst``, ``KeyError`` if an account does not exist, and
        ``InsufficientFunds`` if ``src`` holds less than ``amount``. A failed
        call changes nothing.
        """
        raise NotImplementedError

    def balance(self, account_id: str) -> int:
        """Current balance; ``KeyError`` for an unknown account."""
        raise NotImplementedError

    def total(self) -> int:
        """Sum of all balances, consistent even while transfers run."""
        raise NotImplementedError

    def history(self, account_id: str) -> list[tuple[int, str, int, int]]:
        """The account's transfers, oldest first, as
        ``(transfer_id, counterparty, delta, balance_after)``; ``KeyError`` for
        an unknown account."""
        raise NotImplementedError
