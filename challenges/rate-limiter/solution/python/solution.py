"""Reference solution for the rate-limiter challenge."""

from __future__ import annotations

import threading
import time
from typing import Callable

_EPSILON = 1e-9  # tolerance in tokens, absorbs floating-point rounding


class _Bucket:
    __slots__ = ("tokens", "updated")

    def __init__(self, tokens: float, updated: float) -> None:
        self.tokens = tokens
        self.updated = updated


class RateLimiter:
    """Per-key token-bucket rate limiter; safe to share between threads."""

    def __init__(
        self,
        capacity: int,
        refill_per_second: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity <= 0:
            raise ValueError("capacity must be a positive integer")
        if isinstance(refill_per_second, bool) or not isinstance(refill_per_second, (int, float)):
            raise ValueError("refill_per_second must be a positive number")
        if not refill_per_second > 0 or refill_per_second == float("inf"):
            raise ValueError("refill_per_second must be a positive finite number")
        self._capacity = capacity
        self._rate = float(refill_per_second)
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _check_cost(self, cost: int) -> None:
        if isinstance(cost, bool) or not isinstance(cost, int) or cost <= 0:
            raise ValueError("cost must be a positive integer")
        if cost > self._capacity:
            raise ValueError("cost exceeds capacity; the request could never succeed")

    def _bucket(self, key: str) -> _Bucket:
        """Return the refilled bucket for key. Caller must hold the lock."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(float(self._capacity), now)
            self._buckets[key] = bucket
        elif now > bucket.updated:
            bucket.tokens = min(
                float(self._capacity),
                bucket.tokens + (now - bucket.updated) * self._rate,
            )
            bucket.updated = now
        return bucket

    def allow(self, key: str, cost: int = 1) -> bool:
        """Consume ``cost`` tokens from ``key``'s bucket if available."""
        self._check_cost(cost)
        with self._lock:
            bucket = self._bucket(key)
            if bucket.tokens + _EPSILON >= cost:
                bucket.tokens = max(0.0, bucket.tokens - cost)
                return True
            return False

    def retry_after(self, key: str, cost: int = 1) -> float:
        """Seconds until ``allow(key, cost)`` would succeed; 0.0 if it would now."""
        self._check_cost(cost)
        with self._lock:
            bucket = self._bucket(key)
            missing = cost - bucket.tokens
            if missing <= _EPSILON:
                return 0.0
            return missing / self._rate
