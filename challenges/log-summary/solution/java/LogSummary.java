import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference solution for the log-summary challenge (Java). */
public final class LogSummary {
    /** What {@link #summarise} returns. */
    public record Summary(long totalRequests, Map<String, Long> statusClasses,
                          List<Map.Entry<String, Long>> topPaths, long malformed, OptionalDouble p95Ms) {}

    private static final Pattern LINE = Pattern.compile(
            "(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] \"([^\"]*)\" ([0-9]{3}) ([0-9]+|-)"
            + "(?: \"[^\"]*\" \"[^\"]*\")?"
            + "(?: ([0-9]+(?:\\.[0-9]+)?))?");

    /** Count descending, then path ascending: the order of {@code topPaths}. */
    private static final Comparator<Map.Entry<String, Long>> RANKING =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private LogSummary() {}

    /** Summarises Common/Combined Log Format lines; see the statement. */
    public static Summary summarise(Iterable<String> lines) {
        long total = 0;
        long malformed = 0;
        Map<String, Long> classes = new HashMap<>();
        Map<String, Long> paths = new HashMap<>();
        double[] timings = new double[64];
        int timed = 0;
        Matcher m = LINE.matcher("");

        for (String raw : lines) {
            int end = raw.length();
            while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) end--;
            String line = raw.substring(0, end);
            if (line.isBlank()) continue;
            if (!m.reset(line).matches()) {
                malformed++;
                continue;
            }
            String[] parts = m.group(5).split(" ", -1);
            int status = Integer.parseInt(m.group(6));
            if (parts.length != 3 || Arrays.asList(parts).contains("") || status < 100 || status > 599) {
                malformed++;
                continue;
            }
            total++;
            classes.merge(status / 100 + "xx", 1L, Long::sum);
            String target = parts[1];
            int query = target.indexOf('?');
            paths.merge(query < 0 ? target : target.substring(0, query), 1L, Long::sum);
            if (m.group(8) != null) {
                if (timed == timings.length) timings = Arrays.copyOf(timings, timed * 2);
                timings[timed++] = Double.parseDouble(m.group(8));
            }
        }

        // The best three in one pass: a heap whose head is the worst of those kept.
        PriorityQueue<Map.Entry<String, Long>> best = new PriorityQueue<>(RANKING.reversed());
        for (Map.Entry<String, Long> entry : paths.entrySet()) {
            best.add(Map.entry(entry.getKey(), entry.getValue()));
            if (best.size() > 3) best.poll();
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>(best);
        top.sort(RANKING);

        OptionalDouble p95 = OptionalDouble.empty();
        if (timed > 0) {
            double[] sorted = Arrays.copyOf(timings, timed);
            Arrays.sort(sorted);
            int rank = (95 * timed + 99) / 100;       // ceil(95 n / 100) in integers
            p95 = OptionalDouble.of(sorted[rank - 1]);
        }
        return new Summary(total, Map.copyOf(classes), List.copyOf(top), malformed, p95);
    }
}
