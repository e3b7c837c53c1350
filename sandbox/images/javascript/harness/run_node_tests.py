"""Trusted harness of the JavaScript runner image: runs a challenge's node:test files against a submission.

Process model (inside one throwaway container):

    this script (uid 0 with only SETUID/SETGID/KILL)     unpacks, checks syntax, relays the report
     └─ test runner: node runner.js (uid 0)              node:test, the tests, their assertions
         │  socket pairs, length-prefixed JSON            — only data crosses (wire.js)
         └─ candidate process: node candidate.js         the submission, as uid 10001

The tests `require('./solution')` as in any project, but get proxies: each call runs in the
candidate's process and only values come back (link.js). Tests, expected values and the report are
out of the candidate's reach (another user, mode 0700, another process). A timeout or crash of the
candidate fails that one test; its process is restarted for the next.

Input: a tar on stdin (`submission/`, `tests/`, `run.json`). Output: JSON-lines events on stdout,
the same as run_pytest.py's: compile_error, start, collect_error, test, output_limit,
memory_limit, end, harness_error.
"""

import json
import os
import re
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, "/opt/assessor/harness")

from run_pytest import (MESSAGE_CHARS, PRIVATE, SUBMISSION, kill_candidate_processes, main, oom_kills,  # noqa: E402
                        unpack_inputs)

NODE = "/usr/bin/node"
SOURCE_SUFFIXES = (".js", ".cjs")
CHECK_TIMEOUT_S = 20.0
# Events the test runner may report; anything else it prints is not part of the report.
RELAYED = ("test", "collect_error", "output_limit", "memory_limit")


def syntax_error(submission):
    """The first syntax error in the submission's scripts (node --check), or None.

    `node --check` only parses (nothing runs), so it runs as the harness: the candidate's user is
    for code that runs, and the runner kills that user's processes whenever it restarts the code.
    """
    for folder, dirs, names in sorted(os.walk(submission)):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            try:
                checked = subprocess.run([NODE, "--check", path], stdin=subprocess.DEVNULL, capture_output=True,
                                         cwd="/tmp", env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"},
                                         timeout=CHECK_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                return {"file": os.path.relpath(path, submission), "line": None,
                        "message": "checking the syntax took too long"}
            if checked.returncode != 0:
                return compile_error(path, submission, checked.stderr.decode("utf-8", "replace"))
    return None


def compile_error(path, submission, text):
    """node --check's complaint as a compile_error event's fields (file, line, message)."""
    relative = os.path.relpath(path, submission)
    found = re.match(rf"{re.escape(path)}:(\d+)", text)
    # Node's own stack frames after the SyntaxError line say nothing about the candidate's code.
    lines = text.replace(submission + "/", "").strip().splitlines()
    ends = [number for number, line in enumerate(lines) if re.match(r"^\w*Error\b", line)]
    message = "\n".join(lines[:ends[0] + 1] if ends else lines)
    return {"file": relative, "line": int(found.group(1)) if found else None, "message": message[-MESSAGE_CHARS:]}


class Tail:
    """The last characters of a stream, read in a thread until it ends."""

    def __init__(self, stream, keep=MESSAGE_CHARS):
        self.keep, self.data = keep, b""
        self.thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self.thread.start()

    def _drain(self, stream):
        for chunk in iter(lambda: stream.read1(65536), b""):
            self.data = (self.data + chunk)[-self.keep:]

    def text(self):
        self.thread.join(timeout=1)
        return self.data.decode("utf-8", "replace")


def relay(runner, report):
    """Copy the runner's report lines; True when it said it finished."""
    finished = False
    for line in runner.stdout:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if not isinstance(event, dict):
            continue
        if event.get("event") == "done":
            finished = True
        elif event.get("event") in RELAYED:
            report.emit(**event)
        elif event.get("event") == "harness_error":
            report.emit(event="harness_error", message=str(event.get("message", ""))[-MESSAGE_CHARS:])
    return finished


def run(report):
    """Unpack, check the syntax, run the tests in the trusted runner against the candidate's process."""
    tests, settings = unpack_inputs()
    # Node looks up the folders above a test file for a package.json that says how to load it: the
    # search stops here, in a root-only folder, and never reaches /tmp, where the candidate writes.
    with open(os.path.join(PRIVATE, "package.json"), "w") as scope:
        scope.write('{"type": "commonjs"}\n')
    oom_before = oom_kills()
    # The runner starts (and starts the candidate's process) while the syntax is checked: Node's
    # start-up is most of a run's time. Its report is only read once the code is known to parse.
    runner = subprocess.Popen(
        [NODE, f"--test-reporter={HERE}/reporter.js", "--test-reporter-destination=stderr",
         f"{HERE}/runner.js", tests],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tests, close_fds=True,
        env={"PATH": "/usr/bin:/bin", "HOME": os.path.dirname(tests), "LANG": "C.UTF-8", "NODE_ENV": "test",
             "ASSESSOR_SETTINGS": json.dumps(settings)},
    )
    # What the tests themselves print stays here: hidden tests may print what the candidate must not see.
    printed = Tail(runner.stderr)
    try:
        error = syntax_error(SUBMISSION)
        if error is not None:
            runner.kill()
            report.emit(event="compile_error", **error)
            return 0
        report.emit(event="start")
        finished = relay(runner, report)
        code = runner.wait()
    finally:
        if runner.poll() is None:
            runner.kill()
        runner.wait()
        kill_candidate_processes()
    if not finished:
        if (oom_kills() or 0) > (oom_before or 0):
            report.emit(event="memory_limit")
        else:
            report.emit(event="harness_error",
                        message=f"the test runner stopped unexpectedly (exit code {code}): {printed.text()}")
            return 3
    report.emit(event="end", exit_code=code)
    return 0


if __name__ == "__main__":
    sys.exit(main(run))
