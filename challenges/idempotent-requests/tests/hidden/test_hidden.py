"""Hidden tests for the idempotent-requests challenge."""

import threading
import time

import pytest

from solution import IdempotencyConflict, IdempotencyStore

DAY = 24 * 60 * 60


class FakeClock:
    """Manually driven clock: returns ``now`` until changed."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


class Operation:
    """A request's operation: counts its calls (thread-safely) and returns `response`."""

    def __init__(self, response=None, delay=0.0, fail_first=None):
        self.response = response
        self.delay = delay
        self.fail_first = fail_first      # an exception to raise from the first call
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            self.calls += 1
            number = self.calls
        if self.delay:
            time.sleep(self.delay)
        if number == 1 and self.fail_first is not None:
            raise self.fail_first
        if self.response is None:
            return {"call": number}
        return self.response


class Returns:
    """An operation that returns `value` and counts its calls."""

    def __init__(self, value):
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_first_call_runs_operation_then_retries_replay():
    """The first call runs the operation; retries with the same fingerprint replay its response."""
    store = IdempotencyStore(FakeClock())
    response = {"id": "ch_1", "amount": 1250, "currency": "EUR", "items": [1, [2, 3]], "ok": True}
    op = Operation(response)
    assert store.handle("k1", "POST /charges 1250", op) == response
    retry = Operation({"id": "WRONG"})
    for _ in range(5):
        assert store.handle("k1", "POST /charges 1250", retry) == response
    assert (op.calls, retry.calls) == (1, 0)


def test_falsy_responses_are_stored():
    """None, 0, "", False and empty containers are stored responses like any other."""
    store = IdempotencyStore(FakeClock())
    for i, value in enumerate([None, 0, "", False, {}, [], 0.0]):
        op = Returns(value)
        for _ in range(3):
            result = store.handle(f"falsy-{i}", "fp", op)
            assert result == value and type(result) is type(value)
        assert op.calls == 1, f"response {value!r} was not stored"


def test_different_fingerprint_conflicts():
    """Reusing a key for a different request raises IdempotencyConflict and changes nothing."""
    assert issubclass(IdempotencyConflict, Exception)
    store = IdempotencyStore(FakeClock())
    assert store.handle("k", "amount=100", Operation({"amount": 100})) == {"amount": 100}
    other = Operation({"amount": 999})
    for fingerprint in ("amount=999", "AMOUNT=100", "amount=100 ", ""):
        with pytest.raises(IdempotencyConflict):
            store.handle("k", fingerprint, other)
    assert other.calls == 0
    assert store.handle("k", "amount=100", other) == {"amount": 100}
    assert other.calls == 0


def test_keys_are_independent():
    """Different keys (even with the same fingerprint, or differing only in case) are separate requests."""
    store = IdempotencyStore(FakeClock())
    ops = {key: Operation({"key": key}) for key in ("a", "A", "b", "a ")}
    for key, op in ops.items():
        assert store.handle(key, "same", op) == {"key": key}
    for key, op in ops.items():
        assert store.handle(key, "same", op) == {"key": key}
        assert op.calls == 1


def test_expiry_after_24_hours():
    """A response is valid strictly before stored_at + 24 h, retries do not extend it, then the key is new."""
    clock = FakeClock(now=5000.0)
    store = IdempotencyStore(clock)
    first = Operation({"n": 1})
    assert store.handle("k", "fp-a", first) == {"n": 1}
    clock.now = 5000.0 + DAY / 2
    assert store.handle("k", "fp-a", first) == {"n": 1}          # a retry does not extend the expiry
    clock.now = 5000.0 + DAY - 0.001
    assert store.handle("k", "fp-a", first) == {"n": 1}
    with pytest.raises(IdempotencyConflict):
        store.handle("k", "fp-b", Operation())
    clock.now = 5000.0 + DAY
    second = Operation({"n": 2})
    assert store.handle("k", "fp-b", second) == {"n": 2}          # expired: a different request is fine
    assert store.handle("k", "fp-b", Operation()) == {"n": 2}
    clock.now = 5000.0 + 2 * DAY - 0.001                           # the new record lasts 24 h from its own store
    assert store.handle("k", "fp-b", Operation()) == {"n": 2}
    clock.now = 5000.0 + 2 * DAY
    third = Operation({"n": 3})
    assert store.handle("k", "fp-b", third) == {"n": 3}            # same fingerprint after expiry: runs again
    assert (first.calls, second.calls, third.calls) == (1, 1, 1)


def test_failed_operation_is_not_stored():
    """An exception propagates unchanged, nothing is stored, and the key is free for any request."""
    store = IdempotencyStore(FakeClock())
    failing = Operation(fail_first=ConnectionError("processor timeout"))
    with pytest.raises(ConnectionError, match="processor timeout"):
        store.handle("k", "fp", failing)
    assert store.handle("k", "fp", failing) == {"call": 2}        # the retry runs again
    assert store.handle("k", "fp", failing) == {"call": 2}        # and is now stored
    assert failing.calls == 2

    declined = Operation(fail_first=ValueError("card declined"))
    with pytest.raises(ValueError, match="card declined"):
        store.handle("k2", "fp-1", declined)
    replacement = Operation({"retried": "with other data"})
    assert store.handle("k2", "fp-2", replacement) == {"retried": "with other data"}   # no conflict
    with pytest.raises(IdempotencyConflict):
        store.handle("k2", "fp-1", declined)


def test_invalid_arguments():
    """A missing/empty/non-string key or a non-string fingerprint raises ValueError without running anything."""
    store = IdempotencyStore(FakeClock())
    op = Operation()
    for key, fingerprint in [("", "fp"), (None, "fp"), (42, "fp"), ("k", None), ("k", 42)]:
        with pytest.raises(ValueError):
            store.handle(key, fingerprint, op)
    assert op.calls == 0
    assert store.handle("k", "fp", op) == {"call": 1}


def test_concurrent_same_request_runs_once():
    """Concurrent identical requests run the operation once and all get its response."""
    from assessor_testing import concurrently

    store = IdempotencyStore(time.monotonic)
    for round_no in range(2):
        op = Operation(delay=0.03)
        results = concurrently(store.handle, [(f"pay-{round_no}", "fp", op)] * 24, threads=8)
        assert op.calls == 1, f"round {round_no}: the operation ran {op.calls} times"
        assert results == [{"call": 1}] * 24


def test_conflict_while_in_flight():
    """A different request for a key whose operation is still running conflicts at once (no waiting)."""
    store = IdempotencyStore(FakeClock())
    seen = []

    def slow_operation():
        # While this operation runs, a different request arrives with the same key.
        try:
            store.handle("k", "different", Operation({"wrong": True}))
            seen.append("accepted")
        except IdempotencyConflict:
            seen.append("conflict")
        return {"done": True}

    assert store.handle("k", "original", slow_operation) == {"done": True}
    assert seen == ["conflict"]
    assert store.handle("k", "original", Operation()) == {"done": True}


def test_other_keys_not_blocked_by_running_operation():
    """While an operation runs, requests for other keys (new or stored) complete without waiting for it."""
    store = IdempotencyStore(FakeClock())
    assert store.handle("stored", "fp", Operation({"stored": 1})) == {"stored": 1}
    inner = []

    def slow_operation():
        inner.append(store.handle("other", "fp", Operation({"other": 1})))
        inner.append(store.handle("stored", "fp", Operation()))
        return {"outer": 1}

    assert store.handle("outer", "fp", slow_operation) == {"outer": 1}
    assert inner == [{"other": 1}, {"stored": 1}]


def test_waiting_requests_retry_after_failure():
    """If the running operation fails, exactly one waiting identical request runs its own, and it is stored."""
    from assessor_testing import concurrently

    store = IdempotencyStore(time.monotonic)
    op = Operation(delay=0.03, fail_first=ConnectionError("processor timeout"))
    with pytest.raises(ConnectionError):
        concurrently(store.handle, [("pay", "fp", op)] * 16, threads=8)
    assert op.calls == 2, f"the operation ran {op.calls} times (expected: the failure, then one retry)"
    assert store.handle("pay", "fp", op) == {"call": 2}
    assert op.calls == 2


def test_many_keys():
    """Tens of thousands of keys: each operation runs once and retries replay, quickly."""
    from assessor_testing import concurrently

    n = 40_000
    store = IdempotencyStore()            # default clock: time.monotonic
    # time.monotonic crosses by name: the operation runs in the store's process and returns
    # a different float on every call, so a re-run would show.
    calls = [(f"key-{i}", f"fp-{i % 7}", time.monotonic) for i in range(n)]
    first = concurrently(store.handle, calls, threads=1)
    assert len(set(first)) > n // 2
    assert concurrently(store.handle, calls, threads=4) == first
    assert concurrently(store.handle, calls[::-1], threads=1) == first[::-1]
    with pytest.raises(IdempotencyConflict):
        store.handle("key-123", "fp-other", time.monotonic)
