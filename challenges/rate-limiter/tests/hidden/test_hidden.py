"""Hidden tests for the rate-limiter challenge."""

import threading
import time

import pytest

from solution import RateLimiter


class FakeClock:
    """Manually driven clock: returns ``now`` until advanced."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def test_bucket_starts_full():
    """A new key starts with a full bucket, then is denied once it is empty."""
    clock = FakeClock()
    limiter = RateLimiter(5, 1.0, clock=clock)
    assert [limiter.allow("k") for _ in range(6)] == [True] * 5 + [False]
    # Default clock (time.monotonic) works too; refill is far too slow to matter here.
    real = RateLimiter(2, 0.001)
    assert [real.allow("k") for _ in range(3)] == [True, True, False]


def test_refill_is_continuous():
    """Tokens refill continuously at refill_per_second, including fractional tokens."""
    clock = FakeClock()
    limiter = RateLimiter(4, 2.0, clock=clock)
    for _ in range(4):
        assert limiter.allow("k")
    clock.advance(0.25)  # 0.5 tokens
    assert limiter.allow("k") is False
    clock.advance(0.25)  # 1.0 token
    assert limiter.allow("k") is True
    assert limiter.allow("k") is False
    clock.advance(1.0)  # 2.0 tokens
    assert limiter.allow("k", cost=2) is True
    assert limiter.allow("k") is False

    slow = RateLimiter(1, 0.5, clock=clock)
    assert slow.allow("s")
    clock.advance(1.5)  # 0.75 tokens
    assert slow.allow("s") is False
    clock.advance(0.5)  # 1.0 token
    assert slow.allow("s") is True


def test_refill_capped_at_capacity():
    """A long idle period refills the bucket only up to capacity."""
    clock = FakeClock()
    limiter = RateLimiter(3, 10.0, clock=clock)
    for _ in range(3):
        assert limiter.allow("k")
    clock.advance(3600.0)
    assert [limiter.allow("k") for _ in range(4)] == [True, True, True, False]
    assert limiter.retry_after("k") == pytest.approx(0.1)


def test_keys_are_independent():
    """Each key has its own bucket; exhausting one does not affect another."""
    clock = FakeClock()
    limiter = RateLimiter(2, 1.0, clock=clock)
    assert limiter.allow("a") and limiter.allow("a")
    assert limiter.allow("a") is False
    assert limiter.retry_after("b") == 0.0
    assert limiter.allow("b") and limiter.allow("b")
    assert limiter.allow("b") is False
    clock.advance(1.0)
    assert limiter.allow("a") is True
    assert limiter.allow("c", cost=2) is True


def test_denied_request_consumes_nothing():
    """A denied allow() leaves the bucket untouched, so a cheaper request still fits."""
    clock = FakeClock()
    limiter = RateLimiter(5, 1.0, clock=clock)
    assert limiter.allow("k", cost=3)
    for _ in range(10):
        assert limiter.allow("k", cost=3) is False
    assert limiter.allow("k", cost=2) is True
    assert limiter.allow("k") is False
    clock.advance(3.0)
    assert limiter.allow("k", cost=3) is True


def test_retry_after_values():
    """retry_after returns 0.0 when allowed now, else the exact wait for the missing tokens."""
    clock = FakeClock()
    limiter = RateLimiter(5, 2.0, clock=clock)
    assert limiter.retry_after("k") == 0.0
    assert limiter.retry_after("k", cost=5) == 0.0
    assert limiter.allow("k", cost=5)
    assert limiter.retry_after("k") == pytest.approx(0.5)
    assert limiter.retry_after("k", cost=3) == pytest.approx(1.5)
    clock.advance(0.25)  # 0.5 tokens
    assert limiter.retry_after("k") == pytest.approx(0.25)
    assert limiter.retry_after("k", cost=5) == pytest.approx(2.25)
    clock.advance(0.25)  # 1.0 token
    assert limiter.retry_after("k") == 0.0
    assert isinstance(limiter.retry_after("k", cost=2), float)


def test_waiting_retry_after_is_enough():
    """retry_after consumes nothing, and waiting exactly that long makes allow() succeed."""
    clock = FakeClock(now=123.456)
    limiter = RateLimiter(7, 3.0, clock=clock)
    for _ in range(7):
        assert limiter.allow("k")
    first = limiter.retry_after("k", cost=2)
    for _ in range(5):
        assert limiter.retry_after("k", cost=2) == first  # repeated calls consume nothing
    for rate, cost in [(3.0, 2), (0.1, 1), (7.0, 5), (1 / 3, 3), (13.7, 7)]:
        limiter = RateLimiter(7, rate, clock=clock)
        limiter.allow("k", cost=7)
        for _ in range(20):
            wait = limiter.retry_after("k", cost)
            assert wait > 0.0
            clock.advance(wait)
            assert limiter.allow("k", cost) is True, (rate, cost, wait)


def test_invalid_constructor_arguments():
    """Non-positive capacity or refill rate raises ValueError."""
    clock = FakeClock()
    for capacity, rate in [(0, 1.0), (-1, 1.0), (5, 0), (5, 0.0), (5, -2.5)]:
        with pytest.raises(ValueError):
            RateLimiter(capacity, rate, clock=clock)
    RateLimiter(1, 0.001, clock=clock)  # smallest sensible values are fine


def test_invalid_cost():
    """Cost that is not positive, or exceeds capacity, raises ValueError from both methods."""
    clock = FakeClock()
    limiter = RateLimiter(5, 1.0, clock=clock)
    for cost in (0, -1, 6, 100):
        with pytest.raises(ValueError):
            limiter.allow("k", cost=cost)
        with pytest.raises(ValueError):
            limiter.retry_after("k", cost=cost)
    # Rejected calls must not have consumed anything.
    assert limiter.allow("k", cost=5) is True


def test_concurrent_allow_exact_capacity():
    """8 threads hammering one key together get exactly `capacity` successes."""
    from assessor_testing import concurrently

    capacity = 1200
    for round_no in (1, 2):  # races are probabilistic: two rounds
        # A real clock with a negligible refill rate: no token comes back during the test.
        limiter = RateLimiter(capacity, 1e-9, clock=time.monotonic)
        results = concurrently(limiter.allow, [("shared",)] * 1600, threads=8)
        assert len(results) == 1600
        assert sum(results) == capacity, f"round {round_no}: {sum(results)} successes"


def test_clock_going_backwards_adds_no_tokens():
    """A clock reading earlier than the latest seen adds no tokens and does not rewind the bucket."""
    clock = FakeClock(now=10.0)
    limiter = RateLimiter(10, 2.0, clock=clock)
    assert limiter.allow("k", cost=10)
    clock.now = 5.0
    assert limiter.allow("k") is False
    clock.now = 10.5  # only 0.5 s past the latest reading: exactly 1 token
    assert limiter.allow("k") is True
    assert limiter.allow("k") is False
