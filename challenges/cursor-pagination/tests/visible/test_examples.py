"""Worked examples from the statement."""

import pytest

from solution import InvalidCursor, paginate


def make_records():
    return [
        {"id": 1, "created_at": "2024-05-01T10:00:00Z"},
        {"id": 2, "created_at": "2024-05-01T11:00:00Z"},
        {"id": 3, "created_at": "2024-05-01T11:00:00Z"},
        {"id": 4, "created_at": "2024-05-01T09:30:00Z"},
    ]


def test_statement_example_pages():
    """Two pages, with a newer record inserted between the requests."""
    records = make_records()
    page1 = paginate(records, limit=2)
    assert [r["id"] for r in page1["items"]] == [3, 2]
    assert isinstance(page1["next_cursor"], str)

    records.append({"id": 5, "created_at": "2024-05-01T12:00:00Z"})
    page2 = paginate(records, limit=2, cursor=page1["next_cursor"])
    assert page2 == {
        "items": [
            {"id": 1, "created_at": "2024-05-01T10:00:00Z"},
            {"id": 4, "created_at": "2024-05-01T09:30:00Z"},
        ],
        "next_cursor": None,
    }


def test_statement_example_errors():
    """A cursor checked with another secret is rejected; limit 0 is invalid."""
    records = make_records()
    cursor = paginate(records, limit=2)["next_cursor"]
    with pytest.raises(InvalidCursor):
        paginate(records, 2, cursor=cursor, secret=b"other")
    with pytest.raises(ValueError):
        paginate(records, 0)
