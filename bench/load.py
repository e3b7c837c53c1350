"""Load test with nothing lost: N candidates submit over HTTP to gunicorn + N workers, then the books are checked.

    python bench/load.py [--candidates 200] [--submissions-per-candidate 5] [--workers 2]
                         [--faults] [--redis-restart empty|persisted] [--keep DIR]

Starts its own stack (redis-server and gunicorn on free ports, `assessor worker` processes, and a
fresh database: on the PostgreSQL server of TEST_DATABASE_URL when set, else SQLite), invites the
candidates through the staff API, and lets them start, submit sum-pairs solutions (mostly correct,
some failing, a few broken) and poll through the candidate API. Then it checks, from the database
and the workers' JSON logs, that every submission was graded exactly once with the right verdict
(bench/loadtest/verify.py defines lost and twice), and prints the figures. --faults SIGKILLs a
worker mid-grading (and starts a replacement) and restarts Redis during the load. Exit status 1
if anything was lost, graded twice, wrong or unaccounted for.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadtest.run import Options, run, summary  # noqa: E402


def main() -> int:
    """Parse the options, run, print; the exit status says whether the books balance."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--submissions-per-candidate", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--faults", action="store_true", help="SIGKILL a worker and restart Redis during the load")
    parser.add_argument("--redis-restart", choices=["empty", "persisted"], default="empty",
                        help="empty: Redis crashes and comes back with nothing (default, the harder case); "
                             "persisted: a clean shutdown with an append-only file, back with its data")
    parser.add_argument("--keep", type=Path, default=None, help="keep logs and the SQLite file in this folder")
    args = parser.parse_args()
    report = run(Options(candidates=args.candidates, submissions_per_candidate=args.submissions_per_candidate,
                         workers=args.workers, faults=args.faults, redis_restart=args.redis_restart,
                         database_url=os.environ.get("TEST_DATABASE_URL"), workdir=args.keep))
    print("\n".join(summary(report)))
    print("OK: nothing lost, nothing graded twice, every verdict right" if report.ok else "FAILED")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
