"""Hidden tests for the bank-transfers challenge."""

import random
import threading
from collections import Counter

import pytest

from solution import InsufficientFunds, Ledger


def entries(ledger, account):
    """The account's history as a list of plain tuples."""
    return [tuple(entry) for entry in ledger.history(account)]


def new_ledger(opening):
    ledger = Ledger()
    for account, balance in opening.items():
        ledger.open_account(account, balance)
    return ledger


def check_consistent(ledger, opening, transfers):
    """Every history replays to the current balance; ids 1..transfers each appear once per side."""
    from assessor_testing import concurrently

    names = list(opening)
    histories = concurrently(ledger.history, [(a,) for a in names], threads=1)
    balances = concurrently(ledger.balance, [(a,) for a in names], threads=1)
    sides = Counter()
    legs = {}
    for account, history, current in zip(names, histories, balances):
        balance, previous = opening[account], 0
        for transfer_id, other, delta, after in (tuple(e) for e in history):
            assert transfer_id > previous, f"{account}: ids out of order"
            previous = transfer_id
            balance += delta
            assert after == balance, f"{account}: balance_after {after} != {balance} at transfer {transfer_id}"
            assert balance >= 0
            sides[transfer_id] += 1
            legs.setdefault(transfer_id, []).append((account, other, delta))
        assert balance == current, f"{account}: history adds up to {balance}, balance() says {current}"
    assert sorted(sides) == list(range(1, transfers + 1))
    for transfer_id, pair in legs.items():
        assert len(pair) == 2, f"transfer {transfer_id} has {len(pair)} history entries"
        (a, a_other, a_delta), (b, b_other, b_delta) = pair
        assert (a_other, b_other, a_delta + b_delta) == (b, a, 0)
    assert ledger.total() == sum(opening.values())


def test_open_accounts_and_total():
    """Opening balances (default 0) are reported by balance() and summed by total()."""
    ledger = Ledger()
    assert ledger.total() == 0
    ledger.open_account("a", 1_000)
    ledger.open_account("b")
    ledger.open_account("c", 0)
    assert [ledger.balance(x) for x in "abc"] == [1_000, 0, 0]
    assert ledger.total() == 1_000
    ledger.open_account("d", 250)
    assert ledger.total() == 1_250
    assert ledger.history("a") == []
    ledger.transfer("a", "b", 400)
    assert ledger.total() == 1_250


def test_transfers_and_history():
    """Sequential transfers return ids 1, 2, ... and each history lists (id, counterparty, delta, balance_after)."""
    ledger = new_ledger({"a": 1_000, "b": 300, "c": 0})
    assert ledger.transfer("a", "b", 100) == 1
    assert ledger.transfer("b", "c", 400) == 2
    assert ledger.transfer("c", "a", 50) == 3
    assert ledger.transfer("a", "c", 950) == 4
    assert [ledger.balance(x) for x in "abc"] == [0, 0, 1_300]
    assert entries(ledger, "a") == [(1, "b", -100, 900), (3, "c", 50, 950), (4, "c", -950, 0)]
    assert entries(ledger, "b") == [(1, "a", 100, 400), (2, "c", -400, 0)]
    assert entries(ledger, "c") == [(2, "b", 400, 400), (3, "a", -50, 350), (4, "a", 950, 1_300)]
    check_consistent(ledger, {"a": 1_000, "b": 300, "c": 0}, 4)


def test_insufficient_funds_changes_nothing():
    """Sending more than the balance raises InsufficientFunds and changes no balance, history or id."""
    assert issubclass(InsufficientFunds, Exception)
    ledger = new_ledger({"a": 100, "b": 0, "c": 5})
    with pytest.raises(InsufficientFunds):
        ledger.transfer("a", "b", 101)
    with pytest.raises(InsufficientFunds):
        ledger.transfer("b", "a", 1)
    assert [ledger.balance(x) for x in "abc"] == [100, 0, 5]
    assert entries(ledger, "a") == [] and entries(ledger, "b") == []
    assert ledger.transfer("a", "b", 100) == 1          # exactly the whole balance is fine
    with pytest.raises(InsufficientFunds):
        ledger.transfer("a", "c", 1)
    with pytest.raises(InsufficientFunds):
        ledger.transfer("c", "a", 6)
    assert ledger.transfer("c", "a", 5) == 2             # no id was used up by the failures
    assert [ledger.balance(x) for x in "abc"] == [5, 100, 0]
    check_consistent(ledger, {"a": 100, "b": 0, "c": 5}, 2)


def test_invalid_amounts_and_same_account():
    """Non-positive, non-int (float, bool, str, None) amounts and src == dst raise ValueError and change nothing."""
    ledger = new_ledger({"a": 1_000, "b": 1_000})
    for amount in (0, -1, -500, 10.0, 2.5, True, "5", None):
        with pytest.raises(ValueError):
            ledger.transfer("a", "b", amount)
    with pytest.raises(ValueError):
        ledger.transfer("a", "a", 10)
    assert (ledger.balance("a"), ledger.balance("b")) == (1_000, 1_000)
    assert entries(ledger, "a") == []
    assert ledger.transfer("a", "b", 1) == 1


def test_unknown_accounts():
    """An unknown source or destination raises KeyError without debiting anything; balance/history too."""
    ledger = new_ledger({"a": 500, "b": 500})
    with pytest.raises(KeyError):
        ledger.transfer("a", "nobody", 100)
    with pytest.raises(KeyError):
        ledger.transfer("nobody", "a", 100)
    with pytest.raises(KeyError):
        ledger.transfer("A", "b", 100)
    with pytest.raises(KeyError):
        ledger.balance("nobody")
    with pytest.raises(KeyError):
        ledger.history("nobody")
    assert (ledger.balance("a"), ledger.balance("b")) == (500, 500)
    assert entries(ledger, "a") == []
    assert ledger.total() == 1_000
    assert ledger.transfer("a", "b", 100) == 1


def test_open_account_validation():
    """Duplicate ids, empty or non-string ids and negative or non-int balances raise ValueError."""
    ledger = new_ledger({"a": 100})
    with pytest.raises(ValueError):
        ledger.open_account("a", 999)
    for account_id, balance in [("", 10), (42, 10), (None, 10), ("x", -1), ("x", 10.5), ("x", 1.0), ("x", "10")]:
        with pytest.raises(ValueError):
            ledger.open_account(account_id, balance)
    assert ledger.balance("a") == 100
    assert ledger.total() == 100
    with pytest.raises(KeyError):
        ledger.balance("x")
    ledger.open_account("x", 7)
    assert ledger.total() == 107


def test_opposite_direction_transfers_do_not_deadlock():
    """Concurrent transfers a->b / b->a and around a cycle a->b->c->a finish, with correct balances."""
    from assessor_testing import concurrently

    opening = {"a": 1_000_000, "b": 1_000_000, "c": 1_000_000}
    for round_no in range(2):
        ledger = new_ledger(opening)
        pairs = [("a", "b", 3) if i % 2 else ("b", "a", 2) for i in range(3_000)]
        ids = concurrently(ledger.transfer, pairs, threads=8)
        assert sorted(ids) == list(range(1, 3_001)), f"round {round_no}"
        assert (ledger.balance("a"), ledger.balance("b")) == (1_000_000 - 1_500, 1_000_000 + 1_500)
        cycle = [[("a", "b", 5), ("b", "c", 5), ("c", "a", 5)][i % 3] for i in range(3_000)]
        concurrently(ledger.transfer, cycle, threads=9)
        assert [ledger.balance(x) for x in "abc"] == [998_500, 1_001_500, 1_000_000], f"round {round_no}"
        check_consistent(ledger, opening, 6_000)


def test_concurrent_transfers_conserve_money():
    """Many threads moving money between shared accounts lose no update and keep histories consistent."""
    from assessor_testing import concurrently

    rng = random.Random(11)
    accounts = [f"acct-{i}" for i in range(6)]
    opening = {a: 1_000_000 for a in accounts}
    for round_no in range(2):
        ledger = new_ledger(opening)
        expected = dict(opening)
        calls = []
        for _ in range(4_000):
            i, j = sorted(rng.sample(range(6), 2))     # always from a lower to a higher account
            amount = rng.randint(1, 200)
            calls.append((accounts[i], accounts[j], amount))
            expected[accounts[i]] -= amount
            expected[accounts[j]] += amount
        concurrently(ledger.transfer, calls, threads=8)
        assert {a: ledger.balance(a) for a in accounts} == expected, f"round {round_no}"
        check_consistent(ledger, opening, len(calls))


def test_no_overdraft_under_contention():
    """Threads racing to drain one account never overdraw it: exactly the affordable transfers succeed."""
    from assessor_testing import concurrently

    opening = {"src": 1_000, "x": 0, "y": 0}
    for round_no in range(12):
        ledger = new_ledger(opening)
        calls = [("src", "x" if i % 2 else "y", 1) for i in range(1_600)]
        with pytest.raises(InsufficientFunds):       # a thread stops at its first failure
            concurrently(ledger.transfer, calls, threads=8)
        assert ledger.balance("src") == 0, f"round {round_no}: balance {ledger.balance('src')}"
        assert ledger.balance("x") + ledger.balance("y") == 1_000
        check_consistent(ledger, opening, 1_000)


def test_total_consistent_during_transfers():
    """total() read while transfers run never observes a half-done transfer."""
    from assessor_testing import concurrently

    # Many accounts make a total() that adds balances one by one slow enough to be interleaved.
    accounts = [f"acct-{i}" for i in range(2_000)]
    opening = {a: 1_000_000 for a in accounts}
    ledger = Ledger()
    concurrently(ledger.open_account, list(opening.items()), threads=1)
    rng = random.Random(5)
    batches = []
    for _ in range(30):
        batch = []
        for _ in range(1_000):
            i, j = sorted(rng.sample(range(2_000), 2))
            batch.append((accounts[i], accounts[j], rng.randint(1, 50)))
        batches.append(batch)
    enough = threading.Event()         # set once enough totals were read
    finished = threading.Event()
    done = []                          # transfers made
    failures = []

    def run_transfers():
        try:
            for batch in batches:
                concurrently(ledger.transfer, batch, threads=6)
                done.append(len(batch))
                if enough.is_set():
                    break
        except BaseException as error:  # noqa: B036 - reported by the test below
            failures.append(error)
        finally:
            finished.set()

    worker = threading.Thread(target=run_transfers)
    worker.start()
    totals = []
    while not finished.is_set():       # read totals for as long as transfers run
        totals += concurrently(ledger.total, [()] * 10, threads=2)
        if len(totals) >= 300:
            enough.set()
    worker.join()
    assert not failures, failures
    expected = sum(opening.values())
    wrong = sorted(set(totals) - {expected})
    assert not wrong, f"{len(totals)} total() calls, some saw {wrong[:5]} instead of {expected}"
    check_consistent(ledger, opening, sum(done))


def test_large_ledger():
    """50,000 transfers across 5,000 accounts, then every history: fast and exact."""
    from assessor_testing import concurrently

    rng = random.Random(99)
    accounts = [f"user-{i:04d}" for i in range(5_000)]
    opening = {a: 1_000_000 for a in accounts}
    ledger = Ledger()
    concurrently(ledger.open_account, list(opening.items()), threads=1)
    expected = dict(opening)
    calls = []
    for _ in range(50_000):
        src, dst = rng.sample(accounts, 2)
        amount = rng.randint(1, 100)
        calls.append((src, dst, amount))
        expected[src] -= amount
        expected[dst] += amount
    assert concurrently(ledger.transfer, calls, threads=1) == list(range(1, 50_001))
    assert concurrently(ledger.balance, [(a,) for a in accounts], threads=1) == [expected[a] for a in accounts]
    histories = concurrently(ledger.history, [(a,) for a in accounts], threads=1)
    assert sum(len(h) for h in histories) == 100_000
    for account, history in zip(accounts, histories):
        assert not history or tuple(history[-1])[3] == expected[account]
    assert ledger.total() == 5_000 * 1_000_000
