/**
 * One record to paginate.
 *
 * @param id unique id
 * @param createdAt ISO-8601 UTC timestamp, such as {@code "2024-05-01T10:00:00Z"} or
 *     {@code "2024-05-01T10:00:00.250+00:00"}
 * @param data anything else the application attaches (may be null); carried along untouched
 */
public record Item(long id, String createdAt, Object data) {
    /** An item without data. */
    public Item(long id, String createdAt) {
        this(id, createdAt, null);
    }
}
