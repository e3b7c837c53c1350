"""Trusted harness for Java `unit` challenges: JUnit 5 tests call the candidate's classes.

Process model (inside one throwaway container):

    harness (this file, uid 0 with only SETUID/SETGID/KILL)    compiles, watches the clock, reports
       │  stdin: the run's token + the tests' compiled classes    (test files stay root-only)
       │  fd 1:  report lines, JSON, each with the token          fd 2: the candidate's output
       └─ test JVM (uid 10001): launcher, JUnit, the tests and the candidate's classes

Java tests are compiled against the candidate's classes and call them directly, so both live in
one JVM (a process split like Python's would need generated proxies for every class the tests
touch). The JVM is hardened instead: the candidate's classes get a loader and a protection domain
of their own under a security manager (sandbox/images/java/launcher), and the report leaves on a
channel they cannot reach, signed with a token they cannot read. This harness trusts a line only
if it carries the token and names the test that is running, and keeps the clock itself: a test
that overruns its time is a timeout, the JVM is killed and restarted for the tests left.

Input: a tar on stdin with `submission/` (.java sources), `tests/` (JUnit 5 test classes, ids
`File.java::method`) and `run.json`. Output: the same JSON-lines events as run_pytest.py:
compile_error, start, collect_error, test, output_limit, memory_limit, end, harness_error.
"""

import json
import os
import queue
import secrets
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from junit_build import (CANDIDATE_CLASSES, FAST_JVM, JAVA_DIR, compile_candidate, compile_tests,  # noqa: E402
                         junit_classpath, test_class_frames, test_methods)
from run_pytest import (CANDIDATE_UID, MESSAGE_CHARS, OUTPUT_CHARS, Output, kill_candidate_processes,  # noqa: E402
                        main, oom_kills, unpack_inputs)

WORK = "/tmp/work"               # the candidate's scratch folder and HOME
STARTUP_S = 5.0                  # the JVM's start, before the first test's clock runs
JVM = ("java", *FAST_JVM, f"-XX:SharedArchiveFile={JAVA_DIR}/junit.jsa", "-XX:MaxRAMPercentage=50", "-Xss32m",
       "-XX:+ExitOnOutOfMemoryError", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Djava.security.manager=allow")
# What the JDK prints on the JVM's stderr when the launcher installs its security manager.
SECURITY_MANAGER_WARNING = ("WARNING: A terminally deprecated method in java.lang.System",
                            "WARNING: System::setSecurityManager", "WARNING: Please consider reporting this")


class TestJvm:
    """One run of the test JVM over some tests; reports what it says and notes what it finished."""

    def __init__(self, report, output, settings, run_deadline):
        self.report, self.output, self.settings, self.run_deadline = report, output, settings, run_deadline
        self.per_test_s = float(settings["test_timeout_s"])
        self.token = secrets.token_hex(16)
        self.finished = set()
        self.reported_any = False

    def run(self, pending):
        """Run the pending (class, method, id) tests; returns the ids that need no further run."""
        process, lines = self._start(pending)
        wanted = {test_id for _cls, _method, test_id in pending}
        current, mark = None, 0
        deadline = min(self.run_deadline, time.monotonic() + STARTUP_S + self.per_test_s)
        try:
            while True:
                try:
                    line = lines.get(timeout=max(deadline - time.monotonic(), 0.001))
                except queue.Empty:
                    self._stop(current or self._next(pending), "timeout", self._too_slow(), mark)
                    return self.finished
                if line is None:
                    return self._ended(process, pending, current, mark)
                event = self._trusted(line)
                if event is None:
                    continue
                if event.get("done"):
                    return wanted
                if event.get("begin") in wanted and current is None:
                    current, mark = event["begin"], self.output.mark()
                    deadline = min(self.run_deadline, time.monotonic() + self.per_test_s)
                elif event.get("result") in wanted and current in (None, event["result"]):
                    self._test(event["result"], str(event.get("outcome")), str(event.get("message", "")), mark,
                               event.get("duration_ms", 0))
                    current = None
                    deadline = min(self.run_deadline, time.monotonic() + self.per_test_s)
        finally:
            kill_candidate_processes(process)

    def _start(self, pending):
        report_r, report_w = os.pipe()
        output_r, output_w = os.pipe()
        argv = [*JVM, "-cp", f"{JAVA_DIR}/launcher.jar:{junit_classpath()}", "assessor.junit.Launcher",
                CANDIDATE_CLASSES, *(word for test in pending for word in test)]
        env = {"PATH": "/usr/bin:/bin", "HOME": WORK, "TMPDIR": WORK, "LANG": "C.UTF-8"}
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=report_w, stderr=output_w, user=CANDIDATE_UID,
                                   group=CANDIDATE_UID, extra_groups=[], start_new_session=True, umask=0o077,
                                   cwd=WORK, env=env, close_fds=True)
        for fd in (report_w, output_w):
            os.close(fd)
        threading.Thread(target=self.output.drain, args=(output_r,), daemon=True).start()
        threading.Thread(target=_feed, args=(process.stdin, test_class_frames(self.token)), daemon=True).start()
        lines = queue.Queue()
        threading.Thread(target=_read_lines, args=(report_r, lines), daemon=True).start()
        return process, lines

    def _trusted(self, line):
        """A report line as a dict when it carries this run's token, else None (not the launcher's)."""
        try:
            event = json.loads(line)
        except ValueError:
            return None
        if not isinstance(event, dict) or event.pop("token", None) != self.token:
            return None
        return event

    def _test(self, test_id, outcome, message, mark, duration_ms=0):
        if outcome not in ("passed", "failed", "error", "timeout", "skipped"):
            outcome = "error"
        self.report.emit(event="test", nodeid=test_id, outcome=outcome, message=message[:MESSAGE_CHARS],
                         output=self.output.since(mark)[:OUTPUT_CHARS],
                         duration_ms=duration_ms if isinstance(duration_ms, int) else 0)
        self.finished.add(test_id)
        self.reported_any = True

    def _stop(self, test_id, outcome, message, mark):
        kill_candidate_processes()
        if test_id is not None:
            self._test(test_id, outcome, message, mark)

    def _too_slow(self):
        if time.monotonic() >= self.run_deadline:
            return "time limit exceeded: the time limit of the whole run was reached"
        return f"time limit exceeded: the test did not finish within {self.per_test_s:g} s"

    def _ended(self, process, pending, current, mark):
        """The JVM ended before saying it was done: the running test (or all, if none ran) gets why."""
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            kill_candidate_processes(process)
            code = process.returncode
        why = self._why_ended(code)
        if current is not None or self.reported_any:
            self._stop(current or self._next(pending), "error", why, mark)
            return self.finished
        for _cls, _method, test_id in pending:
            self._test(test_id, "error", why, mark)
        return self.finished

    def _why_ended(self, code):
        if self.output.overflowed:
            return "stopped: the code printed more output than allowed"
        if code == -signal.SIGKILL and (oom_kills() or 0) > (self.settings.get("oom_baseline") or 0):
            self.report.emit(event="memory_limit")
            return "killed: memory limit exceeded"
        if code == 3:     # -XX:+ExitOnOutOfMemoryError (the candidate's code may not exit by itself)
            return "out of memory: java.lang.OutOfMemoryError (the heap is half the memory limit)"
        tail = "".join(line for line in self.output.since(0).splitlines(keepends=True)
                       if not line.startswith(SECURITY_MANAGER_WARNING))[-MESSAGE_CHARS // 2:]
        return f"the test JVM ended unexpectedly (exit status {code})" + (f": {tail}" if tail else "")

    def _next(self, pending):
        return next((test_id for _c, _m, test_id in pending if test_id not in self.finished), None)


def _feed(stdin, data):
    try:
        stdin.write(data)
        stdin.close()
    except OSError:
        pass        # the JVM is gone already; its end is reported through the report pipe


def _read_lines(fd, lines):
    with os.fdopen(fd, "rb") as stream:
        for line in stream:
            lines.put(line)
    lines.put(None)


def run_tests(report, tests, settings):
    """Run every test, restarting the JVM after a timeout or a crash, within the run's time limit."""
    output = Output(int(settings["output_bytes"]), lambda: (report.emit(event="output_limit"),
                                                           kill_candidate_processes()))
    settings = {**settings, "oom_baseline": oom_kills()}
    run_deadline = time.monotonic() + float(settings["time_limit_s"])
    pending = list(tests)
    while pending:
        if time.monotonic() >= run_deadline or output.overflowed:
            reason = ("stopped: the code printed more output than allowed" if output.overflowed
                      else "not run: the time limit of the whole run was reached")
            for _cls, _method, test_id in pending:
                report.emit(event="test", nodeid=test_id, outcome="error" if output.overflowed else "timeout",
                            message=reason, output="", duration_ms=0)
            return
        finished = TestJvm(report, output, settings, run_deadline).run(pending)
        pending = [test for test in pending if test[2] not in finished]


def run(report):
    """Unpack, compile the candidate's code and the tests, run the tests in the test JVM."""
    tests_dir, settings = unpack_inputs()
    os.makedirs(WORK, exist_ok=True)
    os.chmod(WORK, 0o1777)       # like /tmp: the harness may not chown (no CAP_CHOWN)
    compile_s = float(settings.get("compile_timeout_s") or 30.0)
    error = compile_candidate(compile_s)
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    broken = compile_tests(tests_dir, compile_s)
    for test_file, message in sorted(broken.items()):
        report.emit(event="collect_error", nodeid=test_file,
                    message=f"the tests in {test_file} do not compile against this code:\n{message}")
    runnable = [test for test in test_methods(tests_dir) if test[2].split("::")[0] not in broken]
    run_tests(report, runnable, settings)
    report.emit(event="end", exit_code=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(run))
