import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Summarise an access log. See the statement for the full specification.
 *
 * <p>Only the JDK may be used; add helper classes (in this file or others) as you like.
 */
public final class LogSummary {
    /**
     * What {@link #summarise} returns.
     *
     * @param totalRequests the number of well-formed lines
     * @param statusClasses count per status class, e.g. {@code {"2xx"=3, "4xx"=1}}; only classes
     *     that occur are present
     * @param topPaths up to three (path, count) entries ({@code Map.entry(path, count)}), by count
     *     descending, ties broken by path ascending; the path is the request target without its
     *     query string
     * @param malformed the number of non-blank lines that could not be parsed (they are otherwise
     *     ignored); blank lines are not counted
     * @param p95Ms the nearest-rank 95th percentile of the trailing response-time field, i.e. the
     *     value at 1-based rank {@code ceil(95 * n / 100)} of the {@code n} sorted timings; empty if
     *     no well-formed line has a response time
     */
    public record Summary(long totalRequests, Map<String, Long> statusClasses,
                          List<Map.Entry<String, Long>> topPaths, long malformed, OptionalDouble p95Ms) {}

    private LogSummary() {}

    /**
     * Summarises Common/Combined Log Format access-log lines.
     *
     * @param lines any iterable of lines, possibly one that can be iterated only once; each line
     *     may end in {@code "\n"} or {@code "\r\n"}
     */
    public static Summary summarise(Iterable<String> lines) {
        throw new UnsupportedOperationException("not implemented");
    }
}
