"""Trusted harness for `io` challenges: runs the candidate's program once per input case.

Input: a tar on stdin with `submission/`, `tests/` (only the `.in` files: the expected outputs never
enter the container) and `run.json` (limits and the language's build/run recipe). The program is
built once, then runs in a fresh process per case, as the candidate's user, with the case on stdin;
its stdout is reported back up to a cap. Comparing with the expected output happens outside, in
trusted code.

    {"event": "compile_error", "file": "Main.java", "line": null, "message": "..."}
    {"event": "start"}
    {"event": "case", "name": "small", "stdout": "...", "stderr": "...", "exit_code": 0,
     "timed_out": false, "output_truncated": false, "duration_ms": 12}
    {"event": "end", "exit_code": 0}
"""

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from program import Program, elapsed_ms  # noqa: E402
from run_pytest import MESSAGE_CHARS, kill_candidate_processes, main, unpack_inputs  # noqa: E402

STDOUT_BYTES = 256 * 1024


def run_case(program, path, settings, deadline):
    """Run the program on one input file; returns the case event."""
    with open(path, "rb") as handle:
        data = handle.read()
    limit = max(0.05, min(float(settings["test_timeout_s"]), deadline - time.monotonic()))
    started = time.monotonic()
    process = program.launch(stderr=subprocess.PIPE)
    timed_out = False
    try:
        stdout, stderr = process.communicate(data, timeout=limit)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_candidate_processes()
        stdout, stderr = process.communicate()
    finally:
        kill_candidate_processes()
    name = os.path.splitext(os.path.basename(path))[0]
    return {"event": "case", "name": name, "stdout": stdout[:STDOUT_BYTES].decode("utf-8", "replace"),
            "stderr": stderr[-MESSAGE_CHARS:].decode("utf-8", "replace"), "exit_code": process.returncode,
            "timed_out": timed_out, "output_truncated": len(stdout) > STDOUT_BYTES, "duration_ms": elapsed_ms(started)}


def run(report):
    """Unpack, build the program, run every case."""
    tests, settings = unpack_inputs()
    program = Program(settings)
    error = program.missing_entry() or program.build()
    if error is not None:
        report.emit(event="compile_error", **error)
        return 0
    report.emit(event="start")
    deadline = time.monotonic() + float(settings["time_limit_s"])
    for name in sorted(n for n in os.listdir(tests) if n.endswith(".in")):
        if time.monotonic() >= deadline:
            report.emit(event="case", name=name[:-3], stdout="", stderr="", exit_code=None, timed_out=True,
                        output_truncated=False, duration_ms=0)
            continue
        report.emit(**run_case(program, os.path.join(tests, name), settings, deadline))
    report.emit(event="end", exit_code=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(run))
