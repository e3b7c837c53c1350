import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reference solution for the room-bookings challenge (Java). */
public class Solution {
    public static int[] bookRooms(List<Booking> requests) {
        int n = requests.size();
        for (int i = 0; i < n; i++) {
            Booking b = requests.get(i);
            if (b.end() <= b.start()) {
                throw new IllegalArgumentException(
                    "request " + i + ": end (" + b.end() + ") must be after start (" + b.start() + ")");
            }
        }
        // Per room, accepted bookings are disjoint: keyed by their (distinct) end, the map is
        // also ordered by start. The value is {start, index}.
        Map<String, TreeMap<Integer, int[]>> accepted = new HashMap<>();
        int[] results = new int[n];
        for (int i = 0; i < n; i++) {
            Booking b = requests.get(i);
            TreeMap<Integer, int[]> booked = accepted.computeIfAbsent(b.room(), r -> new TreeMap<>());
            // The first accepted booking that ends after b.start() is the earliest that could overlap.
            Map.Entry<Integer, int[]> next = booked.higherEntry(b.start());
            if (next != null && next.getValue()[0] < b.end()) {
                results[i] = next.getValue()[1];
            } else {
                booked.put(b.end(), new int[] {b.start(), i});
                results[i] = -1;
            }
        }
        return results;
    }
}
