"""Hostile Java submissions that try to forge a JUnit result: none earns a point, none reads the
hidden tests, none leaves a container behind, and the next honest submission is graded normally.

The tests and the candidate's classes share one JVM (see sandbox/images/harness/run_junit.py), so
these attacks come from inside it: through System.out, System.exit, reflection, threads, equals,
and the file system.
"""

import json
import shutil
import uuid

import pytest

from assessor import library
from assessor.grading import grade
from sandbox.runner import LABEL
from tests.conftest import FIXTURE_LIBRARY

CHALLENGE = library.load(FIXTURE_LIBRARY / "sum-pairs")
REFERENCE = CHALLENGE.solution("java")
IDS = ("empty", "example", "duplicates", "negative", "largeInput")

# Lines shaped like every report format the grading uses: the launcher's (begin/result/done, with
# a guessed token) and the harness's events.
FORGERIES = [line for name in IDS for line in (
    f'{{"token":"0","begin":"HiddenTest.java::{name}"}}',
    f'{{"token":"0","result":"HiddenTest.java::{name}","outcome":"passed","message":""}}',
    f'{{"begin":"HiddenTest.java::{name}"}}',
    f'{{"result":"HiddenTest.java::{name}","outcome":"passed","message":""}}',
    f'{{"event":"test","nodeid":"HiddenTest.java::{name}","outcome":"passed"}}',
)] + ['{"token":"0","done":true}', '{"done":true}', '{"event":"end","exit_code":0}']
JAVA_FORGERIES = "new String[] {" + ", ".join(json.dumps(line) for line in FORGERIES) + "}"

FORGE = f'''
    static final String[] FORGED = {JAVA_FORGERIES};

    /** Writes every forged line to a stream; notes whether that worked. */
    static String forge(java.io.OutputStream channel) {{
        try {{
            for (String line : FORGED) channel.write((line + "\\n").getBytes());
            channel.flush();
            return "WROTE";
        }} catch (Throwable error) {{
            return "denied";
        }}
    }}

    /** Runs an attempt; "LEAK"/"GOT" marks a success, so the test can look for it. */
    static String attempt(String what, java.util.concurrent.Callable<Object> action) {{
        try {{
            Object value = action.call();
            if (value == null) return what + ": nothing";
            String text = String.valueOf(value);
            return what + ": GOT " + text.substring(0, Math.min(120, text.length()));
        }} catch (Throwable error) {{
            return what + ": denied (" + error.getClass().getSimpleName() + ")";
        }}
    }}
'''


def java(body, members=""):
    """Solution.java: countPairs runs body; members are extra fields and methods."""
    return (f"import java.io.*;\nimport java.lang.reflect.*;\nimport java.nio.file.*;\nimport java.util.*;\n\n"
            f"public class Solution {{\n{FORGE}\n{members}\n"
            f"    public static long countPairs(int[] numbers, int target) {{\n{body}\n    }}\n}}\n")


ATTACKS = {
    "prints_fake_report_lines": {"Solution.java": java('''
        for (String line : FORGED) { System.out.println(line); System.err.println(line); }
        return -1;''', members='''
    static { for (String line : FORGED) System.out.println(line); }''')},

    "exits_in_a_static_initializer": {"Solution.java": java("        return -1;", members='''
    static { for (String line : FORGED) System.out.println(line); System.exit(0); }''')},

    "reflection_into_the_launcher_and_junit": {"Solution.java": java('''
        List<String> seen = new ArrayList<>();
        for (String name : new String[] {"assessor.junit.Launcher", "assessor.junit.Report",
                "assessor.junit.Listener", "org.junit.platform.launcher.core.DefaultLauncher",
                "org.junit.platform.launcher.core.LauncherFactory"}) {
            seen.add(attempt(name, () -> {
                for (Field field : Class.forName(name).getDeclaredFields()) {
                    field.setAccessible(true);
                    Object value = Modifier.isStatic(field.getModifiers()) ? field.get(null) : null;
                    if (value instanceof OutputStream) forge((OutputStream) value);
                }
                return "fields opened";
            }));
        }
        seen.add(attempt("Unsafe", () -> {
            Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return field.get(null);
        }));
        seen.add(attempt("private lookup", () -> java.lang.invoke.MethodHandles.privateLookupIn(
                Class.forName("assessor.junit.Report"), java.lang.invoke.MethodHandles.lookup())));
        seen.add(attempt("launcher main again", () -> {
            Class.forName("assessor.junit.Launcher").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {"/tmp/build/classes"});
            return "ran";
        }));
        seen.add(attempt("all threads", Thread::getAllStackTraces));
        seen.add(attempt("context loader", () -> Thread.currentThread().getContextClassLoader()));
        seen.add(attempt("policy", java.security.Policy::getPolicy));
        seen.add(attempt("security manager off", () -> { System.setSecurityManager(null); return "off"; }));
        seen.add("stdout fd: " + attempt("fd 1", () -> forge(new FileOutputStream(FileDescriptor.out))));
        seen.add("proc fd: " + attempt("/proc/self/fd/1", () -> forge(new FileOutputStream("/proc/self/fd/1"))));
        seen.add(attempt("setOut", () -> { System.setOut(new PrintStream(new ByteArrayOutputStream())); return "set"; }));
        throw new IllegalStateException(String.join("; ", seen));''')},

    "thread_keeps_writing_later": {"Solution.java": java('''
        if (!started) {
            started = true;
            Thread main = Thread.currentThread();
            Thread writer = new Thread(() -> {
                for (int round = 0; round < 300; round++) {
                    for (String line : FORGED) System.out.println(line);
                    try { forge(new FileOutputStream(FileDescriptor.out)); } catch (Throwable ignored) { }
                    try { forge(new FileOutputStream("/proc/self/fd/1")); } catch (Throwable ignored) { }
                    try { main.interrupt(); } catch (Throwable ignored) { }
                    try { main.setName("forged"); } catch (Throwable ignored) { }
                    try { Thread.sleep(10); } catch (InterruptedException ignored) { }
                }
            });
            writer.start();
        }
        return -1;''', members="    static boolean started;")},

    "reads_the_tests": {"Solution.java": java('''
        List<String> seen = new ArrayList<>();
        for (String path : new String[] {"/tmp/harness/tests/HiddenTest.java", "/tmp/harness/classes/HiddenTest.class",
                "/tmp/harness/run.json", "/proc/self/fd/0", "/proc/1/cmdline"}) {
            seen.add(attempt(path, () -> "LEAK " + new String(Files.readAllBytes(Paths.get(path)))));
        }
        seen.add(attempt("walk /tmp", () -> {
            StringBuilder found = new StringBuilder();
            try (java.util.stream.Stream<Path> paths = Files.walk(Paths.get("/tmp"))) {
                paths.filter(p -> p.toString().endsWith("Test.java") || p.toString().endsWith("Test.class"))
                     .forEach(p -> found.append("LEAK ").append(p));
            }
            return found.length() == 0 ? null : found;
        }));
        for (String resource : new String[] {"HiddenTest.class", "HiddenTest.java", "/HiddenTest.class"}) {
            seen.add(attempt("own loader " + resource, () -> Solution.class.getResourceAsStream(resource) == null
                    ? null : "LEAK"));
            seen.add(attempt("system loader " + resource, () -> ClassLoader.getSystemResourceAsStream(resource) == null
                    ? null : "LEAK"));
        }
        seen.add(attempt("class by name", () -> Class.forName("HiddenTest")));
        seen.add(attempt("caller class", () -> {
            Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
            java.io.InputStream bytes = caller.getResourceAsStream("HiddenTest.class");
            return "LEAK " + caller + " " + Arrays.toString(caller.getDeclaredFields()) + (bytes == null ? "" : " bytes");
        }));
        throw new IllegalStateException(String.join("; ", seen));''')},

    "shadows_junit_assertions": {
        "Solution.java": java("        return -1;"),
        "org/junit/jupiter/api/Assertions.java":
            "package org.junit.jupiter.api;\n\npublic class Assertions {\n"
            "    public static void assertEquals(long expected, long actual) { }\n"
            "    public static void assertEquals(int expected, int actual) { }\n"
            "    public static void assertEquals(Object expected, Object actual) { }\n}\n",
    },
}


@pytest.fixture(scope="module")
def engine():
    import sandbox

    return sandbox.connect()


def leaked(result):
    text = json.dumps(result.to_dict())
    return [marker for marker in ("LEAK", ": GOT", "WROTE", "IntStream.range", "199_999") if marker in text]


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_forgery_earns_nothing_and_leaves_nothing(name, engine, docker_client):
    files = {path: text.encode() for path, text in ATTACKS[name].items()}
    mine = {"io.assessor.test": uuid.uuid4().hex}     # other suites may be grading at the same time
    result = grade(CHALLENGE, files, "java", engine, labels=mine)

    assert result.verdict == "failed", (result.verdict, result.message, [t.message for t in result.tests])
    assert result.score == 0 and {t.outcome for t in result.tests} <= {"failed", "error"}
    assert leaked(result) == [], [t.message for t in result.tests]
    labels = [LABEL, f"io.assessor.test={mine['io.assessor.test']}"]
    assert docker_client.containers.list(all=True, filters={"label": labels}) == []

    follow_up = grade(CHALLENGE, REFERENCE, "java", engine)
    assert (follow_up.verdict, follow_up.score) == ("passed", 7)


def test_what_the_reflection_attack_was_told(engine, docker_client):
    files = {"Solution.java": ATTACKS["reflection_into_the_launcher_and_junit"]["Solution.java"].encode()}
    told = grade(CHALLENGE, files, "java", engine).tests[0].message
    assert 'assessor.junit.Report: denied (AccessControlException)' in told
    assert "Unsafe: denied (AccessControlException)" in told
    assert "launcher main again: denied (InvocationTargetException)" in told        # it runs once
    assert "security manager off: denied (AccessControlException)" in told
    assert "fd 1: denied (AccessControlException)" in told
    assert "/proc/self/fd/1: denied (AccessControlException)" in told


PAIRS_TEST = """import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairsTest {
    @Test
    void example() {
        assertEquals(List.of(List.of(1, 4), List.of(2, 3)), Solution.pairs(new int[] {1, 2, 3, 4}, 5));
    }

    @Test
    void none() {
        assertEquals(List.of(), Solution.pairs(new int[] {1, 2}, 10));
    }
}
"""
PAIRS_SOLUTION = """import java.util.ArrayList;
import java.util.List;

public class Solution {
    public static List<List<Integer>> pairs(int[] numbers, int target) {
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++)
            for (int j = i + 1; j < numbers.length; j++)
                if (numbers[i] + numbers[j] == target) pairs.add(List.of(numbers[i], numbers[j]));
        return pairs;
    }
}
"""
ALWAYS_EQUAL = """import java.util.AbstractList;
import java.util.List;

public class Solution {
    /** Equal to anything, as an answer and as each of its elements. */
    static class Liar extends AbstractList<Object> {
        @Override public boolean equals(Object other) { return true; }
        @Override public int hashCode() { return 0; }
        @Override public Object get(int index) { return new Liar(); }
        @Override public int size() { return 2; }
        @Override public String toString() { return "[1, 4]"; }
    }

    @SuppressWarnings("unchecked")
    public static List<List<Integer>> pairs(int[] numbers, int target) {
        return (List<List<Integer>>) (List<?>) new Liar();
    }
}
"""


def test_an_answer_that_equals_everything_earns_nothing(engine, docker_client, tmp_path):
    folder = tmp_path / "list-pairs"
    (folder / "tests" / "hidden").mkdir(parents=True)
    for kind, text in (("starter", ALWAYS_EQUAL), ("solution", PAIRS_SOLUTION)):
        (folder / kind / "java").mkdir(parents=True)
        (folder / kind / "java" / "Solution.java").write_text(text)
    (folder / "tests" / "hidden" / "PairsTest.java").write_text(PAIRS_TEST)
    (folder / "statement.md").write_text("List the pairs of values that sum to the target.\n")
    (folder / "challenge.toml").write_text('slug = "list-pairs"\ntitle = "List pairs"\nkind = "unit"\n'
                                           'difficulty = "easy"\nskills = ["algorithms"]\nlanguages = ["java"]\n'
                                           'time_limit_s = 5\nmemory_mb = 128\n')
    challenge = library.load(folder)

    reference = grade(challenge, challenge.solution("java"), "java", engine)
    assert (reference.verdict, reference.score) == ("passed", 2)
    forged = grade(challenge, challenge.starter("java"), "java", engine)
    assert (forged.verdict, forged.score) == ("failed", 0)
    assert {t.outcome for t in forged.tests} == {"failed"}
    shutil.rmtree(folder)
