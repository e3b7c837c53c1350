"""Reference solution for the idempotent-requests challenge."""

from __future__ import annotations

import heapq
import threading
import time
from typing import Any, Callable

TTL_SECONDS = 24 * 60 * 60


class IdempotencyConflict(Exception):
    """The key is already used by a different request."""


class _Record:
    __slots__ = ("fingerprint", "done", "response", "expires_at", "finished")

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.done = False
        self.response: Any = None
        self.expires_at = 0.0
        self.finished = threading.Event()


class IdempotencyStore:
    """Runs each request's operation at most once per idempotency key (until the key expires)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}
        self._expiries: list[tuple[float, int, str, _Record]] = []   # heap of completed records
        self._sequence = 0

    def _purge(self, now: float) -> None:
        """Forget completed records whose 24 h are over. Caller holds the lock."""
        expiries = self._expiries
        while expiries and expiries[0][0] <= now:
            _, _, key, record = heapq.heappop(expiries)
            if self._records.get(key) is record:
                del self._records[key]

    def handle(self, key: str, request_fingerprint: str, operation: Callable[[], Any]) -> Any:
        """Return operation()'s response for this key, running it only if no response is stored."""
        if not isinstance(key, str) or not key:
            raise ValueError("key must be a non-empty string")
        if not isinstance(request_fingerprint, str):
            raise ValueError("request_fingerprint must be a string")
        while True:
            with self._lock:
                self._purge(self._clock())
                record = self._records.get(key)
                if record is None:
                    record = _Record(request_fingerprint)
                    self._records[key] = record
                    break                          # this call owns the key: run the operation
                if record.fingerprint != request_fingerprint:
                    raise IdempotencyConflict(f"idempotency key {key!r} was used for a different request")
                if record.done:
                    return record.response
            # The same request is in flight: wait for it, then look again (it may have failed).
            record.finished.wait()

        try:
            response = operation()
        except BaseException:
            with self._lock:
                del self._records[key]             # nothing stored: the key is free again
            record.finished.set()
            raise
        with self._lock:
            record.response = response
            record.done = True
            record.expires_at = self._clock() + TTL_SECONDS
            self._sequence += 1
            heapq.heappush(self._expiries, (record.expires_at, self._sequence, key, record))
        record.finished.set()
        return response
