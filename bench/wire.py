"""What one call from a test to the candidate's code costs, per language, against the floor.

    python bench/wire.py [--calls 20000]

The Python and JavaScript unit harnesses keep the tests and the candidate's code in two processes
(only data crosses), so every call is a round trip. This prints, for each, the time per call of a
test making `--calls` calls to `echo(i)`, and of one round trip of a million-integer list, both as
measured inside a real grading run; beside them the floor: a plain pipe ping-pong between two
processes in the same container with the same limits, the least any two-process design can pay.
Java runs tests and code in one JVM (a call is a plain method call) and is not measured here.
Needs what the test command prepares (Docker, the runner images).
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOML = """slug = "wire-bench"
title = "Wire cost"
kind = "unit"
difficulty = "easy"
skills = ["benchmark"]
languages = ["python", "javascript"]
time_limit_s = 120
test_timeout_s = 110
memory_mb = 512
"""
PYTHON_TEST = """import time
from solution import echo


def test_calls():
    started = time.perf_counter()
    for i in range({calls}):
        assert echo(i) == i
    per_call = (time.perf_counter() - started) / {calls}
    big = list(range(1_000_000))
    started = time.perf_counter()
    assert echo(big) == big
    big_s = time.perf_counter() - started
    assert False, f"FIGURES {{per_call * 1e6:.1f}} {{big_s * 1e3:.0f}}"
"""
JAVASCRIPT_TEST = """const {{ test }} = require('node:test');
const assert = require('node:assert');
const {{ echo }} = require('./solution');

test('calls', () => {{
  let started = performance.now();
  for (let i = 0; i < {calls}; i++) assert.strictEqual(echo(i), i);
  const perCall = (performance.now() - started) / {calls};
  const big = Array.from({{ length: 1000000 }}, (_, i) => i);
  started = performance.now();
  assert.deepStrictEqual(echo(big), big);
  const bigMs = performance.now() - started;
  assert.fail(`FIGURES ${{(perCall * 1000).toFixed(1)}} ${{bigMs.toFixed(0)}}`);
}});
"""
ECHO = {"python": ("solution.py", "def echo(value):\n    return value\n"),
        "javascript": ("solution.js", "module.exports = { echo: (value) => value };\n")}
# Two processes passing one byte back and forth over pipes, as fast as the kernel lets them.
PING_PONG = """
import os, time
calls = {calls}
a_r, a_w = os.pipe(); b_r, b_w = os.pipe()
if os.fork() == 0:
    for _ in range(calls):
        os.write(b_w, os.read(a_r, 1))
    os._exit(0)
started = time.perf_counter()
for _ in range(calls):
    os.write(a_w, b"x"); os.read(b_r, 1)
print((time.perf_counter() - started) / calls * 1e6)
"""


def write_challenge(root: Path, calls: int) -> Path:
    """A unit challenge whose only test measures the calls and reports its figures as its failure."""
    folder = root / "wire-bench"
    for part in ("tests/hidden", "tests/visible"):
        (folder / part).mkdir(parents=True)
        (folder / part / "test_wire.py").write_text(PYTHON_TEST.format(calls=calls))
        (folder / part / "wire.test.js").write_text(JAVASCRIPT_TEST.format(calls=calls))
    for language, (name, source) in ECHO.items():
        for part in ("starter", "solution"):
            (folder / part / language).mkdir(parents=True)
            (folder / part / language / name).write_text(source)
    (folder / "challenge.toml").write_text(TOML)
    (folder / "statement.md").write_text("# Wire cost\n")
    return folder


def measured(challenge: Path, language: str) -> tuple[float, float]:
    """(µs per call, ms per million-int round trip) from one real grading."""
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(challenge),
                              "--language", language, str(challenge / "solution" / language)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
    message = json.loads(process.stdout)["tests"][0]["message"]
    figures = re.search(r"FIGURES ([\d.]+) ([\d.]+)", message)
    if figures is None:
        raise SystemExit(f"{language}: the benchmark did not report ({message[:300]})")
    return float(figures.group(1)), float(figures.group(2))


def floor(calls: int) -> float:
    """µs per pipe round trip between two processes in the Python runner image, 1.5 CPUs."""
    from sandbox import LANGUAGES

    command = ["docker", "run", "--rm", "--network", "none", "--cpus", "1.5", "--cap-drop", "ALL",
               "--user", "10001:10001", LANGUAGES.get("python").image, "python3", "-c",
               PING_PONG.format(calls=calls)]
    return float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    """Print the per-call cost of each two-process harness beside the pipe floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    calls = parser.parse_args().calls
    with tempfile.TemporaryDirectory() as tmp:
        challenge = write_challenge(Path(tmp), calls)
        rows = {language: measured(challenge, language) for language in ECHO}
    base = floor(calls)
    print(f"floor   pipe ping-pong between two processes: {base:7.1f} µs per round trip")
    for language, (per_call, big_ms) in rows.items():
        print(f"{language:10} {per_call:7.1f} µs per call ({per_call / base:4.1f}x the floor); "
              f"1,000,000-int list there and back: {big_ms:5.0f} ms")


if __name__ == "__main__":
    main()
