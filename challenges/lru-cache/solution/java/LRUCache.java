import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.DoubleSupplier;

/** Reference solution for the lru-cache challenge: a fixed-capacity LRU cache with optional per-entry TTL. */
public class LRUCache<K, V> {
    /** Counters since the cache was created. */
    public record Stats(long hits, long misses, long evictions) {}

    private static final class Entry<V> {
        final V value;
        final double expiresAt;        // +Infinity: never expires
        final long generation;

        Entry(V value, double expiresAt, long generation) {
            this.value = value;
            this.expiresAt = expiresAt;
            this.generation = generation;
        }
    }

    private record Deadline<K>(double expiresAt, long generation, K key) {}

    private final int capacity;
    private final DoubleSupplier clock;
    /** Insertion order is recency order, oldest first; a touched key is removed and put back. */
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();
    /** Expiry times of entries with a TTL; items of replaced or evicted entries are skipped lazily. */
    private PriorityQueue<Deadline<K>> deadlines = newQueue();
    private long generation;
    private long hits;
    private long misses;
    private long evictions;

    /** A cache on the default clock, {@code System.nanoTime()} in seconds. */
    public LRUCache(int capacity) {
        this(capacity, () -> System.nanoTime() / 1e9);
    }

    /** A cache whose TTLs are measured on {@code clock}, which returns the current time in seconds. */
    public LRUCache(int capacity, DoubleSupplier clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static <K> PriorityQueue<Deadline<K>> newQueue() {
        return new PriorityQueue<>(Comparator.comparingDouble(Deadline<K>::expiresAt));
    }

    /** The live value of {@code key}, marked most recently used; {@code null} on a miss. */
    public V get(K key) {
        return get(key, null);
    }

    /** The live value of {@code key}, marked most recently used; {@code defaultValue} on a miss. */
    public V get(K key, V defaultValue) {
        Entry<V> entry = entries.remove(key);
        if (entry == null || entry.expiresAt <= clock.getAsDouble()) {
            misses++;
            return defaultValue;
        }
        entries.put(key, entry);       // back at the end: most recently used
        hits++;
        return entry.value;
    }

    /** Inserts or replaces {@code key} as the most recently used entry, never expiring. */
    public void put(K key, V value) {
        insert(key, value, Double.POSITIVE_INFINITY);
    }

    /**
     * Inserts or replaces {@code key} as the most recently used entry, expiring {@code ttlSeconds}
     * after now.
     *
     * @throws IllegalArgumentException unless {@code ttlSeconds} is positive and finite
     */
    public void put(K key, V value, double ttlSeconds) {
        if (!(ttlSeconds > 0 && Double.isFinite(ttlSeconds))) {
            throw new IllegalArgumentException("ttl must be a positive, finite number of seconds, got " + ttlSeconds);
        }
        insert(key, value, ttlSeconds);
    }

    private void insert(K key, V value, double ttl) {
        double now = clock.getAsDouble();
        purgeExpired(now);
        long gen = generation++;
        double expiresAt = now + ttl;  // +Infinity when there is no TTL
        if (entries.remove(key) == null && entries.size() >= capacity) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
            evictions++;
        }
        entries.put(key, new Entry<>(value, expiresAt, gen));
        if (expiresAt != Double.POSITIVE_INFINITY) {
            deadlines.add(new Deadline<>(expiresAt, gen, key));
            if (deadlines.size() > 2 * entries.size() + 64) {
                compactDeadlines();
            }
        }
    }

    /** Drops every entry whose deadline has passed (amortised O(log n) per entry). */
    private void purgeExpired(double now) {
        Deadline<K> first;
        while ((first = deadlines.peek()) != null && first.expiresAt() <= now) {
            deadlines.poll();
            Entry<V> entry = entries.get(first.key());
            if (entry != null && entry.generation == first.generation()) {
                entries.remove(first.key());
            }
        }
    }

    /** Drops the queue's items of replaced or evicted entries, so memory stays O(capacity). */
    private void compactDeadlines() {
        PriorityQueue<Deadline<K>> live = newQueue();
        for (Deadline<K> deadline : deadlines) {
            Entry<V> entry = entries.get(deadline.key());
            if (entry != null && entry.generation == deadline.generation()) {
                live.add(deadline);
            }
        }
        deadlines = live;
    }

    /** The number of live (unexpired) entries. */
    public int size() {
        purgeExpired(clock.getAsDouble());
        return entries.size();
    }

    /** Hits, misses and capacity evictions since the cache was created. */
    public Stats stats() {
        return new Stats(hits, misses, evictions);
    }
}
