import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Reference solution: runs each request's operation at most once per idempotency key (until the
 * key expires). Safe to share between threads; operations run outside the store's lock.
 *
 * @param <R> the type of the responses
 */
public final class IdempotencyStore<R> {
    /** How long a stored response stays valid. */
    public static final Duration TTL = Duration.ofHours(24);

    /** One key's request: in flight until {@code done}; {@code finished} opens when it ends either way. */
    private static final class Entry<R> {
        final String fingerprint;
        final CountDownLatch finished = new CountDownLatch(1);
        boolean done;
        R response;
        Instant expiresAt;

        Entry(String fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    private record Stored<R>(String key, Entry<R> entry) {
    }

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Entry<R>> entries = new HashMap<>();
    // Completed entries in the order they were stored. Every entry lives TTL from its clock reading,
    // so with a clock that does not go back this is also the order in which they expire.
    private final ArrayDeque<Stored<R>> expiries = new ArrayDeque<>();

    /** A store that reads time from the system clock. */
    public IdempotencyStore() {
        this(Clock.systemUTC());
    }

    /** A store that reads time only from {@code clock}. */
    public IdempotencyStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The response for this request: {@code operation.get()}'s, run only if no response is
     * stored or in flight for {@code key}.
     *
     * @throws IdempotencyConflictException if {@code key} is stored or in flight with a different fingerprint
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code key} is empty
     */
    public R handle(String key, String requestFingerprint, Supplier<? extends R> operation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(operation, "operation");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        Entry<R> entry;
        while (true) {
            Entry<R> existing;
            synchronized (lock) {
                Instant now = clock.instant();
                purge(now);
                existing = entries.get(key);
                if (existing != null && existing.done && !now.isBefore(existing.expiresAt)) {
                    existing = null;
                }
                if (existing == null) {
                    entry = new Entry<>(requestFingerprint);
                    entries.put(key, entry);
                    break;                       // this call owns the key: run the operation
                }
                if (!existing.fingerprint.equals(requestFingerprint)) {
                    throw new IdempotencyConflictException("idempotency key '" + key + "' was used for a different request");
                }
                if (existing.done) {
                    return existing.response;
                }
            }
            awaitEnd(existing);                  // the same request is in flight: wait, then look again
        }

        try {
            R response = operation.get();
            synchronized (lock) {
                entry.response = response;
                entry.expiresAt = clock.instant().plus(TTL);
                entry.done = true;
                expiries.addLast(new Stored<>(key, entry));
            }
            return response;
        } finally {
            if (!entry.done) {
                synchronized (lock) {
                    entries.remove(key, entry);  // nothing stored: the key is free again
                }
            }
            entry.finished.countDown();
        }
    }

    /** Forgets completed entries whose time is over. Caller holds the lock. */
    private void purge(Instant now) {
        for (Stored<R> oldest = expiries.peekFirst();
                oldest != null && !now.isBefore(oldest.entry().expiresAt); oldest = expiries.peekFirst()) {
            expiries.removeFirst();
            entries.remove(oldest.key(), oldest.entry());
        }
    }

    private static void awaitEnd(Entry<?> entry) {
        try {
            entry.finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the same request to finish");
        }
    }
}
