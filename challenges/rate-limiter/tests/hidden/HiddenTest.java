import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Hidden tests for the rate-limiter challenge (Java). */
class HiddenTest {

    /** Manually driven clock: returns {@code now} until advanced. */
    private static final class FakeClock implements DoubleSupplier {
        private volatile double now;

        FakeClock(double now) {
            this.now = now;
        }

        FakeClock() {
            this(1000.0);
        }

        @Override
        public double getAsDouble() {
            return now;
        }

        void advance(double seconds) {
            now += seconds;
        }

        void set(double seconds) {
            now = seconds;
        }
    }

    /** Like pytest.approx: equal within a relative 1e-6. */
    private static void assertApprox(double expected, double actual) {
        assertEquals(expected, actual, Math.max(1e-6 * Math.abs(expected), 1e-12));
    }

    /** Exactly zero (either sign). */
    private static void assertZero(double actual) {
        assertEquals(0.0, actual, 0.0);
    }

    private static List<Boolean> allowTimes(RateLimiter limiter, String key, int times) {
        List<Boolean> results = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            results.add(limiter.allow(key));
        }
        return results;
    }

    /**
     * Runs {@code calls} attempts on each of {@code threads} threads, released together (each
     * spins until the last is ready, so they really overlap); returns how many attempts returned
     * true. Attempt i of every thread gets the argument i.
     */
    private static int hammer(int threads, int calls, IntPredicate attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger waiting = new AtomicInteger(threads);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    waiting.decrementAndGet();
                    while (waiting.get() > 0) {
                        Thread.onSpinWait();
                    }
                    int granted = 0;
                    for (int i = 0; i < calls; i++) {
                        if (attempt.test(i)) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            int total = 0;
            for (Future<Integer> future : futures) {
                total += future.get(20, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bucketStartsFull() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, 1.0, clock);
        assertEquals(List.of(true, true, true, true, true, false), allowTimes(limiter, "k", 6));
        // The default clock works too; refill is far too slow to matter here.
        RateLimiter real = new RateLimiter(2, 0.001);
        assertEquals(List.of(true, true, false), allowTimes(real, "k", 3));
    }

    @Test
    void refillIsContinuous() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(4, 2.0, clock);
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.allow("k"));
        }
        clock.advance(0.25); // 0.5 tokens
        assertFalse(limiter.allow("k"));
        clock.advance(0.25); // 1.0 token
        assertTrue(limiter.allow("k"));
        assertFalse(limiter.allow("k"));
        clock.advance(1.0); // 2.0 tokens
        assertTrue(limiter.allow("k", 2));
        assertFalse(limiter.allow("k"));

        RateLimiter slow = new RateLimiter(1, 0.5, clock);
        assertTrue(slow.allow("s"));
        clock.advance(1.5); // 0.75 tokens
        assertFalse(slow.allow("s"));
        clock.advance(0.5); // 1.0 token
        assertTrue(slow.allow("s"));
    }

    @Test
    void refillCappedAtCapacity() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(3, 10.0, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("k"));
        }
        clock.advance(3600.0);
        assertEquals(List.of(true, true, true, false), allowTimes(limiter, "k", 4));
        assertApprox(0.1, limiter.retryAfter("k"));
    }

    @Test
    void keysAreIndependent() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(2, 1.0, clock);
        assertEquals(List.of(true, true, false), allowTimes(limiter, "a", 3));
        assertZero(limiter.retryAfter("b"));
        assertEquals(List.of(true, true, false), allowTimes(limiter, "b", 3));
        clock.advance(1.0);
        assertTrue(limiter.allow("a"));
        assertTrue(limiter.allow("c", 2));
    }

    @Test
    void deniedRequestConsumesNothing() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, 1.0, clock);
        assertTrue(limiter.allow("k", 3));
        for (int i = 0; i < 10; i++) {
            assertFalse(limiter.allow("k", 3));
        }
        assertTrue(limiter.allow("k", 2));
        assertFalse(limiter.allow("k"));
        clock.advance(3.0);
        assertTrue(limiter.allow("k", 3));
    }

    @Test
    void retryAfterValues() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, 2.0, clock);
        assertZero(limiter.retryAfter("k"));
        assertZero(limiter.retryAfter("k", 5));
        assertTrue(limiter.allow("k", 5));
        assertApprox(0.5, limiter.retryAfter("k"));
        assertApprox(1.5, limiter.retryAfter("k", 3));
        clock.advance(0.25); // 0.5 tokens
        assertApprox(0.25, limiter.retryAfter("k"));
        assertApprox(2.25, limiter.retryAfter("k", 5));
        clock.advance(0.25); // 1.0 token
        assertZero(limiter.retryAfter("k"));
        assertApprox(0.5, limiter.retryAfter("k", 2));
    }

    @Test
    void waitingRetryAfterIsEnough() {
        FakeClock clock = new FakeClock(123.456);
        RateLimiter limiter = new RateLimiter(7, 3.0, clock);
        for (int i = 0; i < 7; i++) {
            assertTrue(limiter.allow("k"));
        }
        double first = limiter.retryAfter("k", 2);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, limiter.retryAfter("k", 2), "repeated calls consume nothing");
        }
        double[][] cases = {{3.0, 2}, {0.1, 1}, {7.0, 5}, {1.0 / 3, 3}, {13.7, 7}};
        for (double[] c : cases) {
            double rate = c[0];
            int cost = (int) c[1];
            limiter = new RateLimiter(7, rate, clock);
            limiter.allow("k", 7);
            for (int i = 0; i < 20; i++) {
                double wait = limiter.retryAfter("k", cost);
                assertTrue(wait > 0.0, "retryAfter should be positive after allow, got " + wait);
                clock.advance(wait);
                assertTrue(limiter.allow("k", cost), "rate " + rate + ", cost " + cost + ", wait " + wait);
            }
        }
    }

    @Test
    void invalidConstructorArguments() {
        FakeClock clock = new FakeClock();
        int[] capacities = {0, -1, 5, 5, 5, 5};
        double[] rates = {1.0, 1.0, 0, 0.0, -2.5, Double.NaN};
        for (int i = 0; i < capacities.length; i++) {
            int capacity = capacities[i];
            double rate = rates[i];
            assertThrows(IllegalArgumentException.class, () -> new RateLimiter(capacity, rate, clock),
                    "capacity " + capacity + ", rate " + rate);
        }
        new RateLimiter(1, 0.001, clock); // smallest sensible values are fine
    }

    @Test
    void invalidCost() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, 1.0, clock);
        for (int cost : new int[] {0, -1, 6, 100}) {
            assertThrows(IllegalArgumentException.class, () -> limiter.allow("k", cost), "allow, cost " + cost);
            assertThrows(IllegalArgumentException.class, () -> limiter.retryAfter("k", cost),
                    "retryAfter, cost " + cost);
        }
        // Rejected calls must not have consumed anything.
        assertTrue(limiter.allow("k", 5));
    }

    @Test
    void concurrentAllowGrantsExactlyCapacity() throws Exception {
        // Races are probabilistic: long rounds, so that the threads really run at the same time.
        int capacity = 600_000;
        for (int round = 1; round <= 2; round++) {
            // A real clock with a negligible refill rate: no token comes back during the test.
            RateLimiter limiter = new RateLimiter(capacity, 1e-9);
            int granted = hammer(4, 200_000, i -> limiter.allow("shared"));
            assertEquals(capacity, granted, "round " + round + ": successes of 800,000 calls on one shared key");
        }
        // Keys first seen by several threads at once: no bucket may be lost or created twice.
        for (int round = 1; round <= 4; round++) {
            RateLimiter perKey = new RateLimiter(3, 1e-9);
            int granted = hammer(4, 40_000, i -> perKey.allow("key-" + (i / 4)));
            assertEquals(10_000 * 3, granted,
                    "round " + round + ": successes over 10,000 keys of capacity 3, each asked 16 times");
        }
    }

    @Test
    void clockGoingBackwardsAddsNoTokens() {
        FakeClock clock = new FakeClock(10.0);
        RateLimiter limiter = new RateLimiter(10, 2.0, clock);
        assertTrue(limiter.allow("k", 10));
        clock.set(5.0);
        assertFalse(limiter.allow("k"));
        clock.set(10.5); // only 0.5 s past the latest reading: exactly 1 token
        assertTrue(limiter.allow("k"));
        assertFalse(limiter.allow("k"));
    }
}
