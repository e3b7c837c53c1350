"""Thread-safe token-bucket rate limiter.

Implement ``RateLimiter`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations

import time
from typing import Callable


class RateLimiter:
    """Per-key token-bucket rate limiter; must be safe to share between threads.

    Each key gets its own bucket of at most ``capacity`` tokens, created full
    on first use and refilled continuously at ``refill_per_second`` tokens per
    second. ``clock`` is a zero-argument callable returning seconds as a float.

    Raises ``ValueError`` if ``capacity`` is not a positive integer or
    ``refill_per_second`` is not positive.
    """

    def __init__(
        self,
        capacity: int,
        refill_per_second: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        raise NotImplementedError

    def allow(self, key: str, cost: int = 1) -> bool:
        """Consume ``cost`` tokens from ``key``'s bucket and return True if it
        holds at least ``cost`` tokens; otherwise consume nothing and return False.

        Raises ``ValueError`` if ``cost`` is not a positive integer or exceeds
        ``capacity``.
        """
        raise NotImplementedError

    def retry_after(self, key: str, cost: int = 1) -> float:
        """Return the seconds until ``allow(key, cost)`` would succeed (0.0 if
        it would succeed now), without consuming any tokens.

        Raises ``ValueError`` if ``cost`` is not a positive integer or exceeds
        ``capacity``.
        """
        raise NotImplementedError
