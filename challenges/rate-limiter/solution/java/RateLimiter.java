import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;

/** Reference solution for the rate-limiter challenge (Java): a per-key token bucket, thread-safe. */
public class RateLimiter {
    /** Tolerance in tokens, absorbs floating-point rounding. */
    private static final double EPSILON = 1e-9;

    private final int capacity;
    private final double refillPerSecond;
    private final DoubleSupplier clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** One key's bucket; its fields are guarded by the bucket's own monitor. */
    private static final class Bucket {
        double tokens;
        double updated = Double.NEGATIVE_INFINITY; // the first reading of the clock sets it

        Bucket(double tokens) {
            this.tokens = tokens;
        }
    }

    public RateLimiter(int capacity, double refillPerSecond) {
        this(capacity, refillPerSecond, () -> System.nanoTime() / 1e9);
    }

    public RateLimiter(int capacity, double refillPerSecond, DoubleSupplier clock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refillPerSecond must be a positive finite number");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean allow(String key) {
        return allow(key, 1);
    }

    public boolean allow(String key, int cost) {
        checkCost(cost);
        Bucket bucket = bucket(key);
        synchronized (bucket) {
            refill(bucket);
            if (bucket.tokens + EPSILON >= cost) {
                bucket.tokens = Math.max(0.0, bucket.tokens - cost);
                return true;
            }
            return false;
        }
    }

    public double retryAfter(String key) {
        return retryAfter(key, 1);
    }

    public double retryAfter(String key, int cost) {
        checkCost(cost);
        Bucket bucket = bucket(key);
        synchronized (bucket) {
            refill(bucket);
            double missing = cost - bucket.tokens;
            return missing <= EPSILON ? 0.0 : missing / refillPerSecond;
        }
    }

    private void checkCost(int cost) {
        if (cost <= 0) {
            throw new IllegalArgumentException("cost must be positive");
        }
        if (cost > capacity) {
            throw new IllegalArgumentException("cost exceeds capacity; the request could never succeed");
        }
    }

    private Bucket bucket(String key) {
        Objects.requireNonNull(key, "key");
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity));
    }

    /** Adds the tokens earned since the bucket's latest reading; a clock going back adds none. */
    private void refill(Bucket bucket) {
        double now = clock.getAsDouble();
        if (now > bucket.updated) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * refillPerSecond);
            bucket.updated = now;
        }
    }
}
