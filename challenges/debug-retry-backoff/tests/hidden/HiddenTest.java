import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Hidden tests (Java): each on-call report, plus the contract's edges. */
class HiddenTest {
    /** An operation failing with a new exception for its first `failures` calls, then returning "ok". */
    static final class Flaky implements Callable<String> {
        final int failures;
        final Function<String, Exception> error;
        final List<Exception> thrown = new ArrayList<>();
        int calls;

        Flaky(int failures) {
            this(failures, IOException::new);
        }

        Flaky(int failures, Function<String, Exception> error) {
            this.failures = failures;
            this.error = error;
        }

        @Override
        public String call() throws Exception {
            calls++;
            if (calls <= failures) {
                Exception e = error.apply("failure " + calls);
                thrown.add(e);
                throw e;
            }
            return "ok";
        }
    }

    static Retry.Options quiet() {
        return new Retry.Options().sleeper(delay -> { }).random(() -> 0.0);
    }

    static Retry.Options recording(List<Duration> slept) {
        return new Retry.Options().sleeper(slept::add);
    }

    static List<Duration> millis(long... values) {
        List<Duration> durations = new ArrayList<>();
        for (long value : values) {
            durations.add(Duration.ofMillis(value));
        }
        return durations;
    }

    @Test
    void totalCallsNeverExceedAttempts() {
        Flaky operation = new Flaky(10);
        assertThrows(IOException.class, () -> Retry.retry(operation, quiet().attempts(3)));
        assertEquals(3, operation.calls);
    }

    @Test
    void singleAttemptMeansNoRetry() {
        Flaky operation = new Flaky(1);
        List<Duration> slept = new ArrayList<>();
        assertThrows(IOException.class, () -> Retry.retry(operation, recording(slept).attempts(1).random(() -> 0.0)));
        assertEquals(1, operation.calls);
        assertEquals(List.of(), slept);
    }

    @Test
    void nonRetryableErrorsPropagateAtOnce() {
        Flaky operation = new Flaky(1, IllegalArgumentException::new);
        List<Duration> slept = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> Retry.retry(operation, recording(slept).random(() -> 0.5)));
        assertEquals(1, operation.calls);
        assertEquals(List.of(), slept);
    }

    @Test
    void subclassesOfRetryableErrorsAreRetried() throws Exception {
        List<Function<String, Exception>> kinds = List.of(ConnectException::new, SocketTimeoutException::new,
                TimeoutException::new);
        for (Function<String, Exception> kind : kinds) {
            Flaky operation = new Flaky(2, kind);
            assertEquals("ok", Retry.retry(operation, quiet()));
            assertEquals(3, operation.calls);
        }
    }

    @Test
    void customRetryOn() throws Exception {
        Flaky operation = new Flaky(2, IllegalStateException::new);
        assertEquals("ok", Retry.retry(operation, quiet().retryOn(IllegalStateException.class)));
        assertEquals(3, operation.calls);
        Flaky other = new Flaky(2, IOException::new);
        assertThrows(IOException.class, () -> Retry.retry(other, quiet().retryOn(IllegalStateException.class)));
        assertEquals(1, other.calls);
    }

    @Test
    void lastExceptionIsRethrownUnchanged() {
        Flaky operation = new Flaky(5, TimeoutException::new);
        TimeoutException thrown = assertThrows(TimeoutException.class, () -> Retry.retry(operation, quiet().attempts(4)));
        assertEquals("failure 4", thrown.getMessage());
        assertSame(operation.thrown.get(3), thrown);
    }

    @Test
    void noSleepAfterTheLastAttempt() {
        List<Duration> slept = new ArrayList<>();
        assertThrows(IOException.class, () -> Retry.retry(new Flaky(10),
                recording(slept).attempts(4).baseDelay(Duration.ofSeconds(1)).random(() -> 1.0)));
        assertEquals(3, slept.size());
    }

    @Test
    void delaysFollowCappedExponentialFullJitter() {
        List<Duration> slept = new ArrayList<>();
        assertThrows(IOException.class, () -> Retry.retry(new Flaky(10), recording(slept).attempts(8)
                .baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(6)).random(() -> 0.5)));
        assertEquals(millis(250, 500, 1000, 2000, 3000, 3000, 3000), slept);
    }

    @Test
    void jitterUsesTheRandomSource() throws Exception {
        Iterator<Double> values = List.of(0.0, 0.25, 0.75).iterator();
        List<Duration> slept = new ArrayList<>();
        assertEquals("ok", Retry.retry(new Flaky(3), recording(slept).baseDelay(Duration.ofSeconds(1)).random(values::next)));
        assertEquals(millis(0, 500, 3000), slept);
    }

    @Test
    void invalidAttemptsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Retry.retry(() -> "ok", new Retry.Options().attempts(0)));
    }
}
