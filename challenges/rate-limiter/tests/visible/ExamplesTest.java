import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {

    private static final class FakeClock implements DoubleSupplier {
        double now;

        @Override
        public double getAsDouble() {
            return now;
        }
    }

    @Test
    void statementExample() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(3, 2.0, clock);
        assertEquals(List.of(true, true, true, false),
                List.of(limiter.allow("alice"), limiter.allow("alice"), limiter.allow("alice"), limiter.allow("alice")));
        assertEquals(0.5, limiter.retryAfter("alice"), 1e-9);
        assertEquals(1.5, limiter.retryAfter("alice", 3), 1e-9);
        assertTrue(limiter.allow("bob", 3));
        clock.now = 0.5;
        assertTrue(limiter.allow("alice"));
        assertFalse(limiter.allow("alice"));
    }

    @Test
    void costAboveCapacityIsRejected() {
        RateLimiter limiter = new RateLimiter(3, 2.0, new FakeClock());
        assertThrows(IllegalArgumentException.class, () -> limiter.retryAfter("alice", 4));
    }
}
