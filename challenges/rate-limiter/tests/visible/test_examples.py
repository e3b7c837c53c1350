"""Worked examples from the statement."""

import pytest

from solution import RateLimiter


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


def test_statement_example():
    """The worked example from the statement."""
    clock = FakeClock()
    limiter = RateLimiter(capacity=3, refill_per_second=2.0, clock=clock)
    assert [limiter.allow("alice") for _ in range(4)] == [True, True, True, False]
    assert limiter.retry_after("alice") == pytest.approx(0.5)
    assert limiter.retry_after("alice", cost=3) == pytest.approx(1.5)
    assert limiter.allow("bob", cost=3) is True
    clock.now = 0.5
    assert limiter.allow("alice") is True
    assert limiter.allow("alice") is False


def test_cost_above_capacity_is_rejected():
    """A cost larger than the capacity raises ValueError."""
    limiter = RateLimiter(capacity=3, refill_per_second=2.0, clock=FakeClock())
    with pytest.raises(ValueError):
        limiter.retry_after("alice", cost=4)
