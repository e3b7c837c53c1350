"""Hidden tests for the lru-cache challenge."""

import math
import random
from collections import OrderedDict

import pytest

from solution import LRUCache


class FakeClock:
    """Manually driven clock: returns ``now`` until changed."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def test_get_missing_and_stored_none():
    """A miss returns the default; a stored None is a hit that returns None, not the default."""
    cache = LRUCache(4, clock=FakeClock())
    assert cache.get("nope") is None
    assert cache.get("nope", "fallback") == "fallback"
    cache.put("none", None)
    cache.put(("tuple", 1), [1, 2])
    cache.put(7, {"x": 1})
    assert cache.get("none", "fallback") is None
    assert cache.get(("tuple", 1)) == [1, 2]
    assert cache.get(7) == {"x": 1}
    assert len(cache) == 3
    assert cache.stats() == {"hits": 3, "misses": 2, "evictions": 0}


def test_evicts_least_recently_used():
    """Inserting into a full cache evicts entries in least-recently-inserted order."""
    cache = LRUCache(3, clock=FakeClock())
    for key in "abc":
        cache.put(key, key.upper())
    cache.put("d", "D")
    assert len(cache) == 3
    cache.put("e", "E")
    assert cache.get("a") is None
    assert cache.get("b") is None
    assert [cache.get(k) for k in "cde"] == ["C", "D", "E"]
    assert cache.stats()["evictions"] == 2


def test_get_refreshes_recency():
    """A hit makes the key most recently used; a miss changes nothing."""
    cache = LRUCache(3, clock=FakeClock())
    for key in "abc":
        cache.put(key, key)
    assert cache.get("a") == "a"          # order (oldest first): b c a
    assert cache.get("zzz") is None       # a miss touches nothing
    cache.put("d", "d")                   # evicts b, not a -> c a d
    assert cache.get("b") is None
    assert cache.get("a") == "a"          # c d a
    cache.put("e", "e")                   # evicts c -> d a e
    assert cache.get("c") is None
    assert [cache.get(k) for k in "dae"] == ["d", "a", "e"]
    assert len(cache) == 3


def test_update_refreshes_recency_without_eviction():
    """put on an existing key replaces the value, marks it most recent and evicts nothing."""
    cache = LRUCache(2, clock=FakeClock())
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)                    # update in a full cache: b is now the oldest
    assert len(cache) == 2
    assert cache.stats()["evictions"] == 0
    cache.put("c", 3)                     # evicts b, not a
    assert cache.get("b") is None
    assert cache.get("a") == 10
    assert cache.get("c") == 3
    for value in range(5):                # repeated updates never evict
        cache.put("c", value)
    assert cache.get("a") == 10
    assert cache.stats() == {"hits": 3, "misses": 1, "evictions": 1}


def test_capacity_one():
    """A cache of capacity 1 keeps only the latest key."""
    cache = LRUCache(1, clock=FakeClock())
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") is None
    assert cache.get("b") == 2
    cache.put("b", 3)
    assert cache.get("b") == 3
    assert len(cache) == 1
    assert cache.stats() == {"hits": 2, "misses": 1, "evictions": 1}


def test_stats_counting():
    """hits/misses count gets only (an expired get is a miss); evictions count capacity evictions only."""
    clock = FakeClock(now=0.0)
    cache = LRUCache(2, clock=clock)
    assert cache.stats() == {"hits": 0, "misses": 0, "evictions": 0}
    cache.put("a", 1, ttl=1)
    cache.put("b", 2)
    cache.put("b", 3)                     # update: no eviction
    assert cache.stats() == {"hits": 0, "misses": 0, "evictions": 0}
    assert cache.get("a") == 1
    assert cache.get("x", 0) == 0
    clock.now = 1.5
    assert cache.get("a") is None         # expired: a miss
    cache.put("c", 4)                     # room was freed by the expiry
    cache.put("d", 5)                     # evicts b
    assert cache.get("b") is None
    assert cache.stats() == {"hits": 1, "misses": 3, "evictions": 1}
    stats = cache.stats()
    assert set(stats) == {"hits", "misses", "evictions"}
    assert all(type(v) is int for v in stats.values())


def test_ttl_expiry_boundary():
    """An entry is live strictly before put_time + ttl, expired from then on, and get does not extend it."""
    clock = FakeClock(now=100.0)
    cache = LRUCache(10, clock=clock)
    cache.put("k", "v", ttl=2.5)
    cache.put("forever", "f")
    clock.now = 102.499
    assert cache.get("k") == "v"
    clock.now = 102.5
    assert cache.get("k") is None
    clock.now = 102.6
    assert cache.get("k") is None
    clock.now = 200.0
    cache.put("s", 1, ttl=10)
    clock.now = 209.0
    assert cache.get("s") == 1            # a hit does not extend the TTL
    clock.now = 210.0
    assert cache.get("s") is None
    clock.now = 1e9
    assert cache.get("forever") == "f"    # no ttl: never expires


def test_update_replaces_ttl():
    """put on a live key replaces its TTL: None removes the expiry, a new ttl restarts from now."""
    clock = FakeClock(now=0.0)
    cache = LRUCache(10, clock=clock)
    cache.put("k", 1, ttl=5)
    cache.put("j", 1, ttl=5)
    cache.put("n", 1)
    clock.now = 4.0
    cache.put("k", 2)                     # no longer expires
    cache.put("j", 2, ttl=5)              # now expires at 9
    cache.put("n", 2, ttl=3)              # now expires at 7
    clock.now = 6.9
    assert [cache.get(x) for x in "kjn"] == [2, 2, 2]
    clock.now = 7.5
    assert cache.get("n") is None
    clock.now = 8.9
    assert cache.get("j") == 2
    clock.now = 9.5
    assert cache.get("j") is None
    clock.now = 1e6
    assert cache.get("k") == 2
    assert len(cache) == 1


def test_expired_entries_never_evict_live_ones():
    """Expired entries are discarded to make room (not counted as evictions) before any live entry is evicted."""
    clock = FakeClock(now=0.0)
    cache = LRUCache(3, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3, ttl=5)              # the most recently used entry, but short-lived
    assert cache.get("a") == 1            # order (oldest first): b c a
    clock.now = 6.0
    cache.put("d", 4)                     # c has expired: nothing live is evicted
    assert cache.stats()["evictions"] == 0
    assert len(cache) == 3
    cache.put("e", 5)                     # full with live b a d: evicts b
    assert cache.stats()["evictions"] == 1
    assert cache.get("b") is None
    assert [cache.get(k) for k in "ade"] == [1, 4, 5]

    clock.now = 100.0
    many = LRUCache(4, clock=clock)
    for i in range(4):
        many.put(i, i, ttl=1 + i)         # expire at 101, 102, 103, 104
    many.put("live", 0)                   # full: evicts 0, the least recently used
    clock.now = 104.5                     # 1, 2 and 3 have expired
    for key in ("w", "x", "y"):
        many.put(key, key)
    many.put(2, "again")                  # re-putting an expired key is a fresh insert
    assert many.stats()["evictions"] == 2   # 0, then "live"
    assert len(many) == 4
    assert many.get("live") is None
    assert [many.get(k) for k in ("w", "x", "y", 2)] == ["w", "x", "y", "again"]


def test_len_counts_only_live_entries():
    """len() drops entries as they expire, without any get."""
    clock = FakeClock(now=0.0)
    cache = LRUCache(100, clock=clock)
    for i in range(10):
        cache.put(i, i, ttl=i + 1)        # key i expires at i + 1
    for i in range(10, 20):
        cache.put(i, i)
    assert len(cache) == 20
    clock.now = 0.5
    assert len(cache) == 20
    clock.now = 3.5
    assert len(cache) == 17
    clock.now = 9.999
    assert len(cache) == 11
    clock.now = 10.5
    assert len(cache) == 10
    cache.put(0, "back", ttl=1)           # expires at 11.5
    assert len(cache) == 11
    clock.now = 12.0
    assert len(cache) == 10
    assert cache.stats() == {"hits": 0, "misses": 0, "evictions": 0}


def test_invalid_arguments():
    """Bad capacity or ttl raises ValueError, and a rejected put leaves the cache unchanged."""
    clock = FakeClock(now=0.0)
    for capacity in (0, -1, 2.5):
        with pytest.raises(ValueError):
            LRUCache(capacity, clock=clock)
    cache = LRUCache(2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    for ttl in (0, -1, -0.5):
        with pytest.raises(ValueError):
            cache.put("c", 3, ttl=ttl)    # a new key: must not evict a or insert c
        with pytest.raises(ValueError):
            cache.put("a", 9, ttl=ttl)    # an existing key: must not change it or its recency
    assert len(cache) == 2
    assert cache.stats()["evictions"] == 0
    cache.put("c", 3)                     # a is still the least recently used
    assert cache.get("a") is None
    assert cache.get("b") == 2
    assert cache.get("c") == 3


def test_non_finite_ttl_rejected():
    """ttl must be finite: inf and nan raise ValueError."""
    cache = LRUCache(2, clock=FakeClock())
    for ttl in (math.inf, math.nan):
        with pytest.raises(ValueError):
            cache.put("k", 1, ttl=ttl)
    assert len(cache) == 0


def test_default_clock_is_monotonic():
    """Without a clock argument, TTLs are measured on time.monotonic."""
    cache = LRUCache(3)
    cache.put("long", 1, ttl=3600)
    cache.put("short", 2, ttl=1e-9)       # already expired by the next call
    cache.put("none", 3)
    assert cache.get("long") == 1
    assert cache.get("short") is None
    assert cache.get("none") == 3
    assert len(cache) == 2


def test_large_sequence():
    """200,000 mixed operations on a 50,000-entry cache give the right results quickly."""
    from assessor_testing import concurrently

    capacity = 50_000
    rng = random.Random(2024)
    cache = LRUCache(capacity)            # real monotonic clock; the TTLs below never run out
    model = OrderedDict()
    hits = misses = evictions = 0

    # 100,000 inserts (half of them with a TTL), 1,000 per call, len() checked after each call.
    for start in range(0, 100_000, 1_000):
        calls = [(k, k * 3, 3600.0 if k % 2 else None) for k in range(start, start + 1_000)]
        assert concurrently(cache.put, calls, threads=1) == [None] * len(calls)
        for k, v, _ in calls:
            if len(model) >= capacity:
                model.popitem(last=False)
                evictions += 1
            model[k] = v
        assert len(cache) == len(model)

    # 100 rounds of 500 gets (hits refresh recency) then 500 puts (new keys and updates).
    next_key = 100_000
    for _ in range(100):
        keys = [rng.randrange(20_000, next_key) for _ in range(500)]
        got = concurrently(cache.get, [(k,) for k in keys], threads=1)
        expected = []
        for k in keys:
            if k in model:
                model.move_to_end(k)
                hits += 1
                expected.append(model[k])
            else:
                misses += 1
                expected.append(None)
        assert got == expected
        calls = []
        for _ in range(500):
            if rng.random() < 0.2:
                k = rng.randrange(next_key - capacity, next_key)
            else:
                k, next_key = next_key, next_key + 1
            calls.append((k, -k, 3600.0 if k % 3 == 0 else None))
        concurrently(cache.put, calls, threads=1)
        for k, v, _ in calls:
            if k in model:
                model.move_to_end(k)
            elif len(model) >= capacity:
                model.popitem(last=False)
                evictions += 1
            model[k] = v
        assert len(cache) == len(model)

    assert cache.stats() == {"hits": hits, "misses": misses, "evictions": evictions}
