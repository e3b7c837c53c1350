import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Idempotency keys for a payments API: runs each request's operation at most once per
 * idempotency key. Must be safe to share between threads. See the statement for the full
 * specification. Only the Java standard library may be used.
 *
 * @param <R> the type of the responses
 */
public final class IdempotencyStore<R> {
    /** How long a stored response stays valid. */
    public static final Duration TTL = Duration.ofHours(24);

    /** A store that reads time from the system clock. */
    public IdempotencyStore() {
        this(Clock.systemUTC());
    }

    /** A store that reads time only from {@code clock} (stored responses expire {@link #TTL} after they were stored). */
    public IdempotencyStore(Clock clock) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * The response for this request, calling {@code operation.get()} only if no response is
     * stored (or in flight) for {@code key}. An exception thrown by the operation propagates
     * unchanged, and nothing is stored then.
     *
     * @param key the client's idempotency key
     * @param requestFingerprint identifies the request's content
     * @param operation performs the request and returns its response (which may be null)
     * @return the response
     * @throws IdempotencyConflictException if {@code key} is stored or in flight with a different fingerprint
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code key} is empty
     */
    public R handle(String key, String requestFingerprint, Supplier<? extends R> operation) {
        throw new UnsupportedOperationException("not implemented");
    }
}
