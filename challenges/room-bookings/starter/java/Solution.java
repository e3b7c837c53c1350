import java.util.List;

/**
 * Meeting-room bookings. Implement bookRooms below; see the statement for the full
 * specification. Only the JDK may be used.
 */
public class Solution {
    /**
     * Accepts or rejects each request, in order.
     *
     * <p>{@code start} and {@code end} are minutes; a booking occupies [start, end), so
     * back-to-back bookings (one ends when the next starts) do not clash.
     *
     * @return one entry per request: -1 if it was accepted, otherwise the index (in
     *     {@code requests}) of the accepted booking it clashes with -- the one that starts
     *     earliest, if it overlaps several
     * @throws IllegalArgumentException if any request has end &lt;= start
     */
    public static int[] bookRooms(List<Booking> requests) {
        throw new UnsupportedOperationException("not implemented");
    }
}
