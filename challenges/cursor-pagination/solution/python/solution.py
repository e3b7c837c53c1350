"""Reference solution for the cursor-pagination challenge."""

from __future__ import annotations

import base64
import binascii
import hashlib
import heapq
import hmac
import json
import re
from datetime import datetime, timedelta, timezone

DEFAULT_SECRET = b"assessor-demo-secret-change-me"

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)
_B64_RE = re.compile(r"[A-Za-z0-9_-]+")
_MAX_LIMIT = 100


class InvalidCursor(ValueError):
    """Raised when a cursor was not issued by ``paginate`` with the same secret."""


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    if not _B64_RE.fullmatch(text) or len(text) % 4 == 1:
        raise InvalidCursor("malformed cursor")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise InvalidCursor("malformed cursor") from exc


def _sign(payload: bytes, secret: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def _timestamp_us(value: str) -> int:
    """Microseconds since the Unix epoch for an ISO-8601 UTC timestamp."""
    dt = datetime.fromisoformat(value)
    if dt.tzinfo is None:  # be lenient: treat naive timestamps as UTC
        dt = dt.replace(tzinfo=timezone.utc)
    return (dt - _EPOCH) // _MICROSECOND


def _sort_key(record: dict) -> tuple[int, int]:
    return (_timestamp_us(record["created_at"]), record["id"])


def _encode_cursor(key: tuple[int, int], secret: bytes) -> str:
    payload = json.dumps(list(key), separators=(",", ":")).encode("ascii")
    return f"{_b64encode(payload)}.{_b64encode(_sign(payload, secret))}"


def _decode_cursor(cursor: object, secret: bytes) -> tuple[int, int]:
    if not isinstance(cursor, str):
        raise InvalidCursor("cursor must be a string")
    parts = cursor.split(".")
    if len(parts) != 2:
        raise InvalidCursor("malformed cursor")
    payload = _b64decode(parts[0])
    signature = _b64decode(parts[1])
    if not hmac.compare_digest(signature, _sign(payload, secret)):
        raise InvalidCursor("bad cursor signature")
    try:
        key = json.loads(payload)
    except ValueError as exc:  # pragma: no cover - only reachable with a leaked secret
        raise InvalidCursor("malformed cursor payload") from exc
    if (
        not isinstance(key, list)
        or len(key) != 2
        or not all(isinstance(k, int) and not isinstance(k, bool) for k in key)
    ):
        raise InvalidCursor("malformed cursor payload")
    return key[0], key[1]


def paginate(
    records: list[dict],
    limit: int,
    cursor: str | None = None,
    secret: bytes = DEFAULT_SECRET,
) -> dict:
    """Return one page of ``records`` ordered by (created_at desc, id desc).

    Returns ``{"items": [...], "next_cursor": str | None}``. Raises
    ``ValueError`` for a limit outside 1..100 and ``InvalidCursor`` for a
    cursor not issued with ``secret``. Does not mutate ``records``.
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= _MAX_LIMIT:
        raise ValueError(f"limit must be an integer between 1 and {_MAX_LIMIT}")

    keyed = ((_sort_key(r), r) for r in records)
    if cursor is not None:
        after = _decode_cursor(cursor, secret)
        keyed = ((k, r) for k, r in keyed if k < after)

    # Fetch one extra item to learn whether another page exists: O(n log limit).
    page = heapq.nlargest(limit + 1, keyed, key=lambda kr: kr[0])
    has_more = len(page) > limit
    page = page[:limit]

    next_cursor = _encode_cursor(page[-1][0], secret) if has_more else None
    return {"items": [r for _, r in page], "next_cursor": next_cursor}
