"""Signed keyset (cursor) pagination.

Implement ``paginate`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations

DEFAULT_SECRET = b"assessor-demo-secret-change-me"


class InvalidCursor(ValueError):
    """Raised when a cursor was not issued by ``paginate`` with the same secret
    (tampered, truncated, garbage, or signed with another secret)."""


def paginate(
    records: list[dict],
    limit: int,
    cursor: str | None = None,
    secret: bytes = DEFAULT_SECRET,
) -> dict:
    """Return one page of ``records`` ordered by (created_at desc, id desc).

    Each record has at least ``"id"`` (unique int) and ``"created_at"`` (an
    ISO-8601 UTC timestamp string such as ``"2024-05-01T10:00:00Z"`` or
    ``"2024-05-01T10:00:00.250+00:00"``); compare timestamps as instants.

    Returns ``{"items": [...], "next_cursor": str | None}`` where ``items``
    holds at most ``limit`` records and ``next_cursor`` is ``None`` exactly
    when no records follow the last returned item. Pass ``next_cursor`` back
    as ``cursor`` to get the next page; ``cursor=None`` is the first page.

    The cursor is keyset-based (it encodes the sort key of the last returned
    record, never an offset), opaque, URL-safe (characters ``A-Z a-z 0-9 - _
    . ~`` only) and signed with HMAC-SHA256 keyed by ``secret``.

    Raises ``ValueError`` if ``limit`` is not an int in 1..100, and
    ``InvalidCursor`` if ``cursor`` was not issued by ``paginate`` with the
    same ``secret``. Must not mutate ``records`` or the dicts in it.
    """
    raise NotImplementedError
