"""Trusted harness for `http` challenges: starts the candidate's service, then runs the tests against it.

Process model (inside one throwaway container, whose only network is loopback):

    harness (this file, uid 0 with only SETUID/SETGID/KILL)    pytest, the tests, the report
       │  HTTP on 127.0.0.1:8080                                 — only responses cross, as data
       └─ the candidate's service (uid 10001, no capabilities)   env PORT=8080 HOST=127.0.0.1

The service is built once (compile_error on failure), started, and must accept connections within
STARTUP_S (and the run's time limit); otherwise no test runs and the report says why, with the
service's output. The tests are pytest files that take the `service` fixture (service_client.py).
Each test has its own time limit: a request not answered in time fails that test with `timeout`
and the service is stopped. A service that stopped (it exited, crashed or timed out) is started
again before the next test, so whatever it kept in memory is lost: tests create the data they need.

The tests and the report are out of the candidate's reach (root-only files, another user); the
service can only answer requests, and a test reads those answers as data.

Input and output as in run_pytest.py: a tar on stdin, a JSON-lines report on stdout.

    {"event": "compile_error", "file": "solution.py", "line": null, "message": "..."}
    {"event": "start"}
    {"event": "collect_error", "nodeid": "", "message": "the service ... Its output: ..."}
    {"event": "test", "nodeid": "test_hidden.py::test_create", "outcome": "passed", ...}
    {"event": "memory_limit"}
    {"event": "end", "exit_code": 0}
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from program import Program  # noqa: E402
from run_pytest import MESSAGE_CHARS, Reporter, kill_candidate_processes, main, oom_kills, unpack_inputs  # noqa: E402
from service_client import ServiceClient, exchange  # noqa: E402

HOST, PORT = "127.0.0.1", 8080
BASE_URL = f"http://{HOST}:{PORT}"
STARTUP_S = 10.0              # longest wait for the service to accept connections
TAIL_CHARS = 600              # of the service's output, quoted when it fails to start


# Named like the unit harness's: the reporter tells a test's outcome by these names.
class CandidateTimeout(Exception):
    """The service did not answer within the test's time limit."""


class CandidateCrashed(Exception):
    """The service stopped, or broke a connection, while a test was using it."""


class ServiceLog:
    """The service's stdout and stderr; the last `cap` bytes are kept (a service may log every request)."""

    def __init__(self, cap):
        self.cap, self.total = cap, 0
        self.data = bytearray()
        self._lock = threading.Lock()

    def drain(self, stream):
        """Read a stream to its end."""
        with stream:
            for chunk in iter(lambda: os.read(stream.fileno(), 65536), b""):
                with self._lock:
                    self.total += len(chunk)
                    self.data += chunk
                    del self.data[:max(len(self.data) - self.cap, 0)]

    def mark(self):
        """A position in the log, for since()."""
        with self._lock:
            return self.total

    def since(self, mark):
        """What was logged after a mark (as much of it as is kept)."""
        with self._lock:
            kept = min(self.total - mark, len(self.data))
            return bytes(self.data[len(self.data) - kept:]).decode("utf-8", "replace")

    def tail(self, chars=TAIL_CHARS):
        """The last lines of the log, for a message."""
        text = self.since(0).strip()
        return text if len(text) <= chars else "..." + text[-chars:]


class Service:
    """Starts, watches, calls, restarts and stops the candidate's service."""

    def __init__(self, program, settings, report):
        self.program, self.settings, self.report = program, settings, report
        # A service's prints are its log: unbuffered, they are there even when it is killed (Python
        # reads PYTHONUNBUFFERED; other languages ignore it).
        program.env.update(PORT=str(PORT), HOST=HOST, PYTHONUNBUFFERED="1")
        self.output = ServiceLog(int(settings["output_bytes"]))
        self.process = None
        self.deadline = None              # of the current test, set by the reporter
        self._oom_baseline = oom_kills()

    def start(self, deadline):
        """Start the service and wait until it accepts connections: why it did not, or ''."""
        self.stop()
        started = time.monotonic()
        self.process = self.program.launch(stdin=subprocess.DEVNULL)
        threading.Thread(target=self.output.drain, args=(self.process.stdout,), daemon=True).start()
        while True:
            if self.process.poll() is not None:
                return f"the service {self._ended()} before listening on port {PORT}"
            try:
                socket.create_connection((HOST, PORT), timeout=0.5).close()
                return ""
            except OSError:
                pass
            if time.monotonic() >= deadline:
                return f"the service did not listen on port {PORT} within {time.monotonic() - started:.0f} s"
            time.sleep(0.02)

    def explain(self, failure):
        """A message for a service that failed to start, quoting its output."""
        tail = self.output.tail()
        return (f"{failure}. It must listen on the port named by the PORT environment variable ({PORT}). "
                + (f"Its output:\n{tail}" if tail else "It printed nothing."))

    def ensure(self):
        """Start the service again if it stopped since the last test (what it kept in memory is lost)."""
        if self.process is not None and self.process.poll() is None:
            return
        failure = self.start(self.deadline or time.monotonic() + STARTUP_S)
        if failure:
            raise CandidateCrashed(f"the service stopped and could not be started again: {self.explain(failure)}")

    def call(self, method, path, body, headers):
        """Send one request within the current test's time left; failures become the test's outcome."""
        timeout = float(self.settings["test_timeout_s"])
        if self.deadline is not None:
            timeout = max(self.deadline - time.monotonic(), 0.001)
        try:
            return exchange(HOST, PORT, method, path, body, headers, timeout)
        except TimeoutError:
            # A service stuck in a handler would hang every later test too: it starts afresh instead.
            self.stop()
            raise CandidateTimeout(f"time limit exceeded: the service did not answer {method} {path} in time") from None
        except (OSError, http.client.HTTPException) as error:
            raise CandidateCrashed(self._why_failed(method, path, error)) from None

    def _why_failed(self, method, path, error):
        try:
            self.process.wait(timeout=0.2)      # the connection breaks a moment before the process is gone
        except subprocess.TimeoutExpired:
            return f"the service broke the connection without answering {method} {path} ({error})"
        return f"the service {self._ended()} while answering {method} {path}; it is started again for the next test"

    def _ended(self):
        code = self.process.returncode
        if code == -signal.SIGKILL and (oom_kills() or 0) > (self._oom_baseline or 0):
            self._oom_baseline = oom_kills()
            self.report.emit(event="memory_limit")
            return "was killed at the memory limit"
        if code < 0:
            return f"was killed by signal {signal.Signals(-code).name}"
        return f"exited (status {code})"

    def stop(self):
        """Kill every process of the candidate's user."""
        kill_candidate_processes(self.process)


class HttpReporter(Reporter):
    """The unit harness's reporter; each test's deadline bounds its requests to the service."""

    def __init__(self, report, service, settings, run_deadline):
        super().__init__(report, service, settings)
        self.run_deadline = run_deadline     # the service's start-up was charged to it already

    def pytest_runtest_setup(self, item):
        if time.monotonic() >= self.run_deadline:
            raise CandidateTimeout("not run: the time limit of the whole run was reached")
        super().pytest_runtest_setup(item)


class FixturePlugin:
    """A pytest plugin made of fixtures (hashable, as pytest's plugin manager needs)."""

    def __init__(self, **fixtures):
        self.__dict__.update(fixtures)


def import_pytest():
    """pytest, which every runner image offering `http` must install (Debian's python3-pytest)."""
    try:
        import pytest
    except ImportError:
        raise RuntimeError("this runner image has no pytest: http challenges need python3-pytest in it") from None
    return pytest


def run_tests(pytest, tests, service, reporter):
    """pytest on the tests folder, in this process, with the `service` fixture; pytest's exit code."""

    @pytest.fixture(name="service")
    def service_fixture():
        """The candidate's service, started again if it stopped, as a client bound to its address."""
        service.ensure()
        return ServiceClient(service.call, BASE_URL)

    fixtures = FixturePlugin(service=service_fixture)
    os.chdir(tests)
    # Plugins that only print or write files are off: the report is ours, and start-up is faster.
    quiet = [arg for name in ("terminal", "cacheprovider", "stepwise", "doctest", "pastebin", "junitxml", "nose")
             for arg in ("-p", f"no:{name}")]
    return int(pytest.main([tests, "--rootdir", tests, *quiet, "-o", "python_files=test_*.py *_test.py"],
                           plugins=[reporter, fixtures]))


def run(report):
    """Unpack, build the service, start it, run the tests against it."""
    pytest = import_pytest()
    tests, settings = unpack_inputs()
    program = Program(settings)
    error = program.missing_entry() or program.build()
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    run_deadline = time.monotonic() + float(settings["time_limit_s"])
    service = Service(program, settings, report)
    try:
        failure = service.start(min(time.monotonic() + STARTUP_S, run_deadline))
        if failure:
            report.emit(event="collect_error", nodeid="", message=service.explain(failure)[-MESSAGE_CHARS:])
            exit_code = 1
        else:
            exit_code = run_tests(pytest, tests, service, HttpReporter(report, service, settings, run_deadline))
    finally:
        service.stop()
    report.emit(event="end", exit_code=exit_code)
    return 0


if __name__ == "__main__":
    sys.exit(main(run))
