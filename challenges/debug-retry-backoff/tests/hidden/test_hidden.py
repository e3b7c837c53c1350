"""Hidden tests: each on-call report, plus the contract's edges."""

import pytest

from solution import retry


class Flaky:
    """An operation failing with `error` for its first `failures` calls, then returning "ok"."""

    def __init__(self, failures, error=ConnectionError):
        self.failures, self.error, self.calls = failures, error, 0

    def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error(f"failure {self.calls}")
        return "ok"


def test_total_calls_never_exceed_attempts():
    """attempts=3 means three calls in all (report 1)."""
    operation = Flaky(10)
    with pytest.raises(ConnectionError):
        retry(operation, attempts=3, sleep=lambda s: None, random=lambda: 0.0)
    assert operation.calls == 3


def test_single_attempt_means_no_retry():
    """attempts=1 calls once and never sleeps."""
    operation, slept = Flaky(1), []
    with pytest.raises(ConnectionError):
        retry(operation, attempts=1, sleep=slept.append, random=lambda: 0.0)
    assert (operation.calls, slept) == (1, [])


def test_non_retryable_errors_propagate_at_once():
    """A ValueError is not retried and nothing sleeps (report 2)."""
    operation, slept = Flaky(1, ValueError), []
    with pytest.raises(ValueError):
        retry(operation, sleep=slept.append, random=lambda: 0.5)
    assert (operation.calls, slept) == (1, [])


def test_subclasses_of_retryable_errors_are_retried():
    """ConnectionResetError is a ConnectionError, so it is retried."""
    operation = Flaky(2, ConnectionResetError)
    assert retry(operation, sleep=lambda s: None, random=lambda: 0.0) == "ok"
    assert operation.calls == 3


def test_custom_retry_on():
    """retry_on decides what is retried."""
    operation = Flaky(2, KeyError)
    assert retry(operation, retry_on=(KeyError,), sleep=lambda s: None, random=lambda: 0.0) == "ok"
    operation = Flaky(2, ConnectionError)
    with pytest.raises(ConnectionError):
        retry(operation, retry_on=(KeyError,), sleep=lambda s: None, random=lambda: 0.0)
    assert operation.calls == 1


def test_last_exception_is_reraised_unchanged():
    """The caller gets the last call's own exception, not a wrapper (report 3)."""
    operation = Flaky(5, TimeoutError)
    with pytest.raises(TimeoutError, match="failure 4"):
        retry(operation, attempts=4, sleep=lambda s: None, random=lambda: 0.0)


def test_no_sleep_after_the_last_attempt():
    """Giving up does not sleep first (report 5)."""
    slept = []
    with pytest.raises(ConnectionError):
        retry(Flaky(10), attempts=4, base_delay=1.0, sleep=slept.append, random=lambda: 1.0)
    assert len(slept) == 3


def test_delays_follow_capped_exponential_full_jitter():
    """Delays are random() * min(max_delay, base * 2**(n-1)) (report 4)."""
    slept = []
    with pytest.raises(ConnectionError):
        retry(Flaky(10), attempts=8, base_delay=0.5, max_delay=6.0, sleep=slept.append, random=lambda: 0.5)
    assert slept == [0.25, 0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


def test_jitter_uses_the_random_source():
    """Each delay uses a fresh random() value."""
    values = iter([0.0, 0.25, 0.75])
    slept = []
    assert retry(Flaky(3), base_delay=1.0, sleep=slept.append, random=lambda: next(values)) == "ok"
    assert slept == [0.0, 0.5, 3.0]


def test_invalid_attempts_rejected():
    """attempts must be at least 1."""
    with pytest.raises(ValueError):
        retry(lambda: "ok", attempts=0)
