import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    /** The history as JDK values: one (transferId, counterparty, delta, balanceAfter) list per entry. */
    static List<List<Object>> entries(Ledger ledger, String account) {
        List<List<Object>> entries = new ArrayList<>();
        for (Ledger.Entry entry : ledger.history(account)) {
            entries.add(List.of(entry.transferId(), entry.counterparty(), entry.delta(), entry.balanceAfter()));
        }
        return entries;
    }

    @Test
    void statementExample() throws Exception {
        Ledger ledger = new Ledger();
        ledger.openAccount("alice", 10_000);
        ledger.openAccount("bob", 500);
        assertEquals(1, ledger.transfer("alice", "bob", 2_500));
        assertEquals(2, ledger.transfer("bob", "alice", 3_000));
        assertEquals(List.of(10_500L, 0L), List.of(ledger.balance("alice"), ledger.balance("bob")));
        assertEquals(List.of(List.of(1L, "alice", 2_500L, 3_000L), List.of(2L, "alice", -3_000L, 0L)),
                entries(ledger, "bob"));
        assertEquals(10_500, ledger.total());
    }

    @Test
    void statementErrors() throws Exception {
        Ledger ledger = new Ledger();
        ledger.openAccount("alice", 10_500);
        ledger.openAccount("bob");
        assertThrows(InsufficientFundsException.class, () -> ledger.transfer("bob", "alice", 1));
        assertThrows(IllegalArgumentException.class, () -> ledger.transfer("alice", "bob", 0));
        assertThrows(NoSuchElementException.class, () -> ledger.transfer("alice", "carol", 5));
        assertEquals(1, ledger.transfer("alice", "bob", 10_500));
        assertEquals(List.of(0L, 10_500L), List.of(ledger.balance("alice"), ledger.balance("bob")));
    }

    @Test
    void concurrentTransfersBothWays() throws Exception {
        Ledger ledger = new Ledger();
        ledger.openAccount("alice", 1_000_000);
        ledger.openAccount("bob", 1_000_000);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean forth = t % 2 == 0;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    try {
                        ledger.transfer(forth ? "alice" : "bob", forth ? "bob" : "alice", forth ? 3 : 2);
                    } catch (InsufficientFundsException impossible) {
                        throw new AssertionError(impossible);
                    }
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
            assertEquals(false, thread.isAlive(), "the transfers did not finish within 5 s: a deadlock?");
        }
        assertEquals(List.of(998_000L, 1_002_000L), List.of(ledger.balance("alice"), ledger.balance("bob")));
        assertEquals(2_000_000, ledger.total());
    }
}
