"""The warm pool against its floor: submit→graded through the HTTP API, and throughput at 2 workers.

    python bench/warm_pool.py [--runs 20] [--batch 40]

Measured in the same run, on the sum-pairs fixture (Python, 5 hidden tests):
  floor latency      median of one cold hardened `docker run --rm` of pytest on the same tests
                     (bench/grading.py's floor: same image, same limits, tests bind-mounted)
  floor throughput   `--batch` such runs, two at a time: runs per second
  api latency        median of POST /api/v1/candidate/.../submissions → GET polled every 5 ms until
                     graded, through gunicorn, Redis (RQ) and one `assessor worker`: with the warm
                     pool (the default) and with ASSESSOR_POOL_SIZE=0 (a cold container per grading)
  throughput         `--batch` submissions posted at once, two workers: graded per second (each
                     polled every 100 ms; the clock stops when the last is seen graded)
Goals (issue 7): latency ≤ 0.8× the floor's; throughput ≥ 0.9× the floor's. Needs what the test
command prepares (Docker, Redis on REDIS_URL, the runner images).
"""

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from grading import CHALLENGE, SOLUTION, floor_command, timed

CODE = (SOLUTION / "solution.py").read_text()


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


class Stack:
    """A database, a gunicorn server and `assessor worker` processes of their own, on loopback."""

    def __init__(self, workers: int, pool_size: int, candidates: int):
        self.tmp = Path(tempfile.mkdtemp(prefix="assessor-pool-bench-"))
        queue = f"bench-pool-{os.getpid()}-{pool_size}"
        self.env = {**os.environ, "DATABASE_URL": f"sqlite:///{self.tmp / 'bench.db'}", "ASSESSOR_QUEUE": queue,
                    "ASSESSOR_INSTANCE": str(self.tmp / "instance"), "SECRET_KEY": "bench",
                    "ASSESSOR_POOL_SIZE": str(pool_size), "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}
        self.tokens = self._prepare(candidates)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/v1"
        log = open(self.tmp / "processes.log", "w")
        self.processes = [subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4",
             "assessor:create_app()"], env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)]
        self.processes += [subprocess.Popen([sys.executable, "-m", "assessor.cli", "worker"], env=self.env, cwd=ROOT,
                                            stdout=log, stderr=subprocess.STDOUT) for _ in range(workers)]
        self.http = requests.Session()
        _wait(lambda: self._answers(), "the web server to answer")
        for token in self.tokens:
            self.post(token, "/candidate/start")

    def _prepare(self, candidates: int) -> list[str]:
        """Migrate, load the fixture library, and invite candidates to a set of sum-pairs."""
        script = f"""
from flask_migrate import upgrade
from assessor import create_app
from assessor.extensions import db
from assessor.models import Challenge, ChallengeSet, ChallengeSetItem
from assessor.services import invitations
from assessor.services.challenges import sync
app = create_app()
with app.app_context():
    upgrade()
    sync({str(CHALLENGE.parent)!r})
    challenge = db.session.scalar(db.select(Challenge).filter_by(slug="sum-pairs"))
    challenge_set = ChallengeSet(name="bench", time_limit_min=600, items=[ChallengeSetItem(challenge=challenge, position=0)])
    db.session.add(challenge_set)
    db.session.commit()
    for number in range({candidates}):
        print(invitations.invite(challenge_set, f"Bench {{number}}", f"bench{{number}}@example.com")[1])
"""
        done = subprocess.run([sys.executable, "-c", script], env=self.env, cwd=ROOT, check=True, capture_output=True,
                              text=True)
        return done.stdout.split()

    def _answers(self) -> bool:
        try:
            return self.http.get(self.url + "/openapi.json", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def post(self, token: str, path: str, **body) -> dict:
        response = self.http.post(self.url + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert response.status_code in (200, 201, 202), response.text
        return response.json()

    def submit(self, token: str) -> int:
        return self.post(token, "/candidate/challenges/sum-pairs/submissions", language="python",
                         files={"solution.py": CODE})["id"]

    def graded(self, token: str, submission_id: int, every_s: float = 0.005) -> dict:
        """Poll until the submission is graded; its public status."""
        while True:
            status = self.http.get(f"{self.url}/candidate/submissions/{submission_id}",
                                   headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
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

    def verdicts(self) -> dict[str, int]:
        """What the database says of every submission (a candidate does not see hidden verdicts)."""
        with sqlite3.connect(self.tmp / "bench.db") as connection:
            return dict(connection.execute("SELECT status || ' ' || coalesce(verdict, '-'), count(*) "
                                           "FROM submission GROUP BY 1"))

    def close(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=60)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.1)


def measured(workers: int, pool_size: int, candidates: int, run) -> float | list[float]:
    """run(stack) on a stack of its own; every submission it made must have passed."""
    stack = Stack(workers, pool_size, candidates)
    try:
        figures = run(stack)
        verdicts = stack.verdicts()
        if set(verdicts) != {"graded passed"}:
            raise SystemExit(f"a submission was not graded as passed: {verdicts}")
        return figures
    finally:
        stack.close()


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
    warm = statistics.median(measured(1, 2, 1, lambda stack: stack.latencies(args.runs)))
    cold = statistics.median(measured(1, 0, 1, lambda stack: stack.latencies(args.runs)))
    rate = measured(2, 2, 10, lambda stack: stack.throughput(args.batch))

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
