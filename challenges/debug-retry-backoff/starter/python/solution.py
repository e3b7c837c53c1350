"""Retry an operation with exponential backoff and jitter.

This is the code on-call engineers filed the reports against: find and fix the bugs.
"""

import random as _random
import time


def retry(operation, *, attempts=5, base_delay=0.1, max_delay=5.0,
          retry_on=(ConnectionError, TimeoutError), sleep=time.sleep, random=_random.random):
    """Call operation() until it succeeds, retrying only `retry_on` errors, at most `attempts` calls."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    attempt = 0
    while attempt <= attempts:
        attempt += 1
        try:
            return operation()
        except Exception:
            delay = random() * base_delay * 2 ** attempt
            sleep(delay)
    raise RuntimeError("retries exhausted")
