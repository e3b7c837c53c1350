import java.util.function.DoubleSupplier;

/**
 * Per-key token-bucket rate limiter; must be safe to share between threads.
 *
 * <p>Each key gets its own bucket of at most {@code capacity} tokens, created full on first use
 * and refilled continuously at {@code refillPerSecond} tokens per second. See the statement for
 * the full specification. Only the Java standard library may be used.
 */
public class RateLimiter {

    /** A limiter on a monotonic clock: {@code () -> System.nanoTime() / 1e9}. */
    public RateLimiter(int capacity, double refillPerSecond) {
        this(capacity, refillPerSecond, () -> System.nanoTime() / 1e9);
    }

    /**
     * @param capacity the most tokens a bucket holds
     * @param refillPerSecond tokens added to each bucket per second
     * @param clock returns the current time in seconds; read time only through it
     * @throws IllegalArgumentException if {@code capacity} is not positive or
     *     {@code refillPerSecond} is not positive
     */
    public RateLimiter(int capacity, double refillPerSecond, DoubleSupplier clock) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** {@code allow(key, 1)}. */
    public boolean allow(String key) {
        return allow(key, 1);
    }

    /**
     * Consumes {@code cost} tokens from {@code key}'s bucket and returns true if it holds at least
     * {@code cost} tokens; otherwise consumes nothing and returns false.
     *
     * @throws IllegalArgumentException if {@code cost} is not positive or exceeds the capacity
     */
    public boolean allow(String key, int cost) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** {@code retryAfter(key, 1)}. */
    public double retryAfter(String key) {
        return retryAfter(key, 1);
    }

    /**
     * Returns the seconds until {@code allow(key, cost)} would succeed (0.0 if it would succeed
     * now), without consuming any tokens.
     *
     * @throws IllegalArgumentException if {@code cost} is not positive or exceeds the capacity
     */
    public double retryAfter(String key, int cost) {
        throw new UnsupportedOperationException("not implemented");
    }
}
