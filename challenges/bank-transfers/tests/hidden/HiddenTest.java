import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Hidden tests for the bank-transfers challenge (Java). They mirror test_hidden.py. */
class HiddenTest {
    /** How long a batch of concurrent calls may take before it counts as stuck (the reference needs milliseconds). */
    private static final long STUCK_MS = 5_000;

    // ------------------------------------------------------------------ helpers

    static Ledger newLedger(Map<String, Long> opening) {
        Ledger ledger = new Ledger();
        for (Map.Entry<String, Long> account : opening.entrySet()) {
            ledger.openAccount(account.getKey(), account.getValue());
        }
        return ledger;
    }

    static Map<String, Long> opening(List<String> accounts, long balance) {
        Map<String, Long> opening = new LinkedHashMap<>();
        for (String account : accounts) {
            opening.put(account, balance);
        }
        return opening;
    }

    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** The account's history as JDK values: one (transferId, counterparty, delta, balanceAfter) list per entry. */
    static List<List<Object>> entries(Ledger ledger, String account) {
        List<List<Object>> entries = new ArrayList<>();
        for (Ledger.Entry entry : ledger.history(account)) {
            entries.add(List.of(entry.transferId(), entry.counterparty(), entry.delta(), entry.balanceAfter()));
        }
        return entries;
    }

    static List<Object> entry(long id, String counterparty, long delta, long balanceAfter) {
        return List.of(id, counterparty, delta, balanceAfter);
    }

    static List<Long> balances(Ledger ledger, String... accounts) {
        List<Long> balances = new ArrayList<>();
        for (String account : accounts) {
            balances.add(ledger.balance(account));
        }
        return balances;
    }

    /**
     * Every history replays from the opening balance to the current balance without going below
     * zero, ids increase within each history, ids 1..transfers each appear on exactly two accounts
     * as matching legs, and the total is the sum of the opening balances.
     */
    static void checkConsistent(Ledger ledger, Map<String, Long> opening, int transfers) {
        int[] legs = new int[transfers + 1];
        String[] firstAccount = new String[transfers + 1];
        String[] firstOther = new String[transfers + 1];
        long[] firstDelta = new long[transfers + 1];
        for (Map.Entry<String, Long> start : opening.entrySet()) {
            String account = start.getKey();
            long balance = start.getValue();
            long previous = 0;
            for (Ledger.Entry entry : ledger.history(account)) {
                long id = entry.transferId();
                String other = entry.counterparty();
                long delta = entry.delta();
                long after = entry.balanceAfter();
                assertTrue(id > previous, account + ": transfer " + id + " listed after " + previous);
                assertTrue(id >= 1 && id <= transfers, account + ": transfer id " + id + " outside 1.." + transfers);
                previous = id;
                balance += delta;
                assertEquals(balance, after, account + ": balanceAfter at transfer " + id);
                assertTrue(balance >= 0, account + ": negative balance " + balance + " at transfer " + id);
                int leg = (int) id;
                legs[leg]++;
                if (legs[leg] == 1) {
                    firstAccount[leg] = account;
                    firstOther[leg] = other;
                    firstDelta[leg] = delta;
                } else {
                    assertEquals(2, legs[leg], "transfer " + id + " has more than two history entries");
                    assertEquals(List.of(firstAccount[leg], account, 0L),
                            List.of(other, firstOther[leg], firstDelta[leg] + delta),
                            "the two entries of transfer " + id + " do not match");
                    assertTrue(delta != 0, "transfer " + id + " moved nothing");
                }
            }
            assertEquals(balance, ledger.balance(account), account + ": history adds up to " + balance
                    + " but balance() differs");
        }
        for (int id = 1; id <= transfers; id++) {
            assertEquals(2, legs[id], "transfer " + id + " appears in " + legs[id] + " histories instead of 2");
        }
        long sum = 0;
        for (long balance : opening.values()) {
            sum += balance;
        }
        assertEquals(sum, ledger.total(), "total()");
    }

    /**
     * Runs the calls on {@code threads} new threads released together by a barrier; thread t makes
     * calls t, t + threads, t + 2 * threads, ... in order. Returns each call's outcome: its value or
     * the exception it threw. Fails if the threads deadlock or do not finish within STUCK_MS.
     */
    static Object[] concurrently(int threads, List<Callable<Object>> calls) throws InterruptedException {
        Object[] outcomes = new Object[calls.size()];
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int first = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = first; i < calls.size(); i += threads) {
                        try {
                            outcomes[i] = calls.get(i).call();
                        } catch (Throwable error) {
                            outcomes[i] = error;
                        }
                    }
                } catch (Exception interrupted) {
                    // the barrier broke: nothing to run
                } finally {
                    done.countDown();
                }
            }, "ledger-test-" + t);
            worker.setDaemon(true);          // a deadlocked worker must not keep the JVM alive
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        awaitWorkers(done, workers);
        return outcomes;
    }

    /** Waits for the workers; fails, naming the stuck threads, on a deadlock or after STUCK_MS. */
    static void awaitWorkers(CountDownLatch done, List<Thread> workers) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STUCK_MS);
        while (!done.await(25, TimeUnit.MILLISECONDS)) {
            long[] deadlocked = threads.findDeadlockedThreads();
            if (deadlocked != null) {
                List<Long> ours = new ArrayList<>();
                for (Thread worker : workers) {
                    ours.add(worker.getId());
                }
                StringBuilder stuck = new StringBuilder();
                for (ThreadInfo info : threads.getThreadInfo(deadlocked)) {
                    if (info != null && ours.contains(info.getThreadId())) {
                        stuck.append("; ").append(info.getThreadName()).append(" waits for ")
                                .append(info.getLockName()).append(" held by ").append(info.getLockOwnerName());
                    }
                }
                if (stuck.length() > 0) {
                    fail("deadlock: the transfers wait for each other's locks" + stuck);
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder states = new StringBuilder();
                for (Thread worker : workers) {
                    if (worker.isAlive()) {
                        states.append(' ').append(worker.getName()).append('=').append(worker.getState());
                    }
                }
                fail("the concurrent transfers did not finish within " + STUCK_MS + " ms (stuck:" + states + ")");
            }
        }
    }

    /** The outcomes as transfer ids; fails with the first exception a call threw. */
    static long[] ids(Object[] outcomes) {
        long[] ids = new long[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof Throwable error) {
                fail("a concurrent transfer threw " + error, error);
            }
            if (!(outcomes[i] instanceof Long id)) {
                fail("a concurrent transfer returned " + outcomes[i]);
                return ids;
            }
            ids[i] = id;
        }
        return ids;
    }

    static void assertIdsAreOneTo(long[] ids, int count, String what) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        assertEquals(count, sorted.length, what);
        for (int i = 0; i < count; i++) {
            if (sorted[i] != i + 1) {
                fail(what + ": the ids are not exactly 1.." + count + " (sorted, position " + i + " holds "
                        + sorted[i] + ")");
            }
        }
    }

    static Callable<Object> transfer(Ledger ledger, String src, String dst, long amount) {
        return () -> ledger.transfer(src, dst, amount);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void openAccountsAndTotal() throws Exception {
        Ledger ledger = new Ledger();
        assertEquals(0, ledger.total());
        ledger.openAccount("a", 1_000);
        ledger.openAccount("b");
        ledger.openAccount("c", 0);
        assertEquals(List.of(1_000L, 0L, 0L), balances(ledger, "a", "b", "c"));
        assertEquals(1_000, ledger.total());
        ledger.openAccount("d", 250);
        assertEquals(1_250, ledger.total());
        assertEquals(List.of(), entries(ledger, "a"));
        ledger.transfer("a", "b", 400);
        assertEquals(1_250, ledger.total());
    }

    @Test
    void transfersAndHistory() throws Exception {
        Map<String, Long> opening = Map.of("a", 1_000L, "b", 300L, "c", 0L);
        Ledger ledger = newLedger(opening);
        assertEquals(1, ledger.transfer("a", "b", 100));
        assertEquals(2, ledger.transfer("b", "c", 400));
        List<Ledger.Entry> earlier = ledger.history("a");
        assertEquals(3, ledger.transfer("c", "a", 50));
        assertEquals(4, ledger.transfer("a", "c", 950));
        assertEquals(List.of(0L, 0L, 1_300L), balances(ledger, "a", "b", "c"));
        assertEquals(List.of(entry(1, "b", -100, 900), entry(3, "c", 50, 950), entry(4, "c", -950, 0)),
                entries(ledger, "a"));
        assertEquals(List.of(entry(1, "a", 100, 400), entry(2, "c", -400, 0)), entries(ledger, "b"));
        assertEquals(List.of(entry(2, "b", 400, 400), entry(3, "a", -50, 350), entry(4, "a", 950, 1_300)),
                entries(ledger, "c"));
        assertEquals(1, earlier.size(), "a list history() returned must be a snapshot: later transfers do not change it");
        try {
            earlier.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // fine: an unmodifiable snapshot
        }
        assertEquals(3, ledger.history("a").size(), "changing a returned history must not change the ledger");
        checkConsistent(ledger, opening, 4);
    }

    @Test
    void insufficientFundsChangesNothing() throws Exception {
        Map<String, Long> opening = Map.of("a", 100L, "b", 0L, "c", 5L);
        Ledger ledger = newLedger(opening);
        assertThrows(InsufficientFundsException.class, () -> ledger.transfer("a", "b", 101));
        assertThrows(InsufficientFundsException.class, () -> ledger.transfer("b", "a", 1));
        assertEquals(List.of(100L, 0L, 5L), balances(ledger, "a", "b", "c"));
        assertEquals(List.of(), entries(ledger, "a"));
        assertEquals(List.of(), entries(ledger, "b"));
        assertEquals(1, ledger.transfer("a", "b", 100));           // exactly the whole balance is fine
        assertThrows(InsufficientFundsException.class, () -> ledger.transfer("a", "c", 1));
        assertThrows(InsufficientFundsException.class, () -> ledger.transfer("c", "a", 6));
        assertEquals(2, ledger.transfer("c", "a", 5));             // no id was used up by the failures
        assertEquals(List.of(5L, 100L, 0L), balances(ledger, "a", "b", "c"));
        checkConsistent(ledger, opening, 2);
    }

    @Test
    void invalidAmountsAndSameAccount() throws Exception {
        Ledger ledger = newLedger(Map.of("a", 1_000L, "b", 1_000L));
        for (long amount : new long[] {0, -1, -500, Long.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> ledger.transfer("a", "b", amount), "amount " + amount);
        }
        assertThrows(IllegalArgumentException.class, () -> ledger.transfer("a", "a", 10));
        assertThrows(IllegalArgumentException.class, () -> ledger.transfer("b", new String("b"), 10));
        assertEquals(List.of(1_000L, 1_000L), balances(ledger, "a", "b"));
        assertEquals(List.of(), entries(ledger, "a"));
        assertEquals(1, ledger.transfer("a", "b", 1));
    }

    @Test
    void unknownAccounts() throws Exception {
        Ledger ledger = newLedger(Map.of("a", 500L, "b", 500L));
        assertThrows(NoSuchElementException.class, () -> ledger.transfer("a", "nobody", 100));
        assertThrows(NoSuchElementException.class, () -> ledger.transfer("nobody", "a", 100));
        assertThrows(NoSuchElementException.class, () -> ledger.transfer("A", "b", 100));
        assertThrows(NoSuchElementException.class, () -> ledger.balance("nobody"));
        assertThrows(NoSuchElementException.class, () -> ledger.history("nobody"));
        assertEquals(List.of(500L, 500L), balances(ledger, "a", "b"));
        assertEquals(List.of(), entries(ledger, "a"));
        assertEquals(1_000, ledger.total());
        assertEquals(1, ledger.transfer("a", "b", 100));
    }

    @Test
    void openAccountValidation() {
        Ledger ledger = newLedger(Map.of("a", 100L));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount("a", 999));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount("a"));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount("", 10));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount(null, 10));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount("x", -1));
        assertThrows(IllegalArgumentException.class, () -> ledger.openAccount("x", Long.MIN_VALUE));
        assertEquals(100, ledger.balance("a"));
        assertEquals(100, ledger.total());
        assertThrows(NoSuchElementException.class, () -> ledger.balance("x"));
        ledger.openAccount("x", 7);
        assertEquals(107, ledger.total());
    }

    @Test
    void oppositeDirectionTransfersDoNotDeadlock() throws Exception {
        Map<String, Long> opening = opening(List.of("a", "b", "c"), 10_000_000);
        for (int round = 0; round < 3; round++) {
            Ledger ledger = newLedger(opening);
            List<Callable<Object>> pairs = new ArrayList<>();
            for (int i = 0; i < 16_000; i++) {
                pairs.add(i % 2 == 1 ? transfer(ledger, "a", "b", 3) : transfer(ledger, "b", "a", 2));
            }
            assertIdsAreOneTo(ids(concurrently(8, pairs)), 16_000, "round " + round + ", a <-> b");
            assertEquals(List.of(10_000_000L - 8_000, 10_000_000L + 8_000), balances(ledger, "a", "b"), "round " + round);
            List<Callable<Object>> cycle = new ArrayList<>();
            String[][] hops = {{"a", "b"}, {"b", "c"}, {"c", "a"}};
            for (int i = 0; i < 12_000; i++) {
                cycle.add(transfer(ledger, hops[i % 3][0], hops[i % 3][1], 5));
            }
            ids(concurrently(9, cycle));                 // 9 threads: three on each hop of the cycle
            assertEquals(List.of(10_000_000L - 8_000, 10_000_000L + 8_000, 10_000_000L),
                    balances(ledger, "a", "b", "c"), "round " + round);
            checkConsistent(ledger, opening, 28_000);
        }
    }

    @Test
    void concurrentTransfersConserveMoney() throws Exception {
        Random random = new Random(11);
        List<String> accounts = names("acct-", 8);
        Map<String, Long> opening = opening(accounts, 100_000_000);
        for (int round = 0; round < 3; round++) {
            Ledger ledger = newLedger(opening);
            Map<String, Long> expected = new LinkedHashMap<>(opening);
            List<Callable<Object>> calls = new ArrayList<>();
            for (int k = 0; k < 40_000; k++) {
                int i = random.nextInt(8);
                int j = random.nextInt(7);
                if (j >= i) {
                    j++;
                }
                String src = accounts.get(Math.min(i, j));     // always from a lower to a higher account
                String dst = accounts.get(Math.max(i, j));
                long amount = 1 + random.nextInt(200);
                calls.add(transfer(ledger, src, dst, amount));
                expected.merge(src, -amount, Long::sum);
                expected.merge(dst, amount, Long::sum);
            }
            assertIdsAreOneTo(ids(concurrently(8, calls)), calls.size(), "round " + round);
            Map<String, Long> actual = new LinkedHashMap<>();
            for (String account : accounts) {
                actual.put(account, ledger.balance(account));
            }
            assertEquals(expected, actual, "round " + round + ": balances");
            checkConsistent(ledger, opening, calls.size());
        }
    }

    @Test
    void noOverdraftUnderContention() throws Exception {
        Map<String, Long> opening = new LinkedHashMap<>();
        opening.put("src", 10_000L);
        opening.put("x", 0L);
        opening.put("y", 0L);
        for (int round = 0; round < 5; round++) {
            Ledger ledger = newLedger(opening);
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 16_000; i++) {
                calls.add(transfer(ledger, "src", i % 2 == 1 ? "x" : "y", 1));
            }
            Object[] outcomes = concurrently(8, calls);
            int succeeded = 0;
            int refused = 0;
            for (Object outcome : outcomes) {
                if (outcome instanceof Long) {
                    succeeded++;
                } else if (outcome instanceof InsufficientFundsException) {
                    refused++;
                } else {
                    fail("round " + round + ": a transfer ended with " + outcome,
                            outcome instanceof Throwable error ? error : null);
                }
            }
            assertEquals(List.of(0L, 10_000L), List.of(ledger.balance("src"), ledger.balance("x") + ledger.balance("y")),
                    "round " + round + ": (src, x + y)");
            assertEquals(List.of(10_000, 6_000), List.of(succeeded, refused), "round " + round + ": (succeeded, refused)");
            checkConsistent(ledger, opening, 10_000);
        }
    }

    @Test
    void totalConsistentDuringTransfers() throws Exception {
        List<String> accounts = names("acct-", 2_000);
        Map<String, Long> opening = opening(accounts, 1_000_000);
        Ledger ledger = newLedger(opening);
        long expected = 2_000L * 1_000_000;
        Random random = new Random(5);
        int writers = 6;
        int perWriter = 20_000;
        List<Callable<Object>> calls = new ArrayList<>();
        for (int k = 0; k < writers * perWriter; k++) {
            int i = random.nextInt(2_000);
            int j = random.nextInt(1_999);
            if (j >= i) {
                j++;
            }
            calls.add(transfer(ledger, accounts.get(Math.min(i, j)), accounts.get(Math.max(i, j)), 1 + random.nextInt(50)));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<Long> wrong = new ArrayList<>();
        AtomicLong wrongCount = new AtomicLong();
        // The reader runs beside the writers; it starts first and stops once they are done.
        CountDownLatch readerDone = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                while (writing.get() || reads.get() < 100) {
                    long total = ledger.total();
                    reads.incrementAndGet();
                    if (total != expected) {
                        if (wrongCount.incrementAndGet() <= 5) {
                            synchronized (wrong) {
                                wrong.add(total);
                            }
                        }
                    }
                }
            } finally {
                readerDone.countDown();
            }
        }, "ledger-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            ids(concurrently(writers, calls));
        } finally {
            writing.set(false);
        }
        awaitWorkers(readerDone, List.of(reader));
        assertEquals(0, wrongCount.get(), reads.get() + " total() calls, " + wrongCount.get() + " saw a half-done transfer: "
                + wrong + " instead of " + expected);
        checkConsistent(ledger, opening, calls.size());
    }

    @Test
    void largeLedger() throws Exception {
        Random random = new Random(99);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            accounts.add(String.format("user-%05d", i));
        }
        Map<String, Long> opening = opening(accounts, 1_000_000);
        Ledger ledger = newLedger(opening);
        long[] expected = new long[accounts.size()];
        Arrays.fill(expected, 1_000_000);
        int transfers = 200_000;
        for (int k = 1; k <= transfers; k++) {
            int i = random.nextInt(accounts.size());
            int j = random.nextInt(accounts.size() - 1);
            if (j >= i) {
                j++;
            }
            long amount = 1 + random.nextInt(100);
            long id = ledger.transfer(accounts.get(i), accounts.get(j), amount);
            if (id != k) {
                assertEquals(k, id, "transfer number " + k + " returned the wrong id");
            }
            expected[i] -= amount;
            expected[j] += amount;
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (ledger.balance(accounts.get(i)) != expected[i]) {
                assertEquals(expected[i], ledger.balance(accounts.get(i)), accounts.get(i));
            }
        }
        long entries = 0;
        for (int i = 0; i < accounts.size(); i++) {
            List<Ledger.Entry> history = ledger.history(accounts.get(i));
            entries += history.size();
            if (!history.isEmpty()) {
                assertEquals(expected[i], history.get(history.size() - 1).balanceAfter(), accounts.get(i));
            }
        }
        assertEquals(2L * transfers, entries, "history entries in all");
        assertEquals(20_000L * 1_000_000, ledger.total());
        checkConsistent(ledger, opening, transfers);
    }
}
