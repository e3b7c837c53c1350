import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * Retry an operation with exponential backoff and jitter.
 *
 * <p>This is the code on-call engineers filed the reports against: find and fix the bugs.
 */
public final class Retry {
    private Retry() {
    }

    /** How retry() waits between calls; the default sleeps the current thread. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** The settings of retry(), with their defaults; each setter returns this options object. */
    public static final class Options {
        int attempts = 5;
        Duration baseDelay = Duration.ofMillis(100);
        Duration maxDelay = Duration.ofSeconds(5);
        List<Class<? extends Exception>> retryOn = List.of(IOException.class, TimeoutException.class);
        Sleeper sleeper = delay -> Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        /** Total number of calls, including the first (at least 1). */
        public Options attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Options baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay);
            return this;
        }

        public Options maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay);
            return this;
        }

        /** The exception types (and their subclasses) that are retried. */
        @SafeVarargs
        public final Options retryOn(Class<? extends Exception>... types) {
            this.retryOn = List.of(types);
            return this;
        }

        public Options sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** Source of the jitter: a double in [0, 1) per call. */
        public Options random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }
    }

    /** {@code retry(operation, new Options())}. */
    public static <T> T retry(Callable<T> operation) throws Exception {
        return retry(operation, new Options());
    }

    /** Calls operation until it succeeds, retrying only retryOn exceptions, at most attempts calls. */
    public static <T> T retry(Callable<T> operation, Options options) throws Exception {
        if (options.attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        int attempt = 0;
        while (attempt <= options.attempts) {
            attempt++;
            try {
                return operation.call();
            } catch (Exception e) {
                double delay = options.random.getAsDouble() * options.baseDelay.toNanos() * Math.pow(2, attempt);
                options.sleeper.sleep(Duration.ofNanos((long) delay));
            }
        }
        throw new RuntimeException("retries exhausted");
    }
}
