"""Hidden tests for the room-bookings challenge."""

import random

import pytest

from solution import book_rooms


def test_statement_example():
    """The statement's example: overlap rejected, back-to-back accepted, rooms independent."""
    requests = [
        ("Atlas", 540, 600),
        ("Atlas", 570, 630),
        ("Atlas", 600, 660),
        ("Borealis", 570, 630),
        ("Atlas", 520, 700),
    ]
    assert book_rooms(requests) == [None, 0, None, None, 0]


def test_empty_list():
    """No requests: an empty result."""
    assert book_rooms([]) == []


def test_back_to_back_allowed():
    """Bookings that touch on either side (end == next start) never clash, in any order."""
    requests = [
        ("Atlas", 600, 660),
        ("Atlas", 540, 600),    # ends as 0 starts
        ("Atlas", 660, 720),    # starts as 0 ends
        ("Atlas", 720, 721),    # a one-minute booking
        ("Atlas", 0, 540),
        ("Atlas", 721, 1440),
    ]
    assert book_rooms(requests) == [None] * 6


def test_gap_filled_exactly():
    """A request that exactly fills the gap between two bookings is accepted; one minute more clashes."""
    requests = [
        ("Atlas", 540, 600),
        ("Atlas", 660, 720),
        ("Atlas", 599, 660),    # one minute into 0
        ("Atlas", 600, 661),    # one minute into 1
        ("Atlas", 600, 660),    # exactly the gap
    ]
    assert book_rooms(requests) == [None, None, 0, 1, None]


def test_overlap_shapes():
    """Partial overlaps from either side, containment both ways and an identical booking all clash."""
    requests = [
        ("Atlas", 600, 700),
        ("Atlas", 550, 601),    # overlaps the start
        ("Atlas", 699, 750),    # overlaps the end
        ("Atlas", 620, 640),    # inside
        ("Atlas", 500, 800),    # contains it
        ("Atlas", 600, 700),    # identical
    ]
    assert book_rooms(requests) == [None, 0, 0, 0, 0, 0]


def test_rejected_requests_do_not_occupy_the_room():
    """A rejected request books nothing: later requests that overlap only it are accepted."""
    requests = [
        ("Atlas", 540, 600),    # 0 accepted
        ("Atlas", 570, 690),    # 1 rejected (clashes with 0)
        ("Atlas", 600, 690),    # 2 overlaps only the rejected 1: accepted
        ("Atlas", 650, 700),    # 3 clashes with 2, not with 1
        ("Atlas", 700, 720),    # 4 accepted
    ]
    assert book_rooms(requests) == [None, 0, None, 2, None]


def test_reports_earliest_starting_clash():
    """A request overlapping several accepted bookings reports the one that starts earliest, not the first accepted."""
    requests = [
        ("Atlas", 800, 900),    # 0
        ("Atlas", 600, 700),    # 1
        ("Atlas", 700, 750),    # 2
        ("Atlas", 400, 450),    # 3
        ("Atlas", 650, 850),    # 4 overlaps 1, 2 and 0: reports 1
        ("Atlas", 720, 1000),   # 5 overlaps 2 and 0: reports 2
        ("Atlas", 0, 2000),     # 6 overlaps everything: reports 3
        ("Atlas", 460, 610),    # 7 overlaps only 1
    ]
    assert book_rooms(requests) == [None, None, None, None, 1, 2, 3, 1]


def test_out_of_order_requests():
    """Requests arrive in any time order; later-in-time bookings block earlier-in-time requests too."""
    requests = [
        ("Atlas", 1000, 1100),
        ("Atlas", 100, 200),
        ("Atlas", 500, 600),
        ("Atlas", 150, 160),    # clashes with 1
        ("Atlas", 1050, 1200),  # clashes with 0
        ("Atlas", 200, 500),    # between 1 and 2: accepted
        ("Atlas", 590, 1010),   # overlaps 2 and 0: reports 2
        ("Atlas", 0, 100),      # accepted
    ]
    assert book_rooms(requests) == [None, None, None, 1, 0, None, 2, None]


def test_rooms_are_independent():
    """Bookings in different rooms never clash, and room names are compared exactly (case matters)."""
    requests = [
        ("Atlas", 540, 600),
        ("Borealis", 540, 600),
        ("atlas", 540, 600),
        ("Atlas ", 540, 600),
        ("Cygnus", 0, 1440),
        ("Borealis", 550, 560),  # clashes with 1
        ("Atlas", 590, 700),     # clashes with 0
        ("Cygnus", 600, 601),    # clashes with 4
    ]
    assert book_rooms(requests) == [None, None, None, None, None, 1, 0, 4]


def test_zero_length_booking_raises():
    """A zero-length booking (end == start) raises ValueError."""
    with pytest.raises(ValueError):
        book_rooms([("Atlas", 600, 600)])
    with pytest.raises(ValueError):
        book_rooms([("Atlas", 0, 0)])


def test_inverted_booking_raises():
    """A booking that ends before it starts raises ValueError."""
    with pytest.raises(ValueError):
        book_rooms([("Atlas", 660, 600)])
    with pytest.raises(ValueError):
        book_rooms([("Atlas", 1, 0)])


def test_invalid_request_anywhere_raises():
    """An invalid request after valid (even clashing) ones still raises ValueError; nothing is returned."""
    valid = [("Atlas", 540, 600), ("Atlas", 550, 560), ("Borealis", 0, 10)]
    with pytest.raises(ValueError):
        book_rooms(valid + [("Borealis", 20, 10)] + valid)
    with pytest.raises(ValueError):
        book_rooms(valid * 100 + [("Cygnus", 5, 5)])


def _model(requests):
    """Straightforward per-room scan: fine for the small rooms of test_large_many_rooms."""
    accepted = {}
    results = []
    for index, (room, start, end) in enumerate(requests):
        clashes = [(s, i) for s, e, i in accepted.get(room, ()) if s < end and start < e]
        if clashes:
            results.append(min(clashes)[1])
        else:
            accepted.setdefault(room, []).append((start, end, index))
            results.append(None)
    return results


def test_large_many_rooms():
    """100,000 requests over 5,000 rooms in random order: each room is checked on its own, quickly."""
    rng = random.Random(20240501)
    rooms = [f"room-{n:04d}" for n in range(5_000)]
    requests = []
    for _ in range(100_000):
        start = rng.randrange(0, 1440 - 15)
        requests.append((rng.choice(rooms), start, min(1440, start + rng.randrange(15, 121))))
    expected = _model(requests)
    assert None in expected and any(r is not None for r in expected)
    assert book_rooms(requests) == expected


def test_large_single_room():
    """200,000 requests for one room (160,000 accepted): an O(n^2) scan of the bookings is too slow."""
    rng = random.Random(7)
    slots = []                                  # disjoint bookings, one per hour
    for hour in range(160_000):
        base = hour * 60
        offset = 0 if rng.random() < 0.4 else rng.randrange(0, 20)
        length = 60 - offset if rng.random() < 0.4 else rng.randrange(1, 61 - offset)
        slots.append((base + offset, base + offset + length))
    keyed = []                                  # (sort key, request, slot it clashes with or None)
    for hour, (start, end) in enumerate(slots):
        keyed.append((hour + rng.random() * 50, ("Atlas", start, end), None))
    slot_keys = [key for key, _, _ in keyed]
    for _ in range(40_000):
        hour = rng.randrange(len(slots))
        a, b = slots[hour]
        start = rng.randrange(hour * 60, b)
        end = rng.randrange(max(start, a) + 1, (hour + 1) * 60 + 1)
        keyed.append((slot_keys[hour] + 0.001 + rng.random() * 300, ("Atlas", start, end), hour))
    keyed.sort(key=lambda item: item[0])
    # Map each slot (by hour) to its position in the final order.
    hour_position = {}
    for position, (_, request, target) in enumerate(keyed):
        if target is None:
            hour_position[request[1] // 60] = position
    requests = [request for _, request, _ in keyed]
    expected = [None if target is None else hour_position[target] for _, _, target in keyed]
    assert book_rooms(requests) == expected
