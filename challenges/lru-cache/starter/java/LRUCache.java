import java.util.function.DoubleSupplier;

/**
 * LRU cache with per-entry TTL. See the statement for the full specification.
 *
 * <p>Holds at most {@code capacity} live entries, evicting the least recently used. Keys are
 * compared with {@code equals}/{@code hashCode}; values may be {@code null}. Only the JDK may be
 * used; add helper classes (in this file or others) as you like.
 */
public class LRUCache<K, V> {
    /** Counters since the cache was created. */
    public record Stats(long hits, long misses, long evictions) {}

    /**
     * A cache on the default clock, {@code System.nanoTime() / 1e9} (seconds).
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public LRUCache(int capacity) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * A cache whose TTLs are measured on {@code clock}, which returns the current time in seconds.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public LRUCache(int capacity, DoubleSupplier clock) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The value of {@code key}'s live entry, which becomes the most recently used (a hit); {@code null} on a miss. */
    public V get(K key) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The value of {@code key}'s live entry, which becomes the most recently used (a hit); {@code defaultValue} on a miss. */
    public V get(K key, V defaultValue) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Inserts or replaces {@code key} as the most recently used entry, which never expires.
     * Inserting a new key into a full cache evicts the least recently used live entry first.
     */
    public void put(K key, V value) {
        throw new UnsupportedOperationException("not implemented");
    }

    /**
     * Inserts or replaces {@code key} as the most recently used entry, which expires at
     * {@code clock + ttlSeconds}. Inserting a new key into a full cache evicts the least recently
     * used live entry first.
     *
     * @throws IllegalArgumentException unless {@code ttlSeconds} is positive and finite
     */
    public void put(K key, V value, double ttlSeconds) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The number of live (unexpired) entries. */
    public int size() {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Hits, misses and capacity evictions since the cache was created. */
    public Stats stats() {
        throw new UnsupportedOperationException("not implemented");
    }
}
