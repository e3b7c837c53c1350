import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Worked examples from the statement (Java). */
class ExamplesTest {
    static final List<String> EXAMPLE = List.of(
            "127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] \"GET /api/users?page=2 HTTP/1.1\" 200 512 12\n",
            "127.0.0.1 - - [10/Oct/2023:13:55:37 +0000] \"GET /api/users HTTP/1.1\" 200 128 \"-\" \"curl/8.0\" 30.5\n",
            "10.0.0.2 - bob [10/Oct/2023:13:55:38 +0000] \"POST /login HTTP/1.1\" 401 - 7\n",
            "this is not a log line\n");

    @Test
    void statementExample() {
        LogSummary.Summary result = LogSummary.summarise(EXAMPLE);
        assertEquals(3, result.totalRequests());
        assertEquals(Map.of("2xx", 2L, "4xx", 1L), result.statusClasses());
        assertEquals(List.of(Map.entry("/api/users", 2L), Map.entry("/login", 1L)), result.topPaths());
        assertEquals(1, result.malformed());
        assertEquals(OptionalDouble.of(30.5), result.p95Ms());
    }

    @Test
    void emptyInput() {
        LogSummary.Summary result = LogSummary.summarise(List.of());
        assertEquals(0, result.totalRequests());
        assertEquals(Map.of(), result.statusClasses());
        assertEquals(List.of(), result.topPaths());
        assertEquals(0, result.malformed());
        assertEquals(OptionalDouble.empty(), result.p95Ms());
    }
}
