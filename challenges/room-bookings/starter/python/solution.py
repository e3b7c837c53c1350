"""Meeting-room bookings.

Implement ``book_rooms`` below. See the statement for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations


def book_rooms(requests: list[tuple[str, int, int]]) -> list[int | None]:
    """Accept or reject each ``(room, start, end)`` request, in order.

    ``start`` and ``end`` are minutes; a booking occupies ``[start, end)``, so
    back-to-back bookings (one ends when the next starts) do not clash.

    Returns a list with one entry per request: ``None`` if the request was
    accepted, otherwise the index (in ``requests``) of the accepted booking it
    clashes with -- the one that starts earliest, if it overlaps several.

    Raises ``ValueError`` if any request has ``end <= start``.
    """
    raise NotImplementedError
