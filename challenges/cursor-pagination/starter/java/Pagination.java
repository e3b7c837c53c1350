import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Signed keyset (cursor) pagination. Implement {@link #paginate(List, int, String, byte[])}; see
 * the statement for the full specification. Only the Java standard library may be used.
 */
public final class Pagination {
    private static final byte[] DEFAULT_SECRET = "assessor-demo-secret-change-me".getBytes(StandardCharsets.UTF_8);

    private Pagination() {}

    /** The first page, with the default secret. */
    public static Page paginate(List<Item> records, int limit) {
        return paginate(records, limit, null, DEFAULT_SECRET);
    }

    /** The page after {@code cursor} (null: the first page), with the default secret. */
    public static Page paginate(List<Item> records, int limit, String cursor) {
        return paginate(records, limit, cursor, DEFAULT_SECRET);
    }

    /**
     * Returns one page of {@code records} ordered by {@code createdAt} descending, then {@code id}
     * descending. Timestamps are compared as instants.
     *
     * <p>The page's items are the given {@link Item} objects themselves. Its {@code nextCursor} is
     * null exactly when no records follow the last item; pass it back as {@code cursor} to get
     * the next page ({@code cursor == null} is the first page). The cursor is keyset-based (it
     * encodes the sort key of the last returned record, never an offset), opaque, URL-safe
     * (characters {@code A-Z a-z 0-9 - _ . ~} only) and signed with HMAC-SHA256 keyed by
     * {@code secret}. {@code records} is not modified.
     *
     * @throws IllegalArgumentException if {@code limit} is not in 1..100
     * @throws InvalidCursorException if {@code cursor} was not issued by {@code paginate} with the
     *     same {@code secret}
     */
    public static Page paginate(List<Item> records, int limit, String cursor, byte[] secret) {
        throw new UnsupportedOperationException("not implemented");
    }
}
