import java.util.List;

/**
 * One page of results.
 *
 * @param items at most {@code limit} of the given items (the same objects), newest first
 * @param nextCursor the cursor of the next page, or {@code null} exactly when no items follow
 */
public record Page(List<Item> items, String nextCursor) {}
