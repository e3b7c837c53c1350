"""Worked examples from the statement."""

import pytest

from solution import IdempotencyConflict, IdempotencyStore


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class Charges:
    """Records the charges made; charge(amount) is a request's operation."""

    def __init__(self):
        self.made = []

    def charge(self, amount):
        def operation():
            self.made.append(amount)
            return {"charge_id": f"ch_{len(self.made)}", "amount": amount}
        return operation


def test_retry_conflict_and_expiry():
    """A retry returns the stored response, a different request conflicts, and keys expire after 24 h."""
    charges = Charges()
    clock = FakeClock()
    store = IdempotencyStore(clock)
    first = store.handle("key-1", "amount=500", charges.charge(500))
    assert first == {"charge_id": "ch_1", "amount": 500}
    assert store.handle("key-1", "amount=500", charges.charge(500)) == first
    assert charges.made == [500]
    with pytest.raises(IdempotencyConflict):
        store.handle("key-1", "amount=900", charges.charge(900))
    clock.now = 24 * 60 * 60 - 0.001
    assert store.handle("key-1", "amount=500", charges.charge(500)) == first
    clock.now = 24 * 60 * 60
    assert store.handle("key-1", "amount=900", charges.charge(900)) == {"charge_id": "ch_2", "amount": 900}
    assert charges.made == [500, 900]


def test_failed_operation_is_not_stored():
    """An operation that raises stores nothing, so the retry runs again."""
    charges = Charges()
    store = IdempotencyStore(FakeClock())

    def unreachable():
        raise ConnectionError("card processor unreachable")

    with pytest.raises(ConnectionError):
        store.handle("key-2", "amount=700", unreachable)
    assert store.handle("key-2", "amount=700", charges.charge(700)) == {"charge_id": "ch_1", "amount": 700}
    assert charges.made == [700]
