"""Trusted harness for `sql` challenges: runs the candidate's SQL on each case's data set.

Input: a tar on stdin with `submission/solution.sql`, `tests/` (the cases' data scripts `<case>.sql`
and an optional `schema.sql` run before each of them; the expected results never enter the
container) and `run.json` (limits). Every SQLite statement the candidate wrote runs in a fresh
process of the candidate's user (sql_runner.py), one per case, on an in-memory database built
there from the case's script; this harness, as root, only starts it, bounds it and reports.
Comparing with the expected result happens outside, in trusted code.

    {"event": "compile_error", "file": "solution.sql", "line": 2, "message": "near \"selec\": syntax error"}
    {"event": "start"}
    {"event": "case", "name": "ties", "columns": ["name", "total"], "rows": [["Ada", 12.5]],
     "rows_truncated": false, "error": "", "timed_out": false, "plan": ["SCAN o", ...],
     "scans": [{"table": "orders", "index": null}], "reads": ["orders"], "duration_ms": 12}
    {"event": "memory_limit"}
    {"event": "end", "exit_code": 0}
"""

import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from program import elapsed_ms  # noqa: E402
from run_pytest import (CANDIDATE_UID, MESSAGE_CHARS, SUBMISSION, kill_candidate_processes, main,  # noqa: E402
                        oom_kills, unpack_inputs)

ENTRY = "solution.sql"
SCHEMA = "schema.sql"          # shared by every case of its folder
WORK = "/tmp/work"
MAX_ROWS = 10_000
REPORT_BUDGET = 768 * 1024     # the rows of all cases share the report (1 MB by default), with room to spare
LOAD_ALLOWANCE_S = 5.0         # starting Python and building the case's database: not the SQL's time
CHECK_TIMEOUT_S = 10.0
HARNESS_MB = 128               # kept for this harness and the runner's own Python (Limits.harness_mb)
PLAN_LINES = 60
NAME_CHARS = 200
MAX_COLUMNS = 200


def ask(request, wait_s):
    """Run sql_runner.py as the candidate with a request; (answer or None, failure text, timed out)."""
    process = subprocess.Popen(
        [sys.executable, "-I", "-B", os.path.join(HERE, "sql_runner.py")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, user=CANDIDATE_UID,
        group=CANDIDATE_UID, extra_groups=[], start_new_session=True, umask=0o077, cwd=WORK, close_fds=True,
        env={"PATH": "/usr/bin:/bin", "HOME": WORK, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"})
    oom_before = oom_kills() or 0
    timed_out = False
    try:
        stdout, stderr = process.communicate(json.dumps(request).encode(), timeout=wait_s)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_candidate_processes(process)
        stdout, stderr = process.communicate()
    finally:
        kill_candidate_processes()
    try:
        answer = json.loads(stdout)
    except ValueError:
        answer = None
    if isinstance(answer, dict) and process.returncode == 0:
        return answer, "", False
    if timed_out:
        return None, "", True
    if process.returncode == -signal.SIGKILL and (oom_kills() or 0) > oom_before:
        return None, "memory", False
    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {process.returncode}"]
    return None, f"the SQL process failed: {tail[0]}"[:MESSAGE_CHARS], False


def check_syntax(sql):
    """A compile_error event's fields when SQLite cannot parse the candidate's SQL, else None."""
    answer, failure, timed_out = ask({"mode": "check", "sql": sql}, CHECK_TIMEOUT_S)
    if timed_out:
        return {"file": ENTRY, "line": None, "message": f"checking the SQL took longer than {CHECK_TIMEOUT_S:g} s"}
    if answer is None:
        return {"file": ENTRY, "line": None, "message": failure or "the SQL could not be checked"}
    if answer.get("syntax_error"):
        return {"file": ENTRY, "line": answer.get("line"), "message": str(answer["syntax_error"])[:MESSAGE_CHARS]}
    return None


def run_case(name, request, wait_s):
    """One case: the runner's answer as a `case` event (and whether memory ran out)."""
    started = time.monotonic()
    answer, failure, timed_out = ask(request, wait_s)
    event = {"event": "case", "name": name, "columns": [], "rows": [], "rows_truncated": False, "error": "",
             "timed_out": timed_out, "plan": [], "scans": [], "reads": []}
    if answer is not None and answer.get("data_error"):
        raise RuntimeError(f"case {name}: {answer['data_error']}")       # a broken challenge: our fault
    if answer is None:
        event["error"] = ("stopped: time limit exceeded" if timed_out else
                          "killed: memory limit exceeded" if failure == "memory" else failure)
    else:
        # The answer came from the candidate's process: only what fits the report's budget goes on.
        event.update({key: answer[key] for key in ("rows", "rows_truncated", "timed_out") if key in answer})
        event["columns"] = [str(column)[:NAME_CHARS] for column in answer.get("columns") or []][:MAX_COLUMNS]
        event["error"] = str(answer.get("error") or "")[:MESSAGE_CHARS]
        event["plan"] = [str(line)[:300] for line in answer.get("plan") or []][:PLAN_LINES]
        event["scans"] = list(answer.get("scans") or [])[:PLAN_LINES]
        event["reads"] = list(answer.get("reads") or [])[:PLAN_LINES]
    event["duration_ms"] = elapsed_ms(started)
    memory = failure == "memory" or bool(answer and answer.get("memory_limit"))
    return event, memory


def heap_mb():
    """What SQLite may allocate: the container's memory less what the harness keeps for itself."""
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(path) as handle:
                total = int(handle.read().strip()) >> 20
        except (OSError, ValueError):
            continue
        return max(16, total - HARNESS_MB)
    return 256


def run(report):
    """Unpack, check the SQL's syntax, run it on every case."""
    tests, settings = unpack_inputs()
    os.makedirs(WORK, exist_ok=True)
    os.chmod(WORK, 0o1777)        # like /tmp: the harness holds no CAP_CHOWN to hand it over
    path = os.path.join(SUBMISSION, ENTRY)
    if not os.path.isfile(path):
        report.emit(event="compile_error", file=ENTRY, line=None, message=f"the SQL must be in {ENTRY}")
        return 0
    with open(path, encoding="utf-8-sig", errors="replace") as handle:    # an editor's BOM is no SQL
        sql = handle.read()
    error = check_syntax(sql)
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    schema = ""
    if os.path.isfile(os.path.join(tests, SCHEMA)):
        with open(os.path.join(tests, SCHEMA), encoding="utf-8-sig") as handle:
            schema = handle.read()
    names = sorted(n[:-4] for n in os.listdir(tests) if n.endswith(".sql") and n != SCHEMA)
    deadline = time.monotonic() + float(settings["time_limit_s"])
    base = {"mode": "case", "schema": schema, "sql": sql, "max_rows": MAX_ROWS, "heap_mb": heap_mb(),
            "max_bytes": max(16 * 1024, REPORT_BUDGET // max(len(names), 1))}
    memory_reported = False
    for name in names:
        left = deadline - time.monotonic()
        if left <= 0:
            report.emit(event="case", name=name, columns=[], rows=[], rows_truncated=False, timed_out=True,
                        error="not run: the time limit of the whole run was reached", plan=[], scans=[], reads=[],
                        duration_ms=0)
            continue
        with open(os.path.join(tests, f"{name}.sql"), encoding="utf-8-sig") as handle:
            data = handle.read()
        timeout_s = max(0.05, min(float(settings["test_timeout_s"]), left))
        event, memory = run_case(name, {**base, "data": data, "timeout_s": timeout_s}, timeout_s + LOAD_ALLOWANCE_S)
        if memory and not memory_reported:
            report.emit(event="memory_limit")
            memory_reported = True
        report.emit(**event)
    report.emit(event="end", exit_code=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(run))
