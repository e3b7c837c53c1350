import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reference solution for the cursor-pagination challenge (Java). */
public final class Pagination {
    private static final byte[] DEFAULT_SECRET = "assessor-demo-secret-change-me".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_LIMIT = 100;
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = Long.BYTES + Integer.BYTES + Long.BYTES;

    /** A record's sort key: its instant, then its id. */
    private record Key(Instant createdAt, long id) implements Comparable<Key> {
        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::createdAt).thenComparingLong(Key::id);

        static Key of(Item item) {
            return new Key(OffsetDateTime.parse(item.createdAt()).toInstant(), item.id());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private record Entry(Key key, Item item) {}

    private Pagination() {}

    public static Page paginate(List<Item> records, int limit) {
        return paginate(records, limit, null, DEFAULT_SECRET);
    }

    public static Page paginate(List<Item> records, int limit, String cursor) {
        return paginate(records, limit, cursor, DEFAULT_SECRET);
    }

    public static Page paginate(List<Item> records, int limit, String cursor, byte[] secret) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        Key after = cursor == null ? null : decode(cursor, secret);

        // The newest limit + 1 entries (one extra tells whether another page follows) in a
        // min-heap whose head is the oldest kept: O(n log limit).
        Comparator<Entry> byKey = Comparator.comparing(Entry::key);
        PriorityQueue<Entry> newest = new PriorityQueue<>(limit + 2, byKey);
        for (Item item : records) {
            Key key = Key.of(item);
            if (after != null && key.compareTo(after) >= 0) {
                continue;
            }
            if (newest.size() <= limit) {
                newest.add(new Entry(key, item));
            } else if (key.compareTo(newest.peek().key()) > 0) {
                newest.poll();
                newest.add(new Entry(key, item));
            }
        }
        boolean hasMore = newest.size() > limit;
        if (hasMore) {
            newest.poll();
        }
        List<Entry> page = new ArrayList<>(newest);
        page.sort(byKey.reversed());
        List<Item> items = page.stream().map(Entry::item).toList();
        String next = hasMore ? encode(page.get(page.size() - 1).key(), secret) : null;
        return new Page(items, next);
    }

    private static String encode(Key key, byte[] secret) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(key.createdAt().getEpochSecond())
                .putInt(key.createdAt().getNano())
                .putLong(key.id())
                .array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload, secret));
    }

    private static Key decode(String cursor, byte[] secret) {
        if (!CURSOR.matcher(cursor).matches()) {
            throw new InvalidCursorException("malformed cursor");
        }
        int dot = cursor.indexOf('.');
        byte[] payload = decodePart(cursor.substring(0, dot));
        byte[] signature = decodePart(cursor.substring(dot + 1));
        if (!MessageDigest.isEqual(signature, sign(payload, secret))) { // constant time
            throw new InvalidCursorException("bad cursor signature");
        }
        if (payload.length != PAYLOAD_BYTES) {
            throw new InvalidCursorException("malformed cursor payload");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        long id = buffer.getLong();
        try {
            return new Key(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (RuntimeException e) {
            throw new InvalidCursorException("malformed cursor payload", e);
        }
    }

    /** Base64url text to bytes; only the canonical, unpadded encoding is accepted. */
    private static byte[] decodePart(String text) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("malformed cursor", e);
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new InvalidCursorException("malformed cursor");
        }
        return bytes;
    }

    private static byte[] sign(byte[] payload, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
