"""What an operator asks of a deployment: is every part reachable (/healthz), and how is grading
going (/metrics, in Prometheus' text format). The database is the truth, so the figures about
submissions are counted there; the queue's depth comes from Redis, the workers' from heartbeats.
"""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import case, func, select, text

from ..extensions import db
from ..models import Submission
from .queue import grading_queue, redis_connection
from .workers import count_alive, pool_totals

# Upper bounds (seconds) of the grading-latency histogram: submitted → graded.
LATENCY_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 120, 300)
STATUSES = ("queued", "running", "graded", "error")


@dataclass
class Check:
    """One part of the deployment and whether it answers."""

    name: str
    ok: bool
    detail: str = ""


def health_checks() -> list[Check]:
    """The database, Redis and (where this process grades) the Docker Engine, each asked to answer."""
    checks = [_check("database", _database), _check("redis", _redis)]
    if current_app.config.get("HEALTH_CHECKS_DOCKER", True):
        checks.append(docker_check())
    return checks


def docker_check() -> Check:
    """Whether the Docker Engine of this host answers."""
    return _check("docker", _docker)


def _check(name: str, probe) -> Check:
    try:
        return Check(name, True, probe() or "")
    except Exception as error:  # noqa: BLE001 - any failure of a probe is what the check reports
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return Check(name, False, f"{type(error).__name__}: {first_line[:200]}")


def _database() -> str:
    db.session.execute(text("SELECT 1"))
    return db.engine.dialect.name


def _redis() -> str:
    redis_connection().ping()
    return ""


def _docker() -> str:
    import sandbox

    sandbox.connect(timeout=5)
    return ""


def metrics_text() -> str:
    """Every metric, in Prometheus' text exposition format (version 0.0.4)."""
    lines: list[str] = []
    _metric(lines, "gauge", "assessor_queue_depth", "Grading jobs waiting in the RQ queue.", [({}, _queue_depth())])
    _metric(lines, "gauge", "assessor_workers", "Grading workers of this queue with a current heartbeat.",
            [({}, _live_workers())])
    pools = _pool_totals()
    _metric(lines, "gauge", "assessor_pool_warm_containers",
            "Containers started ahead of time and waiting for a grading, over the live workers.",
            [({}, pools["warm"])])
    _metric(lines, "counter", "assessor_pool_takes_total",
            "Gradings that found a warm container (hit) or started their own (miss), over the live workers' lifetimes.",
            [({"result": "hit"}, pools["hits"]), ({"result": "miss"}, pools["misses"])])
    by_status = dict(db.session.execute(
        select(Submission.status, func.count()).group_by(Submission.status)).all())
    _metric(lines, "gauge", "assessor_submissions", "Submissions by status (the database's view).",
            [({"status": status}, by_status.get(status, 0)) for status in STATUSES])
    verdicts = db.session.execute(select(Submission.verdict, func.count()).where(Submission.verdict.is_not(None))
                                  .group_by(Submission.verdict)).all()
    _metric(lines, "counter", "assessor_verdicts_total", "Graded submissions by verdict.",
            [({"verdict": verdict}, count) for verdict, count in sorted(verdicts)])
    _metric(lines, "counter", "assessor_grading_failures_total",
            "Submissions whose grading failed on our side after every retry (status error).",
            [({}, by_status.get("error", 0))])
    _histogram(lines, "assessor_grading_latency_seconds", "Time from submission to grade.", *_latencies())
    return "\n".join(lines) + "\n"


def _queue_depth() -> int:
    try:
        return grading_queue().count
    except Exception:  # noqa: BLE001 - Redis down: the depth is unknown, /healthz says why
        return -1


def _live_workers() -> int:
    try:
        return count_alive(redis_connection(), current_app.config["QUEUE_NAME"])
    except Exception:  # noqa: BLE001 - as above
        return -1


def _pool_totals() -> dict[str, int]:
    try:
        return pool_totals(redis_connection(), current_app.config["QUEUE_NAME"])
    except Exception:  # noqa: BLE001 - as above
        return {"warm": -1, "hits": -1, "misses": -1}


def _latencies() -> tuple[list[int], float, int]:
    """Cumulative counts per bucket, the sum of seconds and the count, over graded submissions."""
    seconds = _seconds_between(Submission.created_at, Submission.graded_at)
    columns = [func.sum(case((seconds <= bound, 1), else_=0)) for bound in LATENCY_BUCKETS]
    row = db.session.execute(select(*columns, func.sum(seconds), func.count())
                             .where(Submission.graded_at.is_not(None))).one()
    *buckets, total, count = row
    return [int(b or 0) for b in buckets], float(total or 0.0), int(count or 0)


def _seconds_between(start, end):
    """`end - start` in seconds, in the database's own dialect."""
    if db.engine.dialect.name == "postgresql":
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def _labels(labels: dict) -> str:
    if not labels:
        return ""
    escaped = (f'{key}="{str(value).replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'
               for key, value in labels.items())
    return "{" + ",".join(escaped) + "}"


def _metric(lines: list[str], kind: str, name: str, help_text: str, samples) -> None:
    lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{_labels(labels)} {value}" for labels, value in samples]


def _histogram(lines: list[str], name: str, help_text: str, buckets: list[int], total: float, count: int) -> None:
    lines += [f"# HELP {name} {help_text}", f"# TYPE {name} histogram"]
    lines += [f'{name}_bucket{{le="{bound:g}"}} {value}' for bound, value in zip(LATENCY_BUCKETS, buckets)]
    lines += [f'{name}_bucket{{le="+Inf"}} {count}', f"{name}_sum {total:.3f}", f"{name}_count {count}"]


def metrics_token() -> str | None:
    """The bearer token /metrics asks for (ASSESSOR_METRICS_TOKEN), or None: open to whoever reaches it."""
    return current_app.config.get("METRICS_TOKEN") or None
