import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void passes() {
        assertEquals(42, Solution.twice(21));
    }

    @Test
    void fails() {
        assertTrue(Solution.twice(1) == 3, "two is not three");
    }

    @Test
    void catchesError() {
        assertThrows(ArithmeticException.class, () -> System.out.println(1 / (Solution.twice(0))));
    }
}
