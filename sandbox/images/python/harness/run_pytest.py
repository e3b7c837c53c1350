"""Harness inside the Python runner image: runs a challenge's pytest tests against a submission.

It reads a tar of `submission/` and `tests/` on stdin, unpacks it under /tmp/run, and writes a
JSON-lines report on stdout, one event per line, flushed as it goes so that the tests that finished
before a timeout or a crash keep their results. Anything else printed goes to stderr.

    {"event": "compile_error", "file": "solution.py", "line": 3, "message": "..."}
    {"event": "start"}
    {"event": "collect_error", "nodeid": "test_hidden.py", "message": "..."}
    {"event": "test", "nodeid": "test_hidden.py::test_empty", "outcome": "passed",
     "message": "", "output": "", "duration_ms": 3}
    {"event": "end", "exit_code": 0}
    {"event": "harness_error", "message": "..."}     the harness itself failed: our fault

The grader outside the container decides what the events are worth; this file only reports.
"""

import json
import os
import sys
import tarfile

WORK = "/tmp/run"

MESSAGE_CHARS = 2000
OUTPUT_CHARS = 2000


class Report:
    """Append-only JSON-lines writer on a private copy of stdout; fd 1 itself then points at stderr."""

    def __init__(self):
        private = os.dup(1)
        os.dup2(2, 1)
        self._handle = os.fdopen(private, "w", encoding="utf-8")

    def emit(self, **event):
        self._handle.write(json.dumps(event) + "\n")
        self._handle.flush()


def compile_errors(submission):
    """The first syntax error in the submission's Python files, as an event, or None."""
    for folder, _dirs, names in sorted(os.walk(submission)):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                source = handle.read()
            try:
                compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError) as error:
                relative = os.path.relpath(path, submission)
                line = getattr(error, "lineno", None)
                detail = getattr(error, "msg", str(error))
                return {"file": relative, "line": line,
                        "message": f"{relative}, line {line}: {type(error).__name__}: {detail}"}
    return None


class Reporter:
    """pytest plugin that turns test reports into report events."""

    def __init__(self, report):
        self.report = report

    @staticmethod
    def pytest_addoption(parser):
        # Options the (disabled) terminal plugin would own; assertion messages and tracebacks read them.
        group = parser.getgroup("assessor")
        group.addoption("--verbose", action="count", dest="verbose", default=0)
        group.addoption("--tb", dest="tbstyle", default="short")
        group.addoption("--showlocals", action="store_true", dest="showlocals", default=False)
        group.addoption("--fulltrace", action="store_true", dest="fulltrace", default=False)

    def pytest_collectreport(self, report):
        if report.failed:
            self.report.emit(event="collect_error", nodeid=report.nodeid,
                             message=str(report.longrepr)[-MESSAGE_CHARS:])

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.report.emit(
                event="test", nodeid=report.nodeid, outcome=self._outcome(report),
                phase=report.when, message=self._message(report),
                output=(report.capstdout + report.capstderr)[:OUTPUT_CHARS],
                duration_ms=round(report.duration * 1000),
            )

    @staticmethod
    def _outcome(report):
        if report.skipped:
            return "skipped"
        if report.passed:
            return "passed"
        if report.when != "call":
            return "error"
        crash = getattr(report.longrepr, "reprcrash", None)
        message = getattr(crash, "message", "") or ""
        # An assertion that does not hold is a failure; any other exception is an error.
        return "failed" if message.startswith(("assert", "AssertionError", "Failed")) else "error"

    @staticmethod
    def _message(report):
        if report.passed:
            return ""
        crash = getattr(report.longrepr, "reprcrash", None)
        if crash is not None and report.when == "call":
            return str(crash.message)[:MESSAGE_CHARS]
        return str(report.longrepr)[-MESSAGE_CHARS:]


def unpack_inputs():
    """Unpack the tar on stdin into WORK; return the submission and tests folders."""
    # The tar is built by the trusted grader; the "data" filter still refuses anything odd where
    # this Python has it (Debian bookworm's 3.11.2 predates it).
    options = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(fileobj=sys.stdin.buffer, mode="r|") as tar:
        tar.extractall(WORK, **options)
    return os.path.join(WORK, "submission"), os.path.join(WORK, "tests")


def main():
    report = Report()
    try:
        return run(report)
    except Exception:
        import traceback

        report.emit(event="harness_error", message=traceback.format_exc()[-MESSAGE_CHARS:])
        return 3


def run(report):
    """Unpack, check that the code compiles, run the tests; every step reports."""
    submission, tests = unpack_inputs()
    error = compile_errors(submission)
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    sys.path.insert(0, submission)
    import pytest

    os.chdir(tests)
    # Plugins that only print or write files are off: the report is ours, and start-up is faster.
    quiet = [arg for name in ("terminal", "cacheprovider", "stepwise", "doctest", "pastebin", "junitxml", "nose")
             for arg in ("-p", f"no:{name}")]
    exit_code = pytest.main([tests, "--rootdir", tests, *quiet, "-o", "python_files=test_*.py *_test.py"],
                            plugins=[Reporter(report)])
    report.emit(event="end", exit_code=int(exit_code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
