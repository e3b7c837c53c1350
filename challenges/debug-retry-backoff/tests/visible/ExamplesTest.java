import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worked example from the statement (Java). */
class ExamplesTest {
    @Test
    void statementExample() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> slept = new ArrayList<>();
        String result = Retry.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConnectException("connection refused");
            }
            return "ok";
        }, new Retry.Options().baseDelay(Duration.ofSeconds(1)).sleeper(slept::add).random(() -> 0.5));
        assertEquals("ok", result);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), slept);
    }

    @Test
    void successOnTheFirstCallDoesNotSleep() throws Exception {
        List<Duration> slept = new ArrayList<>();
        assertEquals(42, Retry.retry(() -> 42, new Retry.Options().sleeper(slept::add)));
        assertEquals(List.of(), slept);
    }
}
