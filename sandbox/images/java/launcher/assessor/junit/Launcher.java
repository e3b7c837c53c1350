package assessor.junit;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Trusted entry point of the JUnit runner JVM (it runs as the candidate's user, uid 10001).
 *
 * <p>Everything the candidate could use to forge a result is set up before any of its classes is
 * initialised: the report channel (the JVM's fd 1, a pipe to the Python harness, held only in a
 * private field of {@link Report}; System.out and System.err are moved to fd 2), the run's token
 * that every report line carries, the tests' classes (their bytes arrive on stdin with the token,
 * so their files are never readable by uid 10001), the class loaders, and the {@link Guard} security
 * manager that denies the candidate's code reflection into private members, exiting, replacing
 * System.out/err, files outside /tmp/work, raw file descriptors, processes, and modifying threads
 * it did not start. The one JDBC driver it can reach, {@link Sqlite}, is registered before that too:
 * private in-memory SQLite databases through java.sql, nothing of the native driver itself.
 *
 * <p>Usage: {@code Launcher CANDIDATE_CLASSES_DIR (CLASS METHOD ID)...}; on stdin the token (UTF)
 * then the test classes as frames of (UTF name, int length, bytes) until EOF.
 */
public final class Launcher {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Launcher() {
    }

    /** Runs the requested tests once; a second call (from the candidate's code) is refused. */
    public static void main(String[] args) throws Exception {
        if (!STARTED.compareAndSet(false, true)) {
            throw new IllegalStateException("the launcher runs once");
        }
        Report report = Report.takeStdout();
        // stdin is read past System.in (whose buffer would keep the token), which is left empty.
        DataInputStream input = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        report.sign(input.readUTF());
        Map<String, byte[]> testClasses = readFrames(input);
        Map<String, byte[]> candidateClasses = readClassTree(Paths.get(args[0]));
        ClassLoader trusted = Launcher.class.getClassLoader();
        CandidateLoader candidate = new CandidateLoader(candidateClasses, trusted);
        TestLoader tests = new TestLoader(testClasses, trusted, candidate);
        Listener listener = new Listener(report);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i + 3 <= args.length; i += 3) {
            listener.expect(args[i], args[i + 1], args[i + 2]);
        }
        Sqlite.install();
        Guard.install(candidate);
        for (int i = 1; i + 3 <= args.length; i += 3) {
            DiscoverySelector selector = select(tests, args[i], args[i + 1], listener, args[i + 2]);
            if (selector != null) {
                selectors.add(selector);
            }
        }
        if (!selectors.isEmpty()) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .configurationParameter("junit.platform.output.capture.stdout", "false")
                    .build();
            LauncherFactory.create().execute(request, listener);
        }
        listener.finish();
        System.out.flush();
        System.err.flush();
        report.done();
        // Threads the candidate left running must not keep the JVM (and the run) alive.
        Runtime.getRuntime().halt(0);
    }

    private static DiscoverySelector select(ClassLoader tests, String className, String methodName,
                                            Listener listener, String id) {
        try {
            Class<?> testClass = Class.forName(className, false, tests);
            for (Method method : testClass.getDeclaredMethods()) {
                if (method.getName().equals(methodName)) {
                    return DiscoverySelectors.selectMethod(testClass, method);
                }
            }
            listener.missing(id, "no test method " + methodName + " in " + className);
        } catch (Throwable error) {
            listener.missing(id, "the test class could not be loaded: " + error);
        }
        return null;
    }

    /** Test classes as the harness sends them: (UTF class name, int length, bytes) until EOF. */
    private static Map<String, byte[]> readFrames(DataInputStream data) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        while (true) {
            String name;
            try {
                name = data.readUTF();
            } catch (java.io.EOFException end) {
                return classes;
            }
            byte[] bytes = new byte[data.readInt()];
            data.readFully(bytes);
            classes.put(name, bytes);
        }
    }

    /** The candidate's compiled classes, read now, before any of them can run. */
    private static Map<String, byte[]> readClassTree(Path root) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = root.relativize(path).toString();
                if (relative.endsWith(".class") && Files.isRegularFile(path)) {
                    String name = relative.substring(0, relative.length() - 6).replace('/', '.');
                    classes.put(name, Files.readAllBytes(path));
                }
            }
        }
        return classes;
    }
}
