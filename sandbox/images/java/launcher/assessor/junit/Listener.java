package assessor.junit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit's events into report lines, one per test (or per invocation of a parameterised one),
 * named by the ids the harness asked for; a requested test that never ran is reported as an error.
 */
final class Listener implements TestExecutionListener {
    private final Report report;
    private final Map<String, String> ids = new LinkedHashMap<>();          // "Class#method" -> id
    private final Map<String, Boolean> reported = new HashMap<>();          // id -> has a result
    private final Map<String, String> classFailures = new HashMap<>();      // class -> why it failed
    private final Map<String, Long> started = new HashMap<>();

    Listener(Report report) {
        this.report = report;
    }

    void expect(String className, String methodName, String id) {
        ids.put(className + "#" + methodName, id);
        reported.put(id, false);
    }

    void missing(String id, String message) {
        report.result(id, "error", message, 0);
        reported.put(id, true);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String id = idOf(test);
        if (id != null && test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
            report.begin(id);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        String id = idOf(test);
        if (id != null) {
            report.begin(id);
            report.result(id, "skipped", "skipped: " + reason, 0);
            reported.put(id, true);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String id = idOf(test);
        if (id == null || !test.isTest()) {
            classOf(test.getSource()).ifPresent(name -> result.getThrowable()
                    .ifPresent(error -> classFailures.put(name, describe(error))));
            return;
        }
        Long start = started.remove(test.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        System.out.flush();
        System.err.flush();
        report.result(id, outcome(result), result.getThrowable().map(Listener::describe).orElse(""), millis);
        reported.put(id, true);
    }

    /** Reports every requested test that produced no result (its class failed to start, say). */
    void finish() {
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            String id = entry.getValue();
            if (!reported.get(id)) {
                String className = entry.getKey().substring(0, entry.getKey().indexOf('#'));
                report.result(id, "error", classFailures.getOrDefault(className, "the test did not run"), 0);
            }
        }
    }

    private String idOf(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource) {
            MethodSource method = (MethodSource) source.get();
            return ids.get(method.getClassName() + "#" + method.getMethodName());
        }
        return null;
    }

    private static Optional<String> classOf(Optional<TestSource> source) {
        if (source.isPresent() && source.get() instanceof ClassSource) {
            return Optional.of(((ClassSource) source.get()).getClassName());
        }
        return Optional.empty();
    }

    private static String outcome(TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return "passed";
            case ABORTED:
                return "skipped";
            default:
                return result.getThrowable().filter(error -> error instanceof AssertionError).isPresent()
                        ? "failed" : "error";
        }
    }

    /**
     * The failure's text. Its class and message may be the candidate's code (a Throwable subclass):
     * that code runs under the security manager like any other, and whatever it throws is caught.
     */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable cause = error;
        // The causes too: "ExceptionInInitializerError" alone does not say what the initializer did.
        for (int depth = 0; cause != null && depth < 4 && text.length() < Report.MESSAGE_CHARS; depth++) {
            try {
                text.append(depth == 0 ? "" : "\ncaused by: ").append(cause);
                cause = cause.getCause() == cause ? null : cause.getCause();
            } catch (Throwable broken) {
                text.append(cause.getClass().getName()).append(" (its message could not be read)");
                break;
            }
        }
        return text.length() > Report.MESSAGE_CHARS ? text.substring(0, Report.MESSAGE_CHARS) : text.toString();
    }
}
