"""Trusted harness of the Python runner image: runs a challenge's pytest tests against a submission.

Process model (inside one throwaway container):

    harness (this file, uid 0 with only SETUID/SETGID/KILL)   pytest, the tests, the report
       │  fds: wire requests ⇄ answers (length-prefixed JSON)    — only data crosses
       └─ candidate process (uid 10001, no capabilities)        imports and runs the submission

The tests import the submission as usual (`from solution import balance`), but what they get are
proxies: every call runs in the candidate's process and only values come back (see wire.py). The
tests, their expected values and this report are out of the candidate's reach (another user, mode
0700, another process). A crash, a timeout or a memory blow-up in the candidate ends that one
test; the candidate's process is restarted for the next.

Input: a tar on stdin with `submission/`, `tests/` and `run.json` (limits). Output: a JSON-lines
report on stdout, one event per line, flushed as it goes:

    {"event": "compile_error", "file": "solution.py", "line": 3, "message": "..."}
    {"event": "start"}
    {"event": "collect_error", "nodeid": "test_hidden.py", "message": "..."}
    {"event": "test", "nodeid": "test_hidden.py::test_empty", "outcome": "passed",
     "message": "", "output": "", "duration_ms": 3}
    {"event": "output_limit"} / {"event": "memory_limit"}
    {"event": "end", "exit_code": 0}
    {"event": "harness_error", "message": "..."}     the harness itself failed: our fault
"""

import importlib.abc
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from assessor_testing import is_writable  # noqa: E402
from wire import CallTimeout, Codec, Peer, PeerGone, WireError, apply  # noqa: E402

PRIVATE = "/tmp/harness"          # root-only: tests and settings
SUBMISSION = "/tmp/submission"    # readable by the candidate, writable by nobody but root
CANDIDATE_UID = 10001
MESSAGE_CHARS = 2000
OUTPUT_CHARS = 2000
DEFAULTS = {"time_limit_s": 10.0, "test_timeout_s": 5.0, "output_bytes": 64 * 1024,
            "message_bytes": 32 * 1024 * 1024, "nproc": 64}


class CandidateTimeout(Exception):
    """The candidate's code did not answer within the test's time limit."""


class CandidateCrashed(Exception):
    """The candidate's process ended while a test was using it."""


class Report:
    """Append-only JSON-lines writer on stdout (the candidate has no way to reach it)."""

    def __init__(self):
        self._handle = os.fdopen(os.dup(1), "w", encoding="utf-8")
        self._lock = threading.Lock()

    def emit(self, **event):
        with self._lock:
            self._handle.write(json.dumps(event) + "\n")
            self._handle.flush()


# ---------------------------------------------------------------- inputs


def unpack_inputs():
    """Unpack the tar on stdin: tests and settings stay root-only, the submission becomes read-only."""
    os.umask(0o077)
    os.makedirs(PRIVATE, mode=0o700)
    options = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(fileobj=sys.stdin.buffer, mode="r|") as tar:
        tar.extractall(PRIVATE, **options)
    shutil.move(os.path.join(PRIVATE, "submission"), SUBMISSION)
    for folder, dirs, files in os.walk(SUBMISSION):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    settings = dict(DEFAULTS)
    path = os.path.join(PRIVATE, "run.json")
    if os.path.exists(path):
        with open(path) as handle:
            settings.update(json.load(handle))
    return os.path.join(PRIVATE, "tests"), settings


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


def module_names(submission):
    """Top-level modules and packages of the submission."""
    names = set()
    for entry in os.listdir(submission):
        path = os.path.join(submission, entry)
        if entry.endswith(".py") and os.path.isfile(path):
            names.add(entry[:-3])
        elif os.path.isfile(os.path.join(path, "__init__.py")):
            names.add(entry)
    return names


# ---------------------------------------------------------------- the candidate's process


class Output:
    """The candidate's stdout and stderr, kept up to a cap; more than that ends the run."""

    def __init__(self, cap, on_overflow):
        self.cap, self.on_overflow = cap, on_overflow
        self.data = bytearray()
        self.overflowed = False
        self._lock = threading.Lock()

    def drain(self, fd):
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while True:
                chunk = stream.read(65536)
                if not chunk:
                    return
                with self._lock:
                    room = self.cap - len(self.data)
                    self.data += chunk[:max(room, 0)]
                    overflow = len(chunk) > room and not self.overflowed
                    if overflow:
                        self.overflowed = True
                if overflow:
                    self.on_overflow()

    def mark(self):
        with self._lock:
            return len(self.data)

    def since(self, mark):
        with self._lock:
            return bytes(self.data[mark:]).decode("utf-8", errors="replace")


class Candidate:
    """Starts, watches, restarts and kills the candidate's process (and everything it spawned)."""

    def __init__(self, settings, modules, report):
        self.settings, self.modules, self.report = settings, modules, report
        self.codec = Codec("h", materialize_iterators=True)
        self.peer = None
        self.process = None
        self.deadline = None              # of the current test
        self.stopped_by_us = None         # why we killed it, if we did
        self.output = Output(int(settings["output_bytes"]), self._output_overflow)
        self.output_limited = False
        self.memory_limited = False
        self._lock = threading.RLock()
        self._oom_baseline = oom_kills()

    def start(self):
        """A fresh candidate process with a new wire."""
        to_candidate_r, to_candidate_w = os.pipe()
        from_candidate_r, from_candidate_w = os.pipe()
        output_r, output_w = os.pipe()
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp/work", "LANG": "C.UTF-8",
               "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
               "ASSESSOR_WIRE": f"{to_candidate_r},{from_candidate_w}",
               "ASSESSOR_NPROC": str(int(self.settings["nproc"])),
               "ASSESSOR_PRELOAD": ",".join(sorted(self.modules)),
               "ASSESSOR_SWITCH_INTERVAL": str((self.settings.get("python") or {}).get("switch_interval_s", ""))}
        self.process = subprocess.Popen(
            [sys.executable, "-B", os.path.join(HERE, "candidate.py")],
            stdin=subprocess.DEVNULL, stdout=output_w, stderr=output_w, pass_fds=(to_candidate_r, from_candidate_w),
            user=CANDIDATE_UID, group=CANDIDATE_UID, extra_groups=[], start_new_session=True, umask=0o077,
            cwd="/tmp", env=env, close_fds=True,
        )
        for fd in (to_candidate_r, from_candidate_w, output_w):
            os.close(fd)
        threading.Thread(target=self.output.drain, args=(output_r,), daemon=True).start()
        self.stopped_by_us = None
        self.peer = Peer(os.fdopen(from_candidate_r, "rb"), os.fdopen(to_candidate_w, "wb"), self.codec,
                         self._answer_callback, max_message=int(self.settings["message_bytes"]),
                         send_marshal=True).start()
        self.codec.peer = self            # proxies route through us, to whichever process is current
        return self.peer

    def ensure(self):
        """The live peer, restarting the candidate's process if it ended."""
        with self._lock:
            if self.peer is None or self.peer.closed or self.process.poll() is not None:
                if self.output_limited:
                    raise CandidateCrashed("stopped: the code printed more output than allowed")
                self.kill_all()
                self.start()
            return self.peer

    def request(self, op, timeout=None, **fields):
        """A request to the candidate's process, bounded by the current test's deadline."""
        peer = self.ensure()
        if timeout is None:
            timeout = float(self.settings["test_timeout_s"])
            if self.deadline is not None:
                timeout = max(self.deadline - time.monotonic(), 0.001)
        try:
            return peer.request(op, timeout=timeout, **fields)
        except CallTimeout:
            self.kill_all("timeout")
            raise CandidateTimeout("time limit exceeded: your code did not return in time") from None
        except PeerGone:
            raise CandidateCrashed(self._why_gone()) from None
        except WireError as error:
            self.kill_all("protocol")
            raise CandidateCrashed(f"your process sent something that is not an answer ({error})") from None

    def _answer_callback(self, peer, message):
        if message.get("op") == "resolve":
            raise PermissionError("not available")
        if message.get("op") == "setattr" and not is_writable(self.codec.decode(message.get("target"))):
            # The tests' objects may count or record how the code used them (`operation.calls`):
            # the code calls them, but never rewrites what they observed, unless a test said so.
            raise AttributeError(f"attribute {str(message.get('name', ''))[:100]!r} of the tests' objects is read-only")
        return apply(self.codec, message, allow_private=False)

    def _why_gone(self):
        process = self.process
        try:
            code = process.wait(timeout=0.2)   # the wire closes a moment before the process is gone
        except subprocess.TimeoutExpired:
            # Alive, but the wire is closed or garbled: the code wrote to or closed the harness's channel.
            self.kill_all("the code broke its connection to the tests")
            code = process.wait()
        if self.stopped_by_us == "output":
            return "stopped: the code printed more output than allowed"
        if self.stopped_by_us:
            return f"stopped ({self.stopped_by_us})"
        if code == -signal.SIGKILL and (oom_kills() or 0) > (self._oom_baseline or 0):
            self.memory_limited = True
            self.report.emit(event="memory_limit")
            return "killed: memory limit exceeded"
        if code is not None and code < 0:
            return f"your process was killed by signal {signal.Signals(-code).name}"
        return f"your process exited (status {code}) before answering"

    def _output_overflow(self):
        self.output_limited = True
        self.report.emit(event="output_limit")
        self.kill_all("output")

    def kill_all(self, reason=None):
        """Kill every process of the candidate's user: forks, daemons and all."""
        if reason and self.stopped_by_us is None:
            self.stopped_by_us = reason
        kill_candidate_processes(self.process)


def kill_candidate_processes(process=None):
    """SIGKILL every process of the candidate's user until none is left; reap our own child."""
    for _ in range(100):
        pids = candidate_pids()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if process is not None:
            process.poll()            # reap our child; orphans are reaped by the init process
        if not pids:
            break
        time.sleep(0.002)
    if process is not None:
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


def candidate_pids():
    """Pids of every live (not zombie) process owned by the candidate's user."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
            if int(fields["Uid"].split()[0]) == CANDIDATE_UID and not fields["State"].strip().startswith("Z"):
                pids.append(int(entry))
        except (OSError, ValueError, KeyError):
            continue
    return pids


def oom_kills():
    """The container's count of OOM kills (cgroup v2 or v1), or None if unknown."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path) as handle:
                for line in handle:
                    if line.startswith("oom_kill "):
                        return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return None


# ---------------------------------------------------------------- imports and pytest


class SubmissionImporter(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Makes `import solution` give a module whose attributes live in the candidate's process."""

    def __init__(self, names, candidate, timeout):
        self.names, self.candidate, self.timeout = names, candidate, timeout

    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in self.names:
            return importlib.util.spec_from_loader(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__name__
        self.candidate.request("resolve", timeout=self.timeout, path=[name])   # raises its import error
        candidate = self.candidate

        def remote_attribute(attribute):
            if attribute.startswith("__"):
                raise AttributeError(attribute)
            return candidate.request("resolve", path=[name, attribute])

        module.__getattr__ = remote_attribute
        module.__path__ = []


class Reporter:
    """pytest plugin: per-test deadlines and restarts, and a report event per test."""

    def __init__(self, report, candidate, settings):
        self.report, self.candidate, self.settings = report, candidate, settings
        self.run_deadline = time.monotonic() + float(settings["time_limit_s"])
        self._mark = 0

    @staticmethod
    def pytest_addoption(parser):
        # Options the (disabled) terminal plugin would own; assertion messages and tracebacks read them.
        group = parser.getgroup("assessor")
        group.addoption("--verbose", action="count", dest="verbose", default=0)
        group.addoption("--tb", dest="tbstyle", default="short")
        group.addoption("--showlocals", action="store_true", dest="showlocals", default=False)
        group.addoption("--fulltrace", action="store_true", dest="fulltrace", default=False)

    def pytest_runtest_setup(self, item):
        now = time.monotonic()
        if now >= self.run_deadline:
            raise CandidateTimeout("not run: the time limit of the whole run was reached")
        self.candidate.deadline = min(now + float(self.settings["test_timeout_s"]), self.run_deadline)
        self._mark = self.candidate.output.mark()

    def pytest_runtest_teardown(self, item):
        self.candidate.deadline = None

    def pytest_collectreport(self, report):
        if report.failed:
            self.report.emit(event="collect_error", nodeid=report.nodeid, message=_collect_message(report))

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.report.emit(
                event="test", nodeid=report.nodeid, outcome=self._outcome(report), phase=report.when,
                message=self._message(report), output=self.candidate.output.since(self._mark)[:OUTPUT_CHARS],
                duration_ms=round(report.duration * 1000),
            )

    def _outcome(self, report):
        if report.skipped:
            return "skipped"
        if report.passed:
            return "passed"
        crash = getattr(report.longrepr, "reprcrash", None)
        message = getattr(crash, "message", "") or ""
        if message.startswith("CandidateTimeout"):
            return "timeout"
        if report.when != "call" or message.startswith("CandidateCrashed"):
            return "error"
        return "failed" if message.startswith(("assert", "AssertionError", "Failed")) else "error"

    @staticmethod
    def _message(report):
        if report.passed:
            return ""
        crash = getattr(report.longrepr, "reprcrash", None)
        if crash is not None:
            return str(crash.message)[:MESSAGE_CHARS]
        return str(report.longrepr)[-MESSAGE_CHARS:]


def _collect_message(report):
    crash = getattr(report.longrepr, "reprcrash", None) if not isinstance(report.longrepr, str) else None
    text = str(crash.message) if crash is not None else str(report.longrepr)
    return text[-MESSAGE_CHARS:]


# ---------------------------------------------------------------- main


def main(run_harness=None):
    """The entry point of every harness script: run(report), and any fault of ours as harness_error."""
    report = Report()
    os.dup2(2, 1)   # stray prints of the harness itself go to stderr, never into the report
    try:
        return (run_harness or run)(report)
    except Exception:
        import traceback

        report.emit(event="harness_error", message=traceback.format_exc()[-MESSAGE_CHARS:])
        return 3


def run(report):
    """Unpack, check that the code compiles, run the tests against the candidate's process."""
    import pytest   # before the inputs arrive: in a warm pool's container, this costs the grading nothing

    tests, settings = unpack_inputs()
    error = compile_errors(SUBMISSION)
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    modules = module_names(SUBMISSION)
    candidate = Candidate(settings, modules, report)
    candidate.start()
    sys.meta_path.insert(0, SubmissionImporter(modules, candidate, float(settings["test_timeout_s"])))
    os.chdir(tests)
    # Plugins that only print or write files are off: the report is ours, and start-up is faster.
    quiet = [arg for name in ("terminal", "cacheprovider", "stepwise", "doctest", "pastebin", "junitxml", "nose")
             for arg in ("-p", f"no:{name}")]
    try:
        exit_code = pytest.main([tests, "--rootdir", tests, *quiet, "-o", "python_files=test_*.py *_test.py"],
                                plugins=[Reporter(report, candidate, settings)])
    finally:
        candidate.kill_all("end of run")
    report.emit(event="end", exit_code=int(exit_code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
