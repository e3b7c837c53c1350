import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hidden tests for the idempotent-requests challenge (Java). */
class HiddenTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MS = Duration.ofMillis(1);
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    /** A response of the tests' own type. */
    record Charge(String id, long amount) {
    }

    /** A manually driven clock: returns {@link #now} until it is changed. */
    static final class FakeClock extends Clock {
        volatile Instant now;

        FakeClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A request's operation: counts its calls (thread-safely); its n-th call returns {@code response(n)}. */
    static final class Operation<R> implements Supplier<R> {
        final AtomicInteger calls = new AtomicInteger();
        private final IntFunction<R> response;
        private final long delayMs;
        private final RuntimeException failFirst;

        Operation(IntFunction<R> response, long delayMs, RuntimeException failFirst) {
            this.response = response;
            this.delayMs = delayMs;
            this.failFirst = failFirst;
        }

        static <R> Operation<R> returning(R value) {
            return new Operation<>(number -> value, 0, null);
        }

        /** Returns "call n" for its n-th call, after {@code delayMs}; the first call throws {@code failFirst}. */
        static Operation<String> counting(long delayMs, RuntimeException failFirst) {
            return new Operation<>(number -> "call " + number, delayMs, failFirst);
        }

        @Override
        public R get() {
            int number = calls.incrementAndGet();
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (number == 1 && failFirst != null) {
                throw failFirst;
            }
            return response.apply(number);
        }
    }

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** The result of a call on another thread, which must finish within {@code seconds}. */
    private static <T> T within(Future<T> future, double seconds, String what) throws Exception {
        try {
            return future.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail(what + " did not finish within " + seconds + " s");
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The exception a call on another thread threw; the test fails if it returned or did not finish in time. */
    private static Throwable failureOf(Future<?> future, double seconds, String what) throws InterruptedException {
        try {
            Object value = future.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            return fail(what + " returned " + value + " instead of throwing");
        } catch (TimeoutException e) {
            return fail(what + " did not finish within " + seconds + " s: it must not wait for the request in flight");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** What each call did, when all are released together on the pool's threads: a value or an exception. */
    private <T> List<Object> concurrently(int count, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(threads.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                outcomes.add(future.get(5, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                fail("the concurrent requests did not finish within 5 s");
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        return outcomes;
    }

    private static void assertConflict(Executable call) {
        assertThrows(IdempotencyConflictException.class, call);
    }

    @Test
    void firstCallRunsOperationThenRetriesReplay() {
        IdempotencyStore<Charge> store = new IdempotencyStore<>(new FakeClock(START));
        Charge charge = new Charge("ch_1", 1250);
        Operation<Charge> op = Operation.returning(charge);
        assertSame(charge, store.handle("k1", "POST /charges 1250", op));
        Operation<Charge> retry = Operation.returning(new Charge("WRONG", 0));
        for (int i = 0; i < 5; i++) {
            assertSame(charge, store.handle("k1", "POST /charges 1250", retry));
        }
        assertEquals(List.of(1, 0), List.of(op.calls.get(), retry.calls.get()));
    }

    @Test
    void nullAndEmptyResponsesAreStored() {
        IdempotencyStore<Object> store = new IdempotencyStore<>(new FakeClock(START));
        List<Object> values = Arrays.asList(null, 0, 0L, "", false, Optional.empty(), List.of(), Map.of(), new int[0]);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Operation<Object> op = Operation.returning(value);
            for (int round = 0; round < 3; round++) {
                assertSame(value, store.handle("empty-" + i, "fp", op));
            }
            assertEquals(1, op.calls.get(), "the response " + value + " was not stored");
        }
    }

    @Test
    void differentFingerprintConflicts() {
        assertTrue(RuntimeException.class.isAssignableFrom(IdempotencyConflictException.class));
        IdempotencyStore<Charge> store = new IdempotencyStore<>(new FakeClock(START));
        Charge charge = new Charge("ch_1", 100);
        assertSame(charge, store.handle("k", "amount=100", Operation.returning(charge)));
        Operation<Charge> other = Operation.returning(new Charge("ch_2", 999));
        for (String fingerprint : List.of("amount=999", "AMOUNT=100", "amount=100 ", "")) {
            assertConflict(() -> store.handle("k", fingerprint, other));
        }
        assertEquals(0, other.calls.get());
        assertSame(charge, store.handle("k", new String("amount=100"), other));   // compared by value
        assertEquals(0, other.calls.get());
    }

    @Test
    void keysAreIndependent() {
        IdempotencyStore<String> store = new IdempotencyStore<>(new FakeClock(START));
        Map<String, Operation<String>> ops = new LinkedHashMap<>();
        for (String key : List.of("a", "A", "b", "a ", "Aa", "BB")) {    // "Aa" and "BB" have the same hashCode
            ops.put(key, Operation.returning("response " + key));
        }
        ops.forEach((key, op) -> assertEquals("response " + key, store.handle(key, "same", op)));
        ops.forEach((key, op) -> {
            assertEquals("response " + key, store.handle(key, "same", op));
            assertEquals(1, op.calls.get(), "key '" + key + "'");
        });
    }

    @Test
    void expiryAfter24Hours() {
        assertEquals(DAY, IdempotencyStore.TTL);
        FakeClock clock = new FakeClock(START);
        IdempotencyStore<String> store = new IdempotencyStore<>(clock);
        Operation<String> first = Operation.returning("n1");
        assertEquals("n1", store.handle("k", "fp-a", first));
        clock.now = START.plus(DAY.dividedBy(2));
        assertEquals("n1", store.handle("k", "fp-a", first));          // a retry does not extend the expiry
        clock.now = START.plus(DAY).minus(MS);
        assertEquals("n1", store.handle("k", "fp-a", first));
        assertConflict(() -> store.handle("k", "fp-b", Operation.returning("wrong")));
        clock.now = START.plus(DAY);
        Operation<String> second = Operation.returning("n2");
        assertEquals("n2", store.handle("k", "fp-b", second));         // expired: a different request is fine
        assertEquals("n2", store.handle("k", "fp-b", Operation.returning("wrong")));
        clock.now = START.plus(DAY.multipliedBy(2)).minus(MS);         // 24 h from its own store
        assertEquals("n2", store.handle("k", "fp-b", Operation.returning("wrong")));
        clock.now = START.plus(DAY.multipliedBy(2));
        Operation<String> third = Operation.returning("n3");
        assertEquals("n3", store.handle("k", "fp-b", third));          // same fingerprint after expiry: runs again
        assertEquals(List.of(1, 1, 1), List.of(first.calls.get(), second.calls.get(), third.calls.get()));
    }

    @Test
    void failedOperationIsNotStored() {
        IdempotencyStore<String> store = new IdempotencyStore<>(new FakeClock(START));
        UncheckedIOException timeout = new UncheckedIOException(new IOException("processor timeout"));
        Operation<String> failing = Operation.counting(0, timeout);
        assertSame(timeout, assertThrows(UncheckedIOException.class, () -> store.handle("k", "fp", failing)));
        assertEquals("call 2", store.handle("k", "fp", failing));      // the retry runs again
        assertEquals("call 2", store.handle("k", "fp", failing));      // and is now stored
        assertEquals(2, failing.calls.get());

        IllegalStateException declined = new IllegalStateException("card declined");
        Operation<String> declining = Operation.counting(0, declined);
        assertSame(declined, assertThrows(IllegalStateException.class, () -> store.handle("k2", "fp-1", declining)));
        assertEquals("with other data", store.handle("k2", "fp-2", Operation.returning("with other data")));
        assertConflict(() -> store.handle("k2", "fp-1", declining));
    }

    @Test
    void invalidArguments() {
        IdempotencyStore<String> store = new IdempotencyStore<>(new FakeClock(START));
        Operation<String> op = Operation.counting(0, null);
        assertThrows(IllegalArgumentException.class, () -> store.handle("", "fp", op));
        assertThrows(NullPointerException.class, () -> store.handle(null, "fp", op));
        assertThrows(NullPointerException.class, () -> store.handle("k", null, op));
        assertThrows(NullPointerException.class, () -> store.handle("k", "fp", null));
        assertEquals(0, op.calls.get());
        assertEquals("call 1", store.handle("k", "fp", op));
    }

    @Test
    void concurrentSameRequestRunsOnce() throws Exception {
        IdempotencyStore<String> store = new IdempotencyStore<>();
        for (int round = 0; round < 2; round++) {
            Operation<String> op = Operation.counting(50, null);
            String key = "pay-" + round;
            List<Object> results = concurrently(24, () -> store.handle(key, "fp", op));
            assertEquals(1, op.calls.get(), "round " + round + ": the operation ran " + op.calls.get() + " times");
            assertEquals(Collections.nCopies(24, "call 1"), results);
        }
    }

    @Test
    void conflictWhileInFlight() throws Exception {
        IdempotencyStore<String> store = new IdempotencyStore<>(new FakeClock(START));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> store.handle("k", "original", () -> {
            running.countDown();
            awaitQuietly(release);
            return "done";
        }));
        try {
            assertTrue(running.await(5, TimeUnit.SECONDS), "the operation did not start");
            Operation<String> other = Operation.returning("wrong");
            Future<String> different = threads.submit(() -> store.handle("k", "different", other));
            Throwable error = failureOf(different, 2, "the different request");
            assertInstanceOf(IdempotencyConflictException.class, error, "the different request");
            assertEquals(0, other.calls.get());
        } finally {
            release.countDown();
        }
        assertEquals("done", within(first, 5, "the original request"));
        assertEquals("done", store.handle("k", "original", Operation.returning("wrong")));
    }

    @Test
    void otherKeysNotBlockedByRunningOperation() throws Exception {
        IdempotencyStore<String> store = new IdempotencyStore<>(new FakeClock(START));
        assertEquals("stored", store.handle("stored", "fp", Operation.returning("stored")));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> outer = threads.submit(() -> store.handle("outer", "fp", () -> {
            running.countDown();
            awaitQuietly(release);
            return "outer";
        }));
        try {
            assertTrue(running.await(5, TimeUnit.SECONDS), "the operation did not start");
            Future<List<String>> inner = threads.submit(() -> List.of(
                    store.handle("other", "fp", Operation.returning("other")),
                    store.handle("stored", "fp", Operation.returning("wrong"))));
            assertEquals(List.of("other", "stored"),
                    within(inner, 2, "requests for other keys (did they wait for the operation in flight?)"));
        } finally {
            release.countDown();
        }
        assertEquals("outer", within(outer, 5, "the request in flight"));
    }

    @Test
    void waitingRequestsRetryAfterFailure() throws Exception {
        IdempotencyStore<String> store = new IdempotencyStore<>();
        UncheckedIOException timeout = new UncheckedIOException(new IOException("processor timeout"));
        Operation<String> op = Operation.counting(50, timeout);
        List<Object> outcomes = concurrently(16, () -> store.handle("pay", "fp", op));
        assertEquals(2, op.calls.get(), "the operation ran " + op.calls.get() + " times (expected: the failure, then one retry)");
        List<Object> failed = outcomes.stream().filter(outcome -> outcome instanceof Throwable).toList();
        assertEquals(1, failed.size(), failed.size() + " requests failed; only the one whose operation failed should");
        assertSame(timeout, failed.get(0));
        assertEquals(Collections.nCopies(15, "call 2"),
                outcomes.stream().filter(outcome -> !(outcome instanceof Throwable)).toList());
        assertEquals("call 2", store.handle("pay", "fp", op));
        assertEquals(2, op.calls.get());
    }

    @Test
    void manyKeys() throws Exception {
        int n = 100_000;
        IdempotencyStore<Long> store = new IdempotencyStore<>();     // the system clock
        AtomicLong made = new AtomicLong();
        Supplier<Long> charge = made::incrementAndGet;
        Long[] first = new Long[n];
        for (int i = 0; i < n; i++) {
            first[i] = store.handle("key-" + i, "fp-" + i % 7, charge);
        }
        assertEquals(n, made.get());
        assertEquals(n, new HashSet<>(Arrays.asList(first)).size());
        List<Future<Boolean>> parts = new ArrayList<>();
        for (int part = 0; part < 4; part++) {
            int offset = part;
            parts.add(threads.submit(() -> {
                for (int i = offset; i < n; i += 4) {
                    if (store.handle("key-" + i, "fp-" + i % 7, charge) != first[i]) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> part : parts) {
            assertTrue(within(part, 5, "the retries"), "a retry did not get the stored response");
        }
        for (int i = n - 1; i >= 0; i--) {
            assertSame(first[i], store.handle("key-" + i, "fp-" + i % 7, charge));
        }
        assertEquals(n, made.get(), "a stored response was not replayed");
        assertConflict(() -> store.handle("key-123", "fp-other", charge));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
