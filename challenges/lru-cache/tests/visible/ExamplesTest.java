import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    static final class FakeClock implements DoubleSupplier {
        double now;

        @Override
        public double getAsDouble() {
            return now;
        }
    }

    @Test
    void statementExample() {
        FakeClock clock = new FakeClock();
        LRUCache<String, Object> cache = new LRUCache<>(2, clock);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(1, cache.get("a"));
        cache.put("c", 3);
        assertNull(cache.get("b"));
        cache.put("s", "session", 10);
        clock.now = 9.5;
        assertEquals("session", cache.get("s"));
        clock.now = 10.0;
        assertNull(cache.get("s"));
        assertEquals(1, cache.size());
        LRUCache.Stats stats = cache.stats();
        assertEquals(2, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(2, stats.evictions());
    }

    @Test
    void expiredEntriesMakeRoom() {
        FakeClock clock = new FakeClock();
        LRUCache<String, Object> cache = new LRUCache<>(2, clock);
        cache.put("x", 1, 5);
        cache.put("y", 2);
        clock.now = 5.0;
        cache.put("z", 3);
        assertEquals(2, cache.get("y"));
        assertEquals(0, cache.stats().evictions());
        assertThrows(IllegalArgumentException.class, () -> cache.put("y", 20, 0));
    }
}
