"""Retry an operation with capped exponential backoff and full jitter."""

import random as _random
import time


def retry(operation, *, attempts=5, base_delay=0.1, max_delay=5.0,
          retry_on=(ConnectionError, TimeoutError), sleep=time.sleep, random=_random.random):
    """Call operation() until it succeeds, retrying only `retry_on` errors, at most `attempts` calls."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except retry_on:
            if attempt == attempts:
                raise
        sleep(random() * min(max_delay, base_delay * 2 ** (attempt - 1)))
