"""One load-test run: start the stack, invite, let the candidates work (faults optional), verify."""

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .candidates import Candidate, invite_candidates, run_candidates
from .faults import Faults
from .solutions import plan
from .stack import Stack
from .verify import Report, percentile, verify


@dataclass
class Options:
    """What to run; the defaults are the benchmark's (200 candidates x 5 submissions, 2 workers)."""

    candidates: int = 200
    submissions_per_candidate: int = 5
    workers: int = 2
    faults: bool = False
    redis_restart: str = "empty"              # empty | persisted (see stack.RedisServer)
    kill_at: float = 0.25                     # share of the load graded before the SIGKILL ...
    redis_at: float = 0.55                    # ... and before the Redis restart (after the kill's recovery)
    database_url: str | None = None           # a PostgreSQL server to create a database in; else SQLite
    timeout_s: float = 1800                   # what is not graded by then is lost
    seed: int = 7
    workdir: Path | None = None               # kept when given (logs); else a temporary one, removed


def run(options: Options, log=print) -> Report:
    """Run the load against a fresh stack and return the verified report."""
    workdir = Path(options.workdir or tempfile.mkdtemp(prefix="assessor-load-"))
    stack = Stack(workdir, workers=options.workers, database_url=options.database_url,
                  redis_restart=options.redis_restart)
    try:
        log(f"starting: redis :{stack.redis.port}, gunicorn :{stack.port} ({stack.web_workers} processes x "
            f"{stack.web_threads} threads), {options.workers} workers, "
            f"{'PostgreSQL' if options.database_url else 'SQLite'}; logs in {workdir}")
        stack.start()
        tokens = invite_candidates(stack.base_url, stack.staff_token, options.candidates)
        deadline = time.time() + options.timeout_s
        candidates = [Candidate(stack.base_url, token, plan(n, options.submissions_per_candidate, options.seed),
                                deadline, seed=n) for n, token in enumerate(tokens)]
        total = options.candidates * options.submissions_per_candidate
        log(f"{options.candidates} candidates x {options.submissions_per_candidate} submissions = {total}")
        faults = Faults(stack, total, options.kill_at, options.redis_at).start() if options.faults else None
        run_candidates(candidates)
        if faults:
            faults.finish()
        return verify(stack, candidates, faults)
    finally:
        stack.stop()
        if options.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


def summary(report: Report) -> list[str]:
    """The figures and the verdict of a run, as lines to print."""
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"                     # noqa: E731
    lines = [
        f"submissions      {report.planned} planned, {report.accepted} accepted, {report.graded} graded",
        f"wall time        {report.wall_s:.1f} s (first submit to last graded)",
        f"throughput       {report.graded / report.wall_s if report.wall_s else 0:.2f} submissions/s",
        f"submit->graded   p50 {percentile(report.latency_s, .5):.2f} s, "
        f"p95 {percentile(report.latency_s, .95):.2f} s, max {max(report.latency_s, default=0):.2f} s",
        f"submit HTTP      p50 {ms(percentile(report.submit_http_s, .5))}, "
        f"p95 {ms(percentile(report.submit_http_s, .95))}, max {ms(max(report.submit_http_s, default=0))}",
        "verdicts         " + ", ".join(f"{v} {n}" for v, n in sorted(report.verdicts.items())),
    ]
    for event in report.faults:
        since = event.back_at or event.at
        recovery = (f"{'after it was back' if event.back_at else 'after the kill'}: every submission it hit "
                    f"graded in {event.recovered_at - since:.1f} s" if event.recovered_at else "NOT recovered")
        if event.released_at and event.hit:
            recovery += f" (claims given back to the queue in {event.released_at - since:.1f} s)"
        lines.append(f"fault            {event.what} at t+{event.at - report.started_at:.1f} s: {event.detail}; {recovery}")
    lines += [f"note             {note}" for note in report.notes]
    lines.append(f"lost {len(report.lost)}, graded twice {len(report.twice)}, wrong {len(report.wrong)}, "
                 f"unaccounted {len(report.unaccounted)}; re-claimed after a fault {report.reclaimed}")
    for label, problems in (("LOST", report.lost), ("TWICE", report.twice), ("WRONG", report.wrong),
                            ("UNACCOUNTED", report.unaccounted)):
        lines += [f"{label:16} {problem}" for problem in problems[:20]]
        if len(problems) > 20:
            lines.append(f"{label:16} ... and {len(problems) - 20} more")
    return lines
