"""LRU cache with per-entry TTL.

Implement ``LRUCache`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Hashable


class LRUCache:
    """Holds at most ``capacity`` live entries, evicting the least recently used.

    ``clock`` is a zero-argument callable returning the current time in seconds.

    Raises ``ValueError`` if ``capacity`` is not a positive integer.
    """

    def __init__(self, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the value of ``key``'s live entry and mark it most recently used
        (a hit); return ``default`` if there is none (a miss)."""
        raise NotImplementedError

    def put(self, key: Hashable, value: Any, ttl: float | None = None) -> None:
        """Insert or replace ``key`` as the most recently used entry.

        ``ttl`` (seconds) makes the entry expire at ``clock() + ttl``; ``None``
        means it never expires. Inserting a new key into a full cache evicts
        the least recently used live entry first.

        Raises ``ValueError`` if ``ttl`` is neither ``None`` nor a positive,
        finite number.
        """
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of live (unexpired) entries."""
        raise NotImplementedError

    def stats(self) -> dict[str, int]:
        """``{"hits": int, "misses": int, "evictions": int}`` since creation."""
        raise NotImplementedError
