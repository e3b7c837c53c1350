"""Grading latency against the floor, measured in the same run.

    python bench/grading.py [--runs 15]

Prints the median wall time of:
  floor   one bare hardened `docker run --rm` of pytest on the same files in the same image
  grade   `assessor grade` (the CLI process end to end, as a user runs it)
  queue   a submission through the queue: submit() → RQ → worker → container → result stored
and the ratio of each to the floor. Needs what the test command prepares (Docker, Redis, images).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHALLENGE = ROOT / "tests" / "fixtures" / "challenges" / "sum-pairs"
SOLUTION = CHALLENGE / "solution" / "python"
sys.path.insert(0, str(ROOT))


def floor_command(image: str) -> list[str]:
    """`docker run` with the same hardening as the sandbox, running plain pytest on bind mounts."""
    return [
        "docker", "run", "--rm", "--init", "--network", "none", "--read-only", "--cap-drop", "ALL",
        "--security-opt", "no-new-privileges", "--user", "10001:10001", "--memory", "128m",
        "--memory-swap", "128m", "--cpus", "1", "--pids-limit", "64", "--ulimit", "nofile=256:256",
        "--ulimit", "fsize=16777216:16777216", "--tmpfs", "/tmp:rw,nosuid,nodev,size=64m,mode=1777",
        "-v", f"{SOLUTION}:/s:ro", "-v", f"{CHALLENGE / 'tests' / 'hidden'}:/t:ro", "-e", "PYTHONPATH=/s",
        "-w", "/tmp", image, "python3", "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider", "/t",
    ]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def queue_latencies(runs: int) -> list[float]:
    """Submit through the service layer to a real worker process and time until the row is graded."""
    from assessor import create_app
    from assessor.extensions import db
    from assessor.models import Challenge, ChallengeSet, ChallengeSetItem, Submission
    from assessor.services import invitations, submissions
    from assessor.services.challenges import sync
    from flask_migrate import upgrade

    tmp = Path(tempfile.mkdtemp(prefix="assessor-bench-"))
    os.environ["ASSESSOR_INSTANCE"] = str(tmp / "instance")
    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'bench.db'}", "QUEUE_NAME": "bench-grading",
              "SECRET_KEY": "bench"}
    app = create_app(config)
    env = {**os.environ, "DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"], "ASSESSOR_QUEUE": "bench-grading",
           "ASSESSOR_INSTANCE": str(tmp / "worker"), "SECRET_KEY": "bench"}
    worker = subprocess.Popen([sys.executable, "-m", "assessor.cli", "worker"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    latencies = []
    try:
        with app.app_context():
            upgrade()
            sync(CHALLENGE.parent)
            challenge = db.session.scalar(db.select(Challenge).filter_by(slug="sum-pairs"))
            challenge_set = ChallengeSet(name="bench", time_limit_min=600,
                                         items=[ChallengeSetItem(challenge=challenge, position=0)])
            db.session.add(challenge_set)
            db.session.commit()
            invitation, _token = invitations.invite(challenge_set, "Bench", "bench@example.com")
            attempt = invitations.start_attempt(invitation)
            code = (SOLUTION / "solution.py").read_text()
            for run in range(runs + 1):          # the first run warms the worker up and is not counted
                started = time.perf_counter()
                submission = submissions.submit(attempt, challenge, "python", {"solution.py": code})
                while True:
                    db.session.expire_all()
                    row = db.session.get(Submission, submission.id)
                    if row.status in ("graded", "error"):
                        break
                    time.sleep(0.005)
                assert row.verdict == "passed", row.result
                if run:
                    latencies.append(time.perf_counter() - started)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from sandbox import LANGUAGES

    image = LANGUAGES.get("python").image
    grade = [sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(CHALLENGE), str(SOLUTION)]
    timed(floor_command(image)), timed(grade)    # warm caches
    floor, graded = [], []
    for _ in range(args.runs):                  # interleaved, so drift hits both alike
        floor.append(timed(floor_command(image)))
        graded.append(timed(grade))
    queued = queue_latencies(args.runs)

    base = statistics.median(floor)
    print(f"runs per figure: {args.runs} (medians; sum-pairs fixture, 5 hidden tests)")
    print(f"floor  docker run --rm (hardened, pytest)   {base * 1000:7.0f} ms")
    for label, values in (("grade  assessor grade (CLI, end to end)   ", graded),
                          ("queue  submit → RQ → worker → stored      ", queued)):
        median = statistics.median(values)
        print(f"{label}{median * 1000:7.0f} ms   {median / base:4.2f}x floor")


if __name__ == "__main__":
    main()
