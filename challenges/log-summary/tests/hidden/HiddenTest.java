import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hidden tests for the log-summary challenge (Java). They mirror test_hidden.py. */
class HiddenTest {
    static final String TS = "[10/Oct/2023:13:55:36 +0000]";

    /** One well-formed log line; {@code ms} is null for none. */
    static String line(String path, int status, String method, String size, Object ms, boolean combined) {
        StringBuilder s = new StringBuilder("10.0.0.1 - - ").append(TS).append(" \"").append(method).append(' ')
                .append(path).append(" HTTP/1.1\" ").append(status).append(' ').append(size);
        if (combined) s.append(" \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\"");
        if (ms != null) s.append(' ').append(ms);
        return s.append('\n').toString();
    }

    static String line(String path, int status) {
        return line(path, status, "GET", "123", null, false);
    }

    static String line(String path) {
        return line(path, 200);
    }

    static String timed(Object ms) {
        return line("/", 200, "GET", "123", ms, false);
    }

    static Map.Entry<String, Long> top(String path, long count) {
        return Map.entry(path, count);
    }

    /** An Iterable that may be iterated only once, like a Python generator. */
    static <T> Iterable<T> oneShot(List<T> items) {
        boolean[] used = {false};
        return () -> {
            if (used[0]) throw new IllegalStateException("this Iterable can only be iterated once");
            used[0] = true;
            return items.iterator();
        };
    }

    /** Compares every field of a summary as JDK values. */
    static void assertSummary(LogSummary.Summary actual, long total, Map<String, Long> classes,
                              List<Map.Entry<String, Long>> topPaths, long malformed, OptionalDouble p95) {
        assertNotNull(actual);
        assertEquals(Arrays.asList(total, classes, topPaths, malformed, p95),
                Arrays.asList(actual.totalRequests(), actual.statusClasses(), actual.topPaths(), actual.malformed(),
                        actual.p95Ms()),
                "(totalRequests, statusClasses, topPaths, malformed, p95Ms)");
    }

    @Test
    void commonFormatCounts() {
        LogSummary.Summary result = LogSummary.summarise(List.of(
                line("/a", 200), line("/a", 204), line("/b", 301), line("/c", 404), line("/c", 503), line("/c", 500)));
        assertSummary(result, 6, Map.of("2xx", 2L, "3xx", 1L, "4xx", 1L, "5xx", 2L),
                List.of(top("/c", 3), top("/a", 2), top("/b", 1)), 0, OptionalDouble.empty());
    }

    @Test
    void combinedFormatWithTiming() {
        LogSummary.Summary result = LogSummary.summarise(List.of(
                line("/x", 200, "GET", "123", null, true),
                line("/x", 200, "GET", "123", 15, true),
                line("/y", 302, "POST", "-", "2.25", true)));
        assertSummary(result, 3, Map.of("2xx", 2L, "3xx", 1L), List.of(top("/x", 2), top("/y", 1)), 0,
                OptionalDouble.of(15.0));
    }

    @Test
    void malformedLinesAreSkippedAndCounted() {
        String good = line("/ok", 200, "GET", "123", 5, false);
        List<String> bad = List.of(
                "garbage\n",
                "10.0.0.1 - - 10/Oct/2023:13:55:36 +0000 \"GET /nobracket HTTP/1.1\" 200 1\n",
                "10.0.0.1 - - " + TS + " \"GET /badstatus HTTP/1.1\" 2000 1\n",
                "10.0.0.1 - - " + TS + " \"GET /badstatus HTTP/1.1\" 099 1\n",
                "10.0.0.1 - - " + TS + " \"GET /badstatus HTTP/1.1\" 600 1\n",
                "10.0.0.1 - - " + TS + " \"-\" 408 0\n",
                "10.0.0.1 - - " + TS + " \"GET /twoparts\" 200 1\n",
                "10.0.0.1 - - " + TS + " \"GET /size HTTP/1.1\" 200 abc\n",
                "10.0.0.1 - - " + TS + " \"GET /timing HTTP/1.1\" 200 1 fast\n",
                "10.0.0.1 - - " + TS + " \"GET /halfcombined HTTP/1.1\" 200 1 \"-\"\n",
                "10.0.0.1 - - " + TS + " \"GET /noquote HTTP/1.1 200 1\n");
        List<String> lines = new ArrayList<>(List.of(good));
        lines.addAll(bad);
        assertSummary(LogSummary.summarise(lines), 1, Map.of("2xx", 1L), List.of(top("/ok", 1)), bad.size(),
                OptionalDouble.of(5.0));
    }

    @Test
    void queryStringStrippedFromPath() {
        LogSummary.Summary result = LogSummary.summarise(List.of(
                line("/search?q=a"), line("/search?q=b&page=2"), line("/search"), line("/other?x=1")));
        assertEquals(List.of(top("/search", 3), top("/other", 1)), result.topPaths());
    }

    @Test
    void topPathsTiesBrokenAlphabetically() {
        List<String> lines = new ArrayList<>();
        Object[][] counts = {{"/zeta", 2}, {"/beta", 3}, {"/alpha", 2}, {"/gamma", 2}, {"/delta", 1}};
        for (Object[] pair : counts) {
            for (int i = 0; i < (int) pair[1]; i++) lines.add(line((String) pair[0]));
        }
        assertEquals(List.of(top("/beta", 3), top("/alpha", 2), top("/gamma", 2)),
                LogSummary.summarise(lines).topPaths());
    }

    static OptionalDouble p95Of(int... values) {
        return LogSummary.summarise(Arrays.stream(values).mapToObj(HiddenTest::timed).collect(Collectors.toList()))
                .p95Ms();
    }

    @Test
    void p95NearestRank() {
        // n = 20 -> rank 19; timings given in shuffled order
        assertEquals(OptionalDouble.of(19.0),
                p95Of(7, 3, 20, 1, 15, 2, 19, 11, 5, 18, 4, 16, 6, 9, 10, 13, 12, 8, 17, 14));
        // n = 21 -> rank ceil(19.95) = 20
        assertEquals(OptionalDouble.of(20.0), p95Of(IntStream.rangeClosed(1, 21).toArray()));
        // n = 100 -> rank 95
        assertEquals(OptionalDouble.of(95.0), p95Of(IntStream.rangeClosed(1, 100).map(i -> 101 - i).toArray()));
        // n = 1 -> the only value
        assertEquals(OptionalDouble.of(0.5), LogSummary.summarise(List.of(timed("0.5"))).p95Ms());
        // n = 2 -> rank 2
        assertEquals(OptionalDouble.of(40.0), p95Of(40, 10));
        // n = 15 -> rank ceil(14.25) = 15 (rounding 14.25 would give 14)
        assertEquals(OptionalDouble.of(15.0), p95Of(IntStream.rangeClosed(1, 15).map(i -> 16 - i).toArray()));
    }

    @Test
    void p95IgnoresLinesWithoutTiming() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) lines.add(line("/"));
        lines.addAll(List.of(timed(3), timed(1), timed(2)));
        LogSummary.Summary result = LogSummary.summarise(lines);
        assertEquals(53, result.totalRequests());
        assertEquals(OptionalDouble.of(3.0), result.p95Ms());
        assertEquals(OptionalDouble.empty(), LogSummary.summarise(List.of(line("/"), line("/"))).p95Ms());
    }

    @Test
    void emptyInput() {
        assertSummary(LogSummary.summarise(List.of()), 0, Map.of(), List.of(), 0, OptionalDouble.empty());
        assertSummary(LogSummary.summarise(oneShot(List.of())), 0, Map.of(), List.of(), 0, OptionalDouble.empty());
    }

    @Test
    void oneShotIterableCrlfAndBlankLines() {
        List<String> raw = List.of(
                line("/a", 200, "GET", "123", 1, false).replace("\n", "\r\n"),
                "\r\n",
                "   \n",
                "",
                line("/a", 404, "GET", "123", 2, false).strip(),
                line("/b", 500, "GET", "123", 3, false).replace("\n", "\r\n"));
        assertSummary(LogSummary.summarise(oneShot(raw)), 3, Map.of("2xx", 1L, "4xx", 1L, "5xx", 1L),
                List.of(top("/a", 2), top("/b", 1)), 0, OptionalDouble.of(3.0));
    }

    /** n lines made on demand, one at a time, like the Python test's generator. */
    static Iterable<String> generated(int n, IntFunction<String> make) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public String next() {
                if (next >= n) throw new NoSuchElementException();
                return make.apply(next++);
            }
        };
    }

    @Test
    void largeInput() {
        int n = 200_000;
        int distinct = 50_000;
        int[] statuses = {200, 201, 304, 404, 500};
        LogSummary.Summary result = LogSummary.summarise(generated(n, i -> {
            if (i % 10_000 == 7) return "corrupted line\n";
            String path = i % distinct == 0 ? "/hot" : i % 1000 == 1 ? "/warm" : "/items/" + (i % distinct);
            return line(path + "?i=" + i, statuses[i % 5], "GET", "123", (i * 7919L) % 1000, false);
        }));
        long malformed = n / 10_000;
        assertEquals(malformed, result.malformed());
        assertEquals(n - malformed, result.totalRequests());
        long sum = 0;
        for (long count : result.statusClasses().values()) sum += count;
        assertEquals(n - malformed, sum);
        assertEquals(Set.of("2xx", "3xx", "4xx", "5xx"), Set.copyOf(result.statusClasses().keySet()));
        assertEquals(List.of(top("/warm", 200), top("/hot", 4), top("/items/10", 4)), result.topPaths());
        assertEquals(OptionalDouble.of(950.0), result.p95Ms());
    }
}
