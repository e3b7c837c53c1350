"""The warm pool against its floor: submit→graded through the HTTP API, and throughput at 2 workers.

    python bench/warm_pool.py [--runs 20] [--batch 40]

Measured in the same run, on the sum-pairs fixture (Python, 5 hidden tests):
  floor latency      median of one cold hardened `docker run --rm` of pytest on the same tests
                     (bench/grading.py's floor: same image, same limits, tests bind-mounted)
  floor throughput   `--batch` such runs, two at a time: runs per second
  api latency        median of POST /api/v1/candidate/.../submissions → GET polled every 5 ms until
                     graded, through gunicorn, Redis (RQ) and one `assessor worker` (the load test's
                     stack, bench/loadtest/stack.py, with the app's default chores): with the warm
                     pool (the default) and with ASSESSOR_POOL_SIZE=0 (a cold container per grading)
  throughput         `--batch` submissions posted at once, two workers: graded per second (each
                     polled every 100 ms; the clock stops when the last is seen graded)
Goals (issue 7): latency ≤ 0.8× the floor's; throughput ≥ 0.9× the floor's. Needs what the test
command prepares (Docker, redis-server, the runner images).
"""

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from grading import SOLUTION, floor_command, timed

from bench.loadtest.candidates import invite_candidates
from bench.loadtest.stack import Stack

CODE = (SOLUTION / "solution.py").read_text()
# The app's own defaults for the workers' chores (the load test's stack runs them every second).
DEFAULT_CHORES = {"ASSESSOR_MAINTENANCE_INTERVAL_S": "15", "ASSESSOR_RECONCILE_GRACE_S": "10",
                  "ASSESSOR_HEARTBEAT_TTL_S": "20"}


def floor_throughput(image: str, runs: int) -> float:
    """Runs per second of the floor command, two at a time."""
    pending = list(range(runs))
    lock = threading.Lock()

    def loop():
        while True:
            with lock:
                if not pending:
                    return
                pending.pop()
            timed(floor_command(image))

    started = time.perf_counter()
    threads = [threading.Thread(target=loop) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs / (time.perf_counter() - started)


class Candidates:
    """Candidates of a running stack, submitting the correct solution through the candidate API."""

    def __init__(self, stack: Stack, count: int):
        self.url = stack.base_url + "/api/v1"
        self.http = requests.Session()
        self.tokens = invite_candidates(stack.base_url, stack.staff_token, count)
        for token in self.tokens:
            self._call("POST", token, "/candidate/start")

    def _call(self, method: str, token: str, path: str, **body) -> dict:
        response = self.http.request(method, self.url + path, json=body or None, timeout=30,
                                     headers={"Authorization": f"Bearer {token}"})
        assert response.status_code in (200, 201, 202), response.text
        return response.json()

    def submit(self, token: str) -> int:
        return self._call("POST", token, "/candidate/challenges/sum-pairs/submissions", language="python",
                          files={"solution.py": CODE})["id"]

    def graded(self, token: str, submission_id: int, every_s: float = 0.005) -> dict:
        """Poll until the submission is graded; its public status."""
        while True:
            status = self._call("GET", token, f"/candidate/submissions/{submission_id}")
            if status["status"] in ("graded", "error"):
                return status
            time.sleep(every_s)

    def latencies(self, runs: int) -> list[float]:
        """submit→graded, one submission at a time (the first two warm the worker up, uncounted)."""
        token, figures = self.tokens[0], []
        for run in range(runs + 2):
            started = time.perf_counter()
            self.graded(token, self.submit(token))
            if run >= 2:
                figures.append(time.perf_counter() - started)
            time.sleep(0.3)      # a candidate does not resubmit within milliseconds; the pool refills
        return figures

    def throughput(self, batch: int) -> float:
        """Graded per second when `batch` submissions from every candidate arrive at once."""
        self.graded(self.tokens[0], self.submit(self.tokens[0]))   # both workers' pools learn the shape
        self.graded(self.tokens[0], self.submit(self.tokens[0]))
        started = time.perf_counter()
        made = [(self.tokens[i % len(self.tokens)], self.submit(self.tokens[i % len(self.tokens)]))
                for i in range(batch)]
        for token, submission_id in made:       # polled as a page would (it starts at 300 ms), not hammered
            self.graded(token, submission_id, every_s=0.1)
        return batch / (time.perf_counter() - started)


def verdicts(stack: Stack) -> dict[str, int]:
    """What the database says of every submission (a candidate does not see hidden verdicts)."""
    from assessor.extensions import db
    from assessor.models import Submission

    with stack.app.app_context():
        rows = db.session.execute(db.select(Submission.status, Submission.verdict, db.func.count())
                                  .group_by(Submission.status, Submission.verdict)).all()
    return {f"{status} {verdict}": count for status, verdict, count in rows}


def measured(workers: int, pool_size: int, candidates: int, run) -> float | list[float]:
    """run(candidates) on a stack of its own; every submission it made must have passed."""
    stack = Stack(Path(tempfile.mkdtemp(prefix="assessor-pool-bench-")), workers=workers,
                  env={**DEFAULT_CHORES, "ASSESSOR_POOL_SIZE": str(pool_size)})
    try:
        stack.start()
        figures = run(Candidates(stack, candidates))
        found = verdicts(stack)
        if set(found) != {"graded passed"}:
            raise SystemExit(f"a submission was not graded as passed: {found}")
        return figures
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20, help="submissions timed one at a time")
    parser.add_argument("--batch", type=int, default=40, help="runs and submissions of the throughput figures")
    args = parser.parse_args()

    from sandbox import LANGUAGES

    image = LANGUAGES.get("python").image
    timed(floor_command(image))                                  # warm the Engine's caches
    floor = statistics.median(timed(floor_command(image)) for _ in range(args.runs))
    floor_rate = floor_throughput(image, args.batch)
    warm = statistics.median(measured(1, 2, 1, lambda people: people.latencies(args.runs)))
    cold = statistics.median(measured(1, 0, 1, lambda people: people.latencies(args.runs)))
    rate = measured(2, 2, 10, lambda people: people.throughput(args.batch))

    print(f"sum-pairs fixture (Python, 5 hidden tests); medians of {args.runs}; throughput over {args.batch}")
    print(f"floor   cold hardened docker run --rm, pytest            {floor * 1000:6.0f} ms")
    print(f"api     submit→graded, warm pool (1 worker)              {warm * 1000:6.0f} ms   "
          f"{warm / floor:4.2f}x floor   goal ≤ 0.80x")
    print(f"api     submit→graded, no pool (ASSESSOR_POOL_SIZE=0)    {cold * 1000:6.0f} ms   {cold / floor:4.2f}x floor")
    print(f"floor   throughput, 2 docker runs at a time              {floor_rate:6.2f} /s")
    print(f"api     throughput, 2 workers with warm pools            {rate:6.2f} /s   "
          f"{rate / floor_rate:4.2f}x floor   goal ≥ 0.90x")


if __name__ == "__main__":
    main()
