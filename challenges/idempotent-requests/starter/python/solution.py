"""Idempotency keys for a payments API.

Implement ``IdempotencyStore`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations

import time
from typing import Any, Callable

TTL_SECONDS = 24 * 60 * 60


class IdempotencyConflict(Exception):
    """The idempotency key is already used by a request with a different fingerprint."""


class IdempotencyStore:
    """Runs each request's operation at most once per idempotency key; safe to share between threads.

    ``clock`` is a zero-argument callable returning the current time in seconds.
    Stored responses expire ``TTL_SECONDS`` after they were stored.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    def handle(self, key: str, request_fingerprint: str, operation: Callable[[], Any]) -> Any:
        """Return the response for this request, calling ``operation()`` only if
        no response is stored (or in flight) for ``key``.

        Raises ``IdempotencyConflict`` if ``key`` is stored or in flight with a
        different fingerprint, ``ValueError`` for an empty or non-string key or
        a non-string fingerprint, and lets an exception from ``operation``
        propagate (nothing is stored then).
        """
        raise NotImplementedError
