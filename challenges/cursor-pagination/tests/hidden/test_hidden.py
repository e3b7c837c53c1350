"""Hidden tests for the cursor-pagination challenge."""

import copy
import random
import urllib.parse

import pytest

from solution import InvalidCursor, paginate


def ts(seconds):
    """ISO-8601 UTC timestamp `seconds` after 2024-03-01T00:00:00Z (seconds < 1 day)."""
    return f"2024-03-01T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z"


def ids(page):
    return [r["id"] for r in page["items"]]


def walk(records, limit, **kwargs):
    """Follow next_cursor until exhausted; return the list of pages."""
    pages = [paginate(records, limit, **kwargs)]
    while pages[-1]["next_cursor"] is not None:
        assert len(pages) < 10_000
        pages.append(paginate(records, limit, cursor=pages[-1]["next_cursor"], **kwargs))
    return pages


def assert_url_safe(cursor):
    assert isinstance(cursor, str) and cursor
    assert urllib.parse.quote(cursor, safe="") == cursor, cursor


def test_first_page_sorted_newest_first():
    """The first page holds the newest `limit` records, full dicts, newest first."""
    records = [{"id": i, "created_at": ts(i * 60), "title": f"post {i}"} for i in range(10)]
    random.Random(1).shuffle(records)
    page = paginate(records, 4)
    assert page["items"] == [
        {"id": i, "created_at": ts(i * 60), "title": f"post {i}"} for i in (9, 8, 7, 6)
    ]
    assert_url_safe(page["next_cursor"])


def test_walk_all_pages_visits_each_record_once():
    """Following cursors visits every record exactly once, in order, with URL-safe cursors."""
    rng = random.Random(7)
    records = [{"id": i, "created_at": ts(rng.randrange(0, 500))} for i in range(1, 24)]
    rng.shuffle(records)
    pages = walk(records, 5)
    assert [len(p["items"]) for p in pages] == [5, 5, 5, 5, 3]
    expected = sorted(records, key=lambda r: (r["created_at"], r["id"]), reverse=True)
    assert [r for p in pages for r in p["items"]] == expected
    for p in pages[:-1]:
        assert_url_safe(p["next_cursor"])


def test_duplicate_timestamps_tie_broken_by_id():
    """Records sharing created_at are ordered by id descending, and no page boundary drops one."""
    same = "2024-03-01T12:00:00Z"
    records = [{"id": i, "created_at": same} for i in (5, 12, 1, 9, 3, 7, 11, 2)]
    records += [{"id": 100, "created_at": "2024-03-01T11:59:59Z"}]
    records += [{"id": 0, "created_at": "2024-03-01T12:00:01Z"}]
    pages = walk(records, 3)
    assert [ids(p) for p in pages] == [[0, 12, 11], [9, 7, 5], [3, 2, 1], [100]]


def test_stable_under_changes_between_pages():
    """Keyset semantics: newer inserts and deleting the boundary record do not shift later pages."""
    records = [{"id": i, "created_at": ts(1000 + i)} for i in range(1, 11)]
    page1 = paginate(records, 3)
    assert ids(page1) == [10, 9, 8]

    # Newer records arrive (including one sharing the newest timestamp, with a higher id).
    records = records + [{"id": 100 + i, "created_at": ts(2000 + i)} for i in range(5)]
    records.append({"id": 11, "created_at": ts(1010)})
    page2 = paginate(records, 3, cursor=page1["next_cursor"])
    assert ids(page2) == [7, 6, 5]

    # The boundary record (last item of page 2) is deleted before page 3 is requested.
    records = [r for r in records if r["id"] != 5]
    page3 = paginate(records, 3, cursor=page2["next_cursor"])
    assert ids(page3) == [4, 3, 2]

    # An older record inserted meanwhile shows up in its proper place.
    records.append({"id": 50, "created_at": ts(1)})
    page4 = paginate(records, 3, cursor=page3["next_cursor"])
    assert page4 == {"items": [records[0], records[-1]], "next_cursor": None}


def test_last_page_has_no_next_cursor():
    """next_cursor is None exactly when nothing follows, including on exact multiples of limit."""
    records = [{"id": i, "created_at": ts(i)} for i in range(10)]
    pages = walk(records, 5)
    assert [ids(p) for p in pages] == [[9, 8, 7, 6, 5], [4, 3, 2, 1, 0]]
    assert pages[1]["next_cursor"] is None
    assert paginate(records, 10)["next_cursor"] is None
    assert paginate(records, 100)["next_cursor"] is None
    assert paginate(records, 9)["next_cursor"] is not None


def test_empty_input():
    """Empty input gives an empty page with no cursor, with or without a valid cursor."""
    assert paginate([], 10) == {"items": [], "next_cursor": None}
    cursor = paginate([{"id": 1, "created_at": ts(1)}, {"id": 2, "created_at": ts(2)}], 1)["next_cursor"]
    assert paginate([], 10, cursor=cursor) == {"items": [], "next_cursor": None}


def test_limit_bounds():
    """limit must be within 1..100; values outside raise ValueError, even on empty input."""
    records = [{"id": i, "created_at": ts(i)} for i in range(150)]
    for bad in (0, -1, 101, 1000):
        with pytest.raises(ValueError):
            paginate(records, bad)
    with pytest.raises(ValueError):
        paginate([], 0)
    assert ids(paginate(records, 1)) == [149]
    assert len(paginate(records, 100)["items"]) == 100


def test_tampered_cursor_rejected():
    """Changing any character of a cursor raises InvalidCursor (unless it decodes identically)."""
    assert issubclass(InvalidCursor, ValueError)
    same = "2024-03-01T12:00:00Z"
    records = [{"id": i, "created_at": same} for i in range(1, 13)]
    good = paginate(records, 4)
    cursor = good["next_cursor"]
    expected = paginate(records, 4, cursor=cursor)
    assert ids(expected) == [8, 7, 6, 5]

    variants = []
    for i, ch in enumerate(cursor):
        variants.append(cursor[:i] + ("A" if ch != "A" else "B") + cursor[i + 1 :])
    variants += [cursor[:-1], cursor[1:], cursor + "A", cursor + cursor[-1], cursor[::-1]]
    rejected = 0
    for variant in variants:
        try:
            result = paginate(records, 4, cursor=variant)
        except InvalidCursor:
            rejected += 1
        else:
            assert result == expected, f"tampered cursor {variant!r} was accepted"
    assert rejected >= 0.8 * len(variants)
    # A cursor shortened by more than any padding (a truncated signature, a cut payload) is never valid.
    for cut in range(3, 17):
        for variant in (cursor[:-cut], cursor[cut:]):
            with pytest.raises(InvalidCursor):
                paginate(records, 4, cursor=variant)


def test_foreign_or_garbage_cursor_rejected():
    """Cursors signed with another secret, or garbage strings, raise InvalidCursor."""
    records = [{"id": i, "created_at": ts(i)} for i in range(20)]
    foreign = paginate(records, 5, secret=b"another-tenant-secret")["next_cursor"]
    with pytest.raises(InvalidCursor):
        paginate(records, 5, cursor=foreign)
    with pytest.raises(InvalidCursor):
        paginate(records, 5, cursor=foreign, secret=b"yet-another-secret")
    # The same cursor is accepted with the secret that issued it.
    assert ids(paginate(records, 5, cursor=foreign, secret=b"another-tenant-secret")) == [14, 13, 12, 11, 10]
    mine = paginate(records, 5, secret=b"s1")["next_cursor"]
    with pytest.raises(InvalidCursor):
        paginate(records, 5, cursor=mine, secret=b"s2")
    for garbage in ("", "abc", "!!!!", "a.b", "a.b.c", "null", "eyJpZCI6IDF9", "%00", "A" * 500):
        with pytest.raises(InvalidCursor):
            paginate(records, 5, cursor=garbage)


def test_input_not_mutated():
    """paginate leaves the input list, its order and its dicts untouched."""
    rng = random.Random(3)
    records = [
        {"id": i, "created_at": ts(rng.randrange(100)), "tags": ["a", "b"], "meta": {"n": i}}
        for i in range(30)
    ]
    rng.shuffle(records)
    snapshot = copy.deepcopy(records)
    identities = [id(r) for r in records]
    pages = walk(records, 7)
    assert sum(len(p["items"]) for p in pages) == 30
    assert records == snapshot
    assert [id(r) for r in records] == identities


def test_timestamps_compared_as_instants():
    """created_at is compared as a UTC instant across Z/+00:00 and fractional-second formats."""
    records = [
        {"id": 1, "created_at": "2024-01-01T00:00:00.5Z"},
        {"id": 2, "created_at": "2024-01-01T00:00:00Z"},
        {"id": 3, "created_at": "2024-01-01T00:00:00.250000+00:00"},
        {"id": 4, "created_at": "2024-01-01T00:00:01+00:00"},
        {"id": 5, "created_at": "2024-01-01T00:00:00+00:00"},
        {"id": 6, "created_at": "2024-01-01T00:00:00.000Z"},
        {"id": 7, "created_at": "2023-12-31T23:59:59.999999Z"},
    ]
    pages = walk(records, 2)
    assert [ids(p) for p in pages] == [[4, 1], [3, 6], [5, 2], [7]]


def test_large_input():
    """100k shuffled records with many timestamp ties: pages are correct and fast."""
    n = 100_000
    stamps = [ts(s) for s in range(n // 4)]
    records = [{"id": i, "created_at": stamps[i // 4]} for i in range(n)]
    random.Random(42).shuffle(records)
    # Sorting by (created_at desc, id desc) is simply id descending here.
    page = paginate(records, 100)
    assert ids(page) == list(range(n - 1, n - 101, -1))
    page = paginate(records, 100, cursor=page["next_cursor"])
    assert ids(page) == list(range(n - 101, n - 201, -1))
    page = paginate(records, 37, cursor=page["next_cursor"])
    assert ids(page) == list(range(n - 201, n - 238, -1))
    assert page["next_cursor"] is not None
