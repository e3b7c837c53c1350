"""The worked example from the statement."""

from solution import retry


def test_statement_example():
    """Two failures, then success: three calls and two jittered sleeps."""
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("reset by peer")
        return "ok"

    slept = []
    assert retry(flaky, base_delay=1.0, sleep=slept.append, random=lambda: 0.5) == "ok"
    assert len(calls) == 3
    assert slept == [0.5, 1.0]


def test_success_on_first_call_does_not_sleep():
    """A call that succeeds at once returns its value without sleeping."""
    slept = []
    assert retry(lambda: 42, sleep=slept.append) == 42
    assert slept == []
