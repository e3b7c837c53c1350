"""Worked examples from the statement."""

import pytest

from solution import LRUCache


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


def test_statement_example():
    """The first worked example: LRU eviction, TTL expiry, len and stats."""
    clock = FakeClock()
    cache = LRUCache(2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("b") is None
    cache.put("s", "session", ttl=10)
    clock.now = 9.5
    assert cache.get("s") == "session"
    clock.now = 10.0
    assert cache.get("s") is None
    assert len(cache) == 1
    assert cache.stats() == {"hits": 2, "misses": 2, "evictions": 2}


def test_expired_entries_make_room():
    """The second worked example: an expired entry is dropped instead of evicting a live one."""
    clock = FakeClock()
    cache = LRUCache(2, clock=clock)
    cache.put("x", 1, ttl=5)
    cache.put("y", 2)
    clock.now = 5.0
    cache.put("z", 3)
    assert cache.get("y") == 2
    assert cache.stats()["evictions"] == 0
    with pytest.raises(ValueError):
        cache.put("y", 20, ttl=0)
