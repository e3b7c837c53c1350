"""Reference solution for the lru-cache challenge."""

from __future__ import annotations

import heapq
import itertools
import math
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable

_MISSING = object()


class LRUCache:
    """Fixed-capacity least-recently-used cache with optional per-entry TTL."""

    def __init__(self, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ValueError("capacity must be a positive integer")
        self._capacity = capacity
        self._clock = clock
        # key -> (value, expires_at or None, generation); order = recency, oldest first.
        self._entries: OrderedDict[Hashable, tuple[Any, float | None, int]] = OrderedDict()
        # (expires_at, generation, key) for entries with a TTL; stale items are skipped lazily.
        self._deadlines: list[tuple[float, int, Hashable]] = []
        self._generation = itertools.count()
        self._hits = self._misses = self._evictions = 0

    def _purge_expired(self, now: float) -> None:
        """Drop every entry whose deadline has passed (amortised O(log n) per entry)."""
        deadlines = self._deadlines
        while deadlines and deadlines[0][0] <= now:
            _, generation, key = heapq.heappop(deadlines)
            entry = self._entries.get(key)
            if entry is not None and entry[2] == generation:
                del self._entries[key]

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the live value for key and mark it most recently used; else default."""
        entry = self._entries.get(key, _MISSING)
        if entry is not _MISSING and entry[1] is not None and entry[1] <= self._clock():
            del self._entries[key]
            entry = _MISSING
        if entry is _MISSING:
            self._misses += 1
            return default
        self._entries.move_to_end(key)
        self._hits += 1
        return entry[0]

    def put(self, key: Hashable, value: Any, ttl: float | None = None) -> None:
        """Insert or replace key; evict the least recently used live entry if the cache is full."""
        if ttl is not None:
            if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not (0 < ttl < math.inf):
                raise ValueError("ttl must be None or a positive, finite number of seconds")
        now = self._clock()
        self._purge_expired(now)
        generation = next(self._generation)
        expires_at = None if ttl is None else now + ttl
        if key in self._entries:
            self._entries.move_to_end(key)
        elif len(self._entries) >= self._capacity:
            self._entries.popitem(last=False)
            self._evictions += 1
        self._entries[key] = (value, expires_at, generation)
        if expires_at is not None:
            heapq.heappush(self._deadlines, (expires_at, generation, key))
        if len(self._deadlines) > 2 * len(self._entries) + 64:
            self._compact_deadlines()

    def _compact_deadlines(self) -> None:
        """Drop stale heap items left by replaced or evicted entries, so memory stays O(capacity)."""
        self._deadlines = [
            item for item in self._deadlines
            if (entry := self._entries.get(item[2])) is not None and entry[2] == item[1]
        ]
        heapq.heapify(self._deadlines)

    def __len__(self) -> int:
        """Number of live (unexpired) entries."""
        self._purge_expired(self._clock())
        return len(self._entries)

    def stats(self) -> dict[str, int]:
        """Counters since creation: hits, misses and capacity evictions."""
        return {"hits": self._hits, "misses": self._misses, "evictions": self._evictions}
