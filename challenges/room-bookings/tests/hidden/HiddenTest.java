import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hidden tests for the room-bookings challenge (same cases as test_hidden.py). */
class HiddenTest {
    private static List<Booking> atlas(int... startEnd) {
        List<Booking> list = new ArrayList<>();
        for (int i = 0; i < startEnd.length; i += 2) list.add(new Booking("Atlas", startEnd[i], startEnd[i + 1]));
        return list;
    }

    private static final int A = -1;   // accepted

    @Test
    void statementExample() {
        List<Booking> requests = List.of(
            new Booking("Atlas", 540, 600),
            new Booking("Atlas", 570, 630),
            new Booking("Atlas", 600, 660),
            new Booking("Borealis", 570, 630),
            new Booking("Atlas", 520, 700));
        assertArrayEquals(new int[] {A, 0, A, A, 0}, Solution.bookRooms(requests));
    }

    @Test
    void emptyList() {
        assertArrayEquals(new int[0], Solution.bookRooms(List.of()));
    }

    @Test
    void backToBackAllowed() {
        assertArrayEquals(new int[] {A, A, A, A, A, A},
            Solution.bookRooms(atlas(600, 660, 540, 600, 660, 720, 720, 721, 0, 540, 721, 1440)));
    }

    @Test
    void gapFilledExactly() {
        assertArrayEquals(new int[] {A, A, 0, 1, A},
            Solution.bookRooms(atlas(540, 600, 660, 720, 599, 660, 600, 661, 600, 660)));
    }

    @Test
    void overlapShapes() {
        assertArrayEquals(new int[] {A, 0, 0, 0, 0, 0},
            Solution.bookRooms(atlas(600, 700, 550, 601, 699, 750, 620, 640, 500, 800, 600, 700)));
    }

    @Test
    void rejectedRequestsDoNotOccupyTheRoom() {
        assertArrayEquals(new int[] {A, 0, A, 2, A},
            Solution.bookRooms(atlas(540, 600, 570, 690, 600, 690, 650, 700, 700, 720)));
    }

    @Test
    void reportsEarliestStartingClash() {
        assertArrayEquals(new int[] {A, A, A, A, 1, 2, 3, 1},
            Solution.bookRooms(atlas(800, 900, 600, 700, 700, 750, 400, 450, 650, 850, 720, 1000, 0, 2000, 460, 610)));
    }

    @Test
    void outOfOrderRequests() {
        assertArrayEquals(new int[] {A, A, A, 1, 0, A, 2, A},
            Solution.bookRooms(atlas(1000, 1100, 100, 200, 500, 600, 150, 160, 1050, 1200, 200, 500, 590, 1010, 0, 100)));
    }

    @Test
    void roomsAreIndependent() {
        List<Booking> requests = List.of(
            new Booking("Atlas", 540, 600),
            new Booking("Borealis", 540, 600),
            new Booking("atlas", 540, 600),
            new Booking("Atlas ", 540, 600),
            new Booking("Cygnus", 0, 1440),
            new Booking("Borealis", 550, 560),
            new Booking("Atlas", 590, 700),
            new Booking("Cygnus", 600, 601));
        assertArrayEquals(new int[] {A, A, A, A, A, 1, 0, 4}, Solution.bookRooms(requests));
    }

    @Test
    void zeroLengthBookingThrows() {
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(atlas(600, 600)));
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(atlas(0, 0)));
    }

    @Test
    void invertedBookingThrows() {
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(atlas(660, 600)));
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(atlas(1, 0)));
    }

    @Test
    void invalidRequestAnywhereThrows() {
        List<Booking> valid = List.of(
            new Booking("Atlas", 540, 600), new Booking("Atlas", 550, 560), new Booking("Borealis", 0, 10));
        List<Booking> first = new ArrayList<>(valid);
        first.add(new Booking("Borealis", 20, 10));
        first.addAll(valid);
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(first));
        List<Booking> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) many.addAll(valid);
        many.add(new Booking("Cygnus", 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(many));
    }

    /** Straightforward per-room scan: fine for the small rooms of the many-rooms test. */
    private static int[] model(List<Booking> requests) {
        Map<String, List<int[]>> accepted = new HashMap<>();
        int[] results = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            Booking r = requests.get(i);
            List<int[]> booked = accepted.computeIfAbsent(r.room(), k -> new ArrayList<>());
            int[] best = null;
            for (int[] b : booked) {
                if (b[0] < r.end() && r.start() < b[1] && (best == null || b[0] < best[0])) best = b;
            }
            if (best != null) {
                results[i] = best[2];
            } else {
                booked.add(new int[] {r.start(), r.end(), i});
                results[i] = A;
            }
        }
        return results;
    }

    @Test
    void largeManyRooms() {
        Random rng = new Random(20240501);
        List<Booking> requests = new ArrayList<>();
        // Java calls are cheap (no process boundary), so the Java inputs are three times larger.
        for (int i = 0; i < 300_000; i++) {
            int start = rng.nextInt(1440 - 15);
            String room = String.format("room-%05d", rng.nextInt(15_000));
            requests.add(new Booking(room, start, Math.min(1440, start + 15 + rng.nextInt(106))));
        }
        int[] expected = model(requests);
        assertTrue(Arrays.stream(expected).anyMatch(r -> r == A) && Arrays.stream(expected).anyMatch(r -> r != A));
        assertArrayEquals(expected, Solution.bookRooms(requests));
    }

    @Test
    void largeSingleRoom() {
        Random rng = new Random(7);
        // Java calls are cheap (no process boundary), so the Java inputs are three times larger.
        int hours = 480_000;
        int clashes = 120_000;
        int[][] slots = new int[hours][];
        for (int hour = 0; hour < hours; hour++) {
            int base = hour * 60;
            int offset = rng.nextDouble() < 0.4 ? 0 : rng.nextInt(20);
            int length = rng.nextDouble() < 0.4 ? 60 - offset : 1 + rng.nextInt(60 - offset);
            slots[hour] = new int[] {base + offset, base + offset + length};
        }
        // {key, start, end, target hour or -1}
        double[][] keyed = new double[hours + clashes][];
        for (int hour = 0; hour < hours; hour++) {
            keyed[hour] = new double[] {hour + rng.nextDouble() * 50, slots[hour][0], slots[hour][1], -1};
        }
        for (int i = 0; i < clashes; i++) {
            int hour = rng.nextInt(hours);
            int a = slots[hour][0];
            int b = slots[hour][1];
            int start = hour * 60 + rng.nextInt(b - hour * 60);
            int lo = Math.max(start, a) + 1;
            int end = lo + rng.nextInt((hour + 1) * 60 + 1 - lo);
            keyed[hours + i] = new double[] {keyed[hour][0] + 0.001 + rng.nextDouble() * 300, start, end, hour};
        }
        Arrays.sort(keyed, (x, y) -> Double.compare(x[0], y[0]));
        int[] hourPosition = new int[hours];
        List<Booking> requests = new ArrayList<>(keyed.length);
        for (int position = 0; position < keyed.length; position++) {
            double[] k = keyed[position];
            if (k[3] < 0) hourPosition[(int) k[1] / 60] = position;
            requests.add(new Booking("Atlas", (int) k[1], (int) k[2]));
        }
        int[] expected = new int[keyed.length];
        for (int position = 0; position < keyed.length; position++) {
            double[] k = keyed[position];
            expected[position] = k[3] < 0 ? A : hourPosition[(int) k[3]];
        }
        assertArrayEquals(expected, Solution.bookRooms(requests));
    }
}
