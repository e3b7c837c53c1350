"""Compiling for the Java unit harness: the candidate's sources (as the candidate), then the tests.

The candidate's sources are compiled by the candidate's user (a compiler fed hostile source is
untrusted work), with annotation processing off so that compiling runs none of the candidate's code.
The tests are compiled by the harness into its root-only folder, against the candidate's classes;
a test file that does not compile against them (a missing method, a wrong signature) becomes a
`collect_error` for that file, with javac's diagnostics but without the tests' source lines.
"""

import os
import re
import shutil
import subprocess

from run_pytest import CANDIDATE_UID, MESSAGE_CHARS, PRIVATE, SUBMISSION, kill_candidate_processes

JAVA_DIR = "/opt/assessor/java"
BUILD = "/tmp/build"                              # the candidate's compiler writes here
CANDIDATE_CLASSES = f"{BUILD}/classes"
TEST_CLASSES = f"{PRIVATE}/classes"               # root-only, like the tests' sources
# Start-up flags shared by every JVM of a grading: one CPU's worth of fast start, no hsperfdata file.
FAST_JVM = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto")
JAVAC = ("javac", *(f"-J{flag}" for flag in FAST_JVM), f"-J-XX:SharedArchiveFile={JAVA_DIR}/javac.jsa",
         "-J-XX:MaxRAMPercentage=60", "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-Xmaxerrs", "20",
         "-nowarn", "-Xlint:none")
_DIAGNOSTIC = re.compile(r"^(?P<file>[^\s:][^:]*\.java):(?P<line>\d+): error: ")
# The same pattern as assessor/kinds/unit.py's (the grader's expected ids must be the ones run here).
_METHOD = re.compile(r"@(?:Test|ParameterizedTest|RepeatedTest)\b(?:\s*\((?:[^()]|\([^()]*\))*\))?\s+"
                     r"(?:(?:public|protected|private|static|final|synchronized)\s+|"
                     r"@[\w.]+(?:\s*\((?:[^()]|\([^()]*\))*\))?\s+)*void\s+(\w+)\s*\(")
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_PACKAGE = re.compile(r"^\s*package\s+([\w.]+)\s*;", re.M)


def junit_classpath():
    """The JUnit jars of the runner image (the CDS archive of the test JVM was made with them)."""
    with open(f"{JAVA_DIR}/junit.classpath") as handle:
        return handle.read().strip()


def java_sources(folder):
    """Every .java file under a folder, sorted."""
    return sorted(os.path.join(root, name) for root, _dirs, names in os.walk(folder)
                  for name in names if name.endswith(".java"))


def test_methods(folder):
    """(class name, method, test id) of every @Test method under a folder; ids are `File.java::method`."""
    found = []
    for path in java_sources(folder):
        with open(path, encoding="utf-8", errors="replace") as handle:
            source = _COMMENT.sub(" ", handle.read())
        relative = os.path.relpath(path, folder)
        package = _PACKAGE.search(source)
        class_name = (package.group(1) + "." if package else "") + os.path.basename(path)[:-5]
        found += [(class_name, method, f"{relative}::{method}") for method in _METHOD.findall(source)]
    return found


def compile_candidate(timeout_s):
    """Compile the submission as the candidate's user; a compile_error event's fields, or None."""
    sources = java_sources(SUBMISSION)
    if not sources:
        return {"file": None, "line": None, "message": "no .java file was submitted"}
    for folder in (BUILD, CANDIDATE_CLASSES):
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o1777)      # like /tmp: the harness may not chown (no CAP_CHOWN)
    env = {"PATH": "/usr/bin:/bin", "HOME": BUILD, "LANG": "C.UTF-8"}
    # umask 022: the harness (root without CAP_DAC_OVERRIDE) must read the classes to compile the tests.
    process = subprocess.Popen([*JAVAC, "-d", CANDIDATE_CLASSES, "-cp", CANDIDATE_CLASSES, *sources],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               user=CANDIDATE_UID, group=CANDIDATE_UID, extra_groups=[], start_new_session=True,
                               umask=0o022, cwd=BUILD, env=env, close_fds=True)
    try:
        output, _ = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        kill_candidate_processes(process)
        return {"file": None, "line": None, "message": f"compiling took longer than {timeout_s:g} s"}
    finally:
        kill_candidate_processes()
    if process.returncode == 0:
        return None
    text = output.decode("utf-8", "replace").replace(SUBMISSION + "/", "")
    first = next((m for m in map(_DIAGNOSTIC.match, text.splitlines()) if m), None)
    return {"file": first["file"] if first else None, "line": int(first["line"]) if first else None,
            "message": text[:MESSAGE_CHARS] or "the compiler failed"}


def compile_tests(tests, timeout_s):
    """Compile the tests against the candidate's classes; returns {test file: diagnostics} of those that failed."""
    sources = java_sources(tests)
    if not sources or _javac_tests(tests, sources, timeout_s)[0]:
        return {}
    # Something does not compile: find which test files do, each with the helpers (files without tests).
    shutil.rmtree(TEST_CLASSES, ignore_errors=True)
    with_tests = {path for path in sources if _METHOD.search(_read(path))}
    helpers = [path for path in sources if path not in with_tests]
    failed = {}
    for path in sorted(with_tests):
        ok, message = _javac_tests(tests, [path, *helpers], timeout_s)
        if not ok:
            failed[os.path.relpath(path, tests)] = message
    return failed


def _javac_tests(tests, sources, timeout_s):
    # JUnit first: a class of the candidate's named like one of JUnit's must not stand in for it.
    classpath = f"{junit_classpath()}:{CANDIDATE_CLASSES}"
    try:
        result = subprocess.run([*JAVAC, "-d", TEST_CLASSES, "-cp", classpath, *sources], stdin=subprocess.DEVNULL,
                                capture_output=True, cwd=PRIVATE, timeout=timeout_s,
                                env={"PATH": "/usr/bin:/bin", "HOME": PRIVATE, "LANG": "C.UTF-8"})
    except subprocess.TimeoutExpired:
        return False, f"compiling the tests took longer than {timeout_s:g} s"
    return result.returncode == 0, _without_source(result.stdout + result.stderr, tests)


def _without_source(output, tests):
    """javac's diagnostics without the echoed source lines and carets (the tests stay unseen)."""
    kept = []
    for line in output.decode("utf-8", "replace").replace(tests + "/", "").splitlines():
        stripped = line.strip()
        if _DIAGNOSTIC.match(line) or stripped.startswith(("symbol:", "location:", "required:", "found:", "reason:")):
            kept.append(stripped)
    return "\n".join(kept)[:MESSAGE_CHARS] or "the tests do not compile against this code"


def _read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return _COMMENT.sub(" ", handle.read())


def test_class_frames(token):
    """stdin of the test JVM: the run's token, then each compiled test class as (name, length, bytes)."""
    frames = [_utf(token)]
    for root, _dirs, names in os.walk(TEST_CLASSES):
        for name in sorted(names):
            if name.endswith(".class"):
                path = os.path.join(root, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                class_name = os.path.relpath(path, TEST_CLASSES)[:-6].replace("/", ".")
                frames.append(_utf(class_name) + len(data).to_bytes(4, "big") + data)
    return b"".join(frames)


def _utf(text):
    data = text.encode("utf-8")
    return len(data).to_bytes(2, "big") + data
