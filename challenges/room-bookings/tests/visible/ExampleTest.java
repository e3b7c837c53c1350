import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement. */
class ExampleTest {
    @Test
    void statementExample() {
        List<Booking> requests = List.of(
            new Booking("Atlas", 540, 600),     // 0  09:00-10:00  accepted
            new Booking("Atlas", 570, 630),     // 1  09:30-10:30  clashes with 0
            new Booking("Atlas", 600, 660),     // 2  10:00-11:00  accepted: starts as 0 ends
            new Booking("Borealis", 570, 630),  // 3  another room: accepted
            new Booking("Atlas", 520, 700));    // 4  overlaps 0 and 2: reports 0, the earliest
        assertArrayEquals(new int[] {-1, 0, -1, -1, 0}, Solution.bookRooms(requests));
    }

    @Test
    void emptyIntervalThrows() {
        assertThrows(IllegalArgumentException.class, () -> Solution.bookRooms(List.of(
            new Booking("Atlas", 540, 600), new Booking("Atlas", 600, 600))));
    }
}
