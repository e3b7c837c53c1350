"""Worked examples from the statement."""

import pytest

from solution import book_rooms


def test_statement_example():
    """The worked example: an overlap is rejected, back-to-back is fine, rooms are independent."""
    requests = [
        ("Atlas", 540, 600),    # 0  09:00-10:00  accepted
        ("Atlas", 570, 630),    # 1  09:30-10:30  clashes with 0
        ("Atlas", 600, 660),    # 2  10:00-11:00  accepted: starts as 0 ends
        ("Borealis", 570, 630), # 3  another room: accepted
        ("Atlas", 520, 700),    # 4  overlaps 0 and 2: reports 0, the earliest
    ]
    assert book_rooms(requests) == [None, 0, None, None, 0]


def test_empty_interval_raises():
    """A booking that ends when (or before) it starts is an error."""
    with pytest.raises(ValueError):
        book_rooms([("Atlas", 540, 600), ("Atlas", 600, 600)])
