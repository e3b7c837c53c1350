"""Worked examples from the statement."""

import pytest

from solution import InsufficientFunds, Ledger


def test_statement_example():
    """Transfers move money, return ids 1, 2, ... and show up in the history."""
    ledger = Ledger()
    ledger.open_account("alice", 10_000)
    ledger.open_account("bob", 500)
    assert ledger.transfer("alice", "bob", 2_500) == 1
    assert ledger.transfer("bob", "alice", 3_000) == 2
    assert (ledger.balance("alice"), ledger.balance("bob")) == (10_500, 0)
    assert [tuple(e) for e in ledger.history("bob")] == [(1, "alice", 2500, 3000), (2, "alice", -3000, 0)]
    assert ledger.total() == 10_500


def test_statement_errors():
    """Overdraft, a zero amount and an unknown account are rejected; the whole balance may move."""
    ledger = Ledger()
    ledger.open_account("alice", 10_500)
    ledger.open_account("bob", 0)
    with pytest.raises(InsufficientFunds):
        ledger.transfer("bob", "alice", 1)
    with pytest.raises(ValueError):
        ledger.transfer("alice", "bob", 0)
    with pytest.raises(KeyError):
        ledger.transfer("alice", "carol", 5)
    assert ledger.transfer("alice", "bob", 10_500) == 1
    assert (ledger.balance("alice"), ledger.balance("bob")) == (0, 10_500)
