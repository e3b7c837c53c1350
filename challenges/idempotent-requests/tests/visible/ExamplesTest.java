import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    record Charge(String chargeId, long amount) {
    }

    /** A manually driven clock. */
    static final class FakeClock extends Clock {
        volatile Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Records the charges made; charge(amount) is a request's operation. */
    static final class Charges {
        final List<Long> made = new ArrayList<>();

        Supplier<Charge> charge(long amount) {
            return () -> {
                made.add(amount);
                return new Charge("ch_" + made.size(), amount);
            };
        }
    }

    @Test
    void retryConflictAndExpiry() {
        Charges charges = new Charges();
        FakeClock clock = new FakeClock();
        IdempotencyStore<Charge> store = new IdempotencyStore<>(clock);
        Charge first = store.handle("key-1", "amount=500", charges.charge(500));
        assertEquals(new Charge("ch_1", 500), first);
        assertEquals(first, store.handle("key-1", "amount=500", charges.charge(500)));
        assertEquals(List.of(500L), charges.made);
        assertThrows(IdempotencyConflictException.class, () -> store.handle("key-1", "amount=900", charges.charge(900)));
        clock.now = Instant.EPOCH.plus(IdempotencyStore.TTL).minusMillis(1);
        assertEquals(first, store.handle("key-1", "amount=500", charges.charge(500)));
        clock.now = Instant.EPOCH.plus(IdempotencyStore.TTL);
        assertEquals(new Charge("ch_2", 900), store.handle("key-1", "amount=900", charges.charge(900)));
        assertEquals(List.of(500L, 900L), charges.made);
    }

    @Test
    void failedOperationIsNotStored() {
        Charges charges = new Charges();
        IdempotencyStore<Charge> store = new IdempotencyStore<>(new FakeClock());
        Supplier<Charge> unreachable = () -> {
            throw new UncheckedIOException(new IOException("card processor unreachable"));
        };
        assertThrows(UncheckedIOException.class, () -> store.handle("key-2", "amount=700", unreachable));
        assertEquals(new Charge("ch_1", 700), store.handle("key-2", "amount=700", charges.charge(700)));
        assertEquals(List.of(700L), charges.made);
    }
}
