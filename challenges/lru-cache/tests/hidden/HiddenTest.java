import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Hidden tests for the lru-cache challenge (Java). They mirror test_hidden.py. */
class HiddenTest {
    /** A manually driven clock: returns {@code now} (seconds) until changed. */
    static final class FakeClock implements DoubleSupplier {
        private double now;

        FakeClock(double now) {
            this.now = now;
        }

        void set(double value) {
            now = value;
        }

        @Override
        public double getAsDouble() {
            return now;
        }
    }

    /** Compares the counters as JDK values: (hits, misses, evictions). */
    static void assertStats(LRUCache<?, ?> cache, long hits, long misses, long evictions) {
        LRUCache.Stats stats = cache.stats();
        assertEquals(List.of(hits, misses, evictions), List.of(stats.hits(), stats.misses(), stats.evictions()),
                "stats (hits, misses, evictions)");
    }

    static List<Object> getAll(LRUCache<Object, Object> cache, Object... keys) {
        List<Object> values = new ArrayList<>();
        for (Object key : keys) values.add(cache.get(key));
        return values;
    }

    @Test
    void getMissingAndStoredNull() {
        LRUCache<Object, Object> cache = new LRUCache<>(4, new FakeClock(1000));
        assertNull(cache.get("nope"));
        assertEquals("fallback", cache.get("nope", "fallback"));
        cache.put("none", null);
        cache.put(List.of("tuple", 1), List.of(1, 2));
        cache.put(7, Map.of("x", 1));
        assertNull(cache.get("none", "fallback"));
        assertEquals(List.of(1, 2), cache.get(List.of("tuple", 1)));   // keys compare with equals
        assertEquals(Map.of("x", 1), cache.get(7));
        assertEquals(3, cache.size());
        assertStats(cache, 3, 2, 0);
    }

    @Test
    void evictsLeastRecentlyUsed() {
        LRUCache<Object, Object> cache = new LRUCache<>(3, new FakeClock(1000));
        for (String key : List.of("a", "b", "c")) cache.put(key, key.toUpperCase());
        cache.put("d", "D");
        assertEquals(3, cache.size());
        cache.put("e", "E");
        assertNull(cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(List.of("C", "D", "E"), getAll(cache, "c", "d", "e"));
        assertEquals(2, cache.stats().evictions());
    }

    @Test
    void getRefreshesRecency() {
        LRUCache<Object, Object> cache = new LRUCache<>(3, new FakeClock(1000));
        for (String key : List.of("a", "b", "c")) cache.put(key, key);
        assertEquals("a", cache.get("a"));       // order (oldest first): b c a
        assertNull(cache.get("zzz"));            // a miss touches nothing
        cache.put("d", "d");                     // evicts b, not a -> c a d
        assertNull(cache.get("b"));
        assertEquals("a", cache.get("a"));       // c d a
        cache.put("e", "e");                     // evicts c -> d a e
        assertNull(cache.get("c"));
        assertEquals(List.of("d", "a", "e"), getAll(cache, "d", "a", "e"));
        assertEquals(3, cache.size());
    }

    @Test
    void updateRefreshesRecencyWithoutEviction() {
        LRUCache<Object, Object> cache = new LRUCache<>(2, new FakeClock(1000));
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("a", 10);                      // update in a full cache: b is now the oldest
        assertEquals(2, cache.size());
        assertEquals(0, cache.stats().evictions());
        cache.put("c", 3);                       // evicts b, not a
        assertNull(cache.get("b"));
        assertEquals(10, cache.get("a"));
        assertEquals(3, cache.get("c"));
        for (int value = 0; value < 5; value++) cache.put("c", value);   // repeated updates never evict
        assertEquals(10, cache.get("a"));
        assertStats(cache, 3, 1, 1);
    }

    @Test
    void capacityOne() {
        LRUCache<Object, Object> cache = new LRUCache<>(1, new FakeClock(1000));
        cache.put("a", 1);
        cache.put("b", 2);
        assertNull(cache.get("a"));
        assertEquals(2, cache.get("b"));
        cache.put("b", 3);
        assertEquals(3, cache.get("b"));
        assertEquals(1, cache.size());
        assertStats(cache, 2, 1, 1);
    }

    @Test
    void statsCounting() {
        FakeClock clock = new FakeClock(0);
        LRUCache<Object, Object> cache = new LRUCache<>(2, clock);
        assertStats(cache, 0, 0, 0);
        cache.put("a", 1, 1);
        cache.put("b", 2);
        cache.put("b", 3);                       // update: no eviction
        assertStats(cache, 0, 0, 0);
        assertEquals(1, cache.get("a"));
        assertEquals(0, cache.get("x", 0));
        clock.set(1.5);
        assertNull(cache.get("a"));              // expired: a miss
        cache.put("c", 4);                       // room was freed by the expiry
        cache.put("d", 5);                       // evicts b
        assertNull(cache.get("b"));
        assertStats(cache, 1, 3, 1);
        LRUCache.Stats before = cache.stats();
        cache.get("c");
        assertEquals(1, before.hits(), "stats() is a snapshot, not a live view");
        assertStats(cache, 2, 3, 1);
    }

    @Test
    void ttlExpiryBoundary() {
        FakeClock clock = new FakeClock(100);
        LRUCache<Object, Object> cache = new LRUCache<>(10, clock);
        cache.put("k", "v", 2.5);
        cache.put("forever", "f");
        clock.set(102.499);
        assertEquals("v", cache.get("k"));
        clock.set(102.5);
        assertNull(cache.get("k"));
        clock.set(102.6);
        assertNull(cache.get("k"));
        clock.set(200);
        cache.put("s", 1, 10);
        clock.set(209);
        assertEquals(1, cache.get("s"));         // a hit does not extend the TTL
        clock.set(210);
        assertNull(cache.get("s"));
        clock.set(1e9);
        assertEquals("f", cache.get("forever")); // no ttl: never expires
    }

    @Test
    void updateReplacesTtl() {
        FakeClock clock = new FakeClock(0);
        LRUCache<Object, Object> cache = new LRUCache<>(10, clock);
        cache.put("k", 1, 5);
        cache.put("j", 1, 5);
        cache.put("n", 1);
        clock.set(4);
        cache.put("k", 2);                       // no longer expires
        cache.put("j", 2, 5);                    // now expires at 9
        cache.put("n", 2, 3);                    // now expires at 7
        clock.set(6.9);
        assertEquals(List.of(2, 2, 2), getAll(cache, "k", "j", "n"));
        clock.set(7.5);
        assertNull(cache.get("n"));
        clock.set(8.9);
        assertEquals(2, cache.get("j"));
        clock.set(9.5);
        assertNull(cache.get("j"));
        clock.set(1e6);
        assertEquals(2, cache.get("k"));
        assertEquals(1, cache.size());
    }

    @Test
    void expiredEntriesNeverEvictLiveOnes() {
        FakeClock clock = new FakeClock(0);
        LRUCache<Object, Object> cache = new LRUCache<>(3, clock);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3, 5);                    // the most recently used entry, but short-lived
        assertEquals(1, cache.get("a"));         // order (oldest first): b c a
        clock.set(6);
        cache.put("d", 4);                       // c has expired: nothing live is evicted
        assertEquals(0, cache.stats().evictions());
        assertEquals(3, cache.size());
        cache.put("e", 5);                       // full with live b a d: evicts b
        assertEquals(1, cache.stats().evictions());
        assertNull(cache.get("b"));
        assertEquals(List.of(1, 4, 5), getAll(cache, "a", "d", "e"));

        clock.set(100);
        LRUCache<Object, Object> many = new LRUCache<>(4, clock);
        for (int i = 0; i < 4; i++) many.put(i, i, 1 + i);   // expire at 101, 102, 103, 104
        many.put("live", 0);                     // full: evicts 0, the least recently used
        clock.set(104.5);                        // 1, 2 and 3 have expired
        for (String key : List.of("w", "x", "y")) many.put(key, key);
        many.put(2, "again");                    // re-putting an expired key is a fresh insert
        assertEquals(2, many.stats().evictions());   // 0, then "live"
        assertEquals(4, many.size());
        assertNull(many.get("live"));
        assertEquals(List.of("w", "x", "y", "again"), getAll(many, "w", "x", "y", 2));
    }

    @Test
    void sizeCountsOnlyLiveEntries() {
        FakeClock clock = new FakeClock(0);
        LRUCache<Object, Object> cache = new LRUCache<>(100, clock);
        for (int i = 0; i < 10; i++) cache.put(i, i, i + 1);   // key i expires at i + 1
        for (int i = 10; i < 20; i++) cache.put(i, i);
        assertEquals(20, cache.size());
        clock.set(0.5);
        assertEquals(20, cache.size());
        clock.set(3.5);
        assertEquals(17, cache.size());
        clock.set(9.999);
        assertEquals(11, cache.size());
        clock.set(10.5);
        assertEquals(10, cache.size());
        cache.put(0, "back", 1);                 // expires at 11.5
        assertEquals(11, cache.size());
        clock.set(12);
        assertEquals(10, cache.size());
        assertStats(cache, 0, 0, 0);
    }

    @Test
    void invalidArguments() {
        FakeClock clock = new FakeClock(0);
        for (int capacity : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new LRUCache<Object, Object>(capacity, clock));
        }
        LRUCache<Object, Object> cache = new LRUCache<>(2, clock);
        cache.put("a", 1);
        cache.put("b", 2);
        for (double ttl : new double[] {0, -1, -0.5, -0.0}) {
            // A new key: must not evict a or insert c. An existing key: must not change it or its recency.
            assertThrows(IllegalArgumentException.class, () -> cache.put("c", 3, ttl));
            assertThrows(IllegalArgumentException.class, () -> cache.put("a", 9, ttl));
        }
        assertEquals(2, cache.size());
        assertEquals(0, cache.stats().evictions());
        cache.put("c", 3);                       // a is still the least recently used
        assertNull(cache.get("a"));
        assertEquals(2, cache.get("b"));
        assertEquals(3, cache.get("c"));
    }

    @Test
    void nonFiniteTtlRejected() {
        LRUCache<Object, Object> cache = new LRUCache<>(2, new FakeClock(1000));
        for (double ttl : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> cache.put("k", 1, ttl));
        }
        assertEquals(0, cache.size());
    }

    @Test
    void defaultClockIsMonotonicSeconds() throws InterruptedException {
        LRUCache<Object, Object> cache = new LRUCache<>(4);
        cache.put("long", 1, 3600);
        cache.put("second", 2, 1);
        cache.put("short", 3, 1e-9);             // expired by the next call
        cache.put("none", 4);
        Thread.sleep(20);
        assertEquals(1, cache.get("long"));
        assertEquals(2, cache.get("second"));    // 20 ms is well under a second
        assertNull(cache.get("short"));
        assertEquals(4, cache.get("none"));
        assertEquals(3, cache.size());
    }

    @Test
    void largeSequence() {
        int capacity = 50_000;
        Random rng = new Random(2024);
        LRUCache<Integer, Integer> cache = new LRUCache<>(capacity);   // real clock; the TTLs never run out
        LinkedHashMap<Integer, Integer> model = new LinkedHashMap<>();  // insertion order = recency
        long hits = 0;
        long misses = 0;
        long evictions = 0;

        // 100,000 inserts (half of them with a TTL), size checked every 1,000.
        for (int k = 0; k < 100_000; k++) {
            if (k % 2 == 1) cache.put(k, k * 3, 3600.0);
            else cache.put(k, k * 3);
            if (model.size() >= capacity) {
                Iterator<Integer> oldest = model.keySet().iterator();
                oldest.next();
                oldest.remove();
                evictions++;
            }
            model.put(k, k * 3);
            if (k % 1000 == 999) assertEquals(model.size(), cache.size());
        }

        // 100 rounds of 500 gets (hits refresh recency) then 500 puts (new keys and updates).
        int nextKey = 100_000;
        for (int round = 0; round < 100; round++) {
            List<Integer> got = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int k = 20_000 + rng.nextInt(nextKey - 20_000);
                got.add(cache.get(k));
                Integer v = model.remove(k);
                if (v != null) {
                    model.put(k, v);
                    hits++;
                } else {
                    misses++;
                }
                expected.add(v);
            }
            assertEquals(expected, got);
            for (int i = 0; i < 500; i++) {
                int k = rng.nextDouble() < 0.2 ? nextKey - capacity + rng.nextInt(capacity) : nextKey++;
                if (k % 3 == 0) cache.put(k, -k, 3600.0);
                else cache.put(k, -k);
                if (model.remove(k) == null && model.size() >= capacity) {
                    Iterator<Integer> oldest = model.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                    evictions++;
                }
                model.put(k, -k);
            }
            assertEquals(model.size(), cache.size());
        }
        assertStats(cache, hits, misses, evictions);
    }
}
