"""Reference solution for the room-bookings challenge."""

from __future__ import annotations

from bisect import bisect_right, insort


def book_rooms(requests):
    """Accept or reject each (room, start, end) request in order.

    Returns one entry per request: None if it was accepted, otherwise the index
    of the accepted booking it clashes with (the earliest-starting one).
    Raises ValueError if any request has end <= start.
    """
    requests = list(requests)
    for index, (_room, start, end) in enumerate(requests):
        if end <= start:
            raise ValueError(f"request {index}: end ({end}) must be after start ({start})")

    # Per room, the accepted bookings are disjoint, so sorting them by end also
    # sorts them by start: keep (end, start, index) in a sorted list.
    accepted: dict[str, list[tuple[int, int, int]]] = {}
    results: list[int | None] = []
    for index, (room, start, end) in enumerate(requests):
        booked = accepted.setdefault(room, [])
        # The first accepted booking that ends after `start` is the earliest one
        # that could overlap [start, end); it does if it starts before `end`.
        position = bisect_right(booked, (start, float("inf"), 0))
        if position < len(booked) and booked[position][1] < end:
            results.append(booked[position][2])
        else:
            insort(booked, (end, start, index))
            results.append(None)
    return results
