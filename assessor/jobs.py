"""RQ jobs. They take ids, not objects: the database row is the truth about a submission."""

import logging

from flask import current_app
from rq import get_current_job

import sandbox

from .grading import GradeResult, grade, run_spec
from .extensions import db
from .models import ChallengeVersion, Submission
from .services import challenges, submissions
from .services.maintenance import WORKER_LABEL
from .services.workers import worker_name

_engine = None
_pool = None
log = logging.getLogger("assessor.jobs")


def docker_engine() -> sandbox.Engine:
    """One Docker Engine client per worker process."""
    global _engine
    if _engine is None:
        _engine = sandbox.connect()
    return _engine


def warm_pool() -> sandbox.WarmPool | None:
    """This worker process's pool of containers started ahead of time (None when POOL_SIZE is 0)."""
    global _pool
    if _pool is None and current_app.config["POOL_SIZE"] > 0:
        _pool = sandbox.WarmPool(docker_engine(), size=current_app.config["POOL_SIZE"],
                                 shapes=current_app.config["POOL_SHAPES"], labels={WORKER_LABEL: worker_name()},
                                 log=log.warning)
    return _pool


def prewarm(recent: int = 200) -> int:
    """Warm the pool for what was graded last (challenge version and language of the latest
    submissions), so the first submissions after a worker starts find a container ready."""
    try:
        pool = warm_pool()
    except sandbox.SandboxUnavailable as error:     # Docker down: gradings will say so, and retry
        log.warning("warm pool: not started: %s", error)
        return 0
    if pool is None:
        return 0
    rows = db.session.execute(db.select(Submission.challenge_version_id, Submission.language)
                              .order_by(Submission.id.desc()).limit(recent)).all()
    prepared, seen = 0, set()
    for version_id, language in rows:
        if (version_id, language) in seen or prepared >= pool.shapes:
            continue
        seen.add((version_id, language))
        try:
            challenge = challenges.load_version(db.session.get(ChallengeVersion, version_id))
            pool.prepare(run_spec(challenge, language)[0])
            prepared += 1
        except Exception as error:  # noqa: BLE001 - warming saves time; it must never keep a worker from starting
            log.warning("warm pool: cannot prepare %s in %s: %s", version_id, language, error)
    return prepared


def pool_stats() -> dict[str, int] | None:
    """The pool's figures for the heartbeat (None before the first grading started it)."""
    return _pool.stats() if _pool is not None else None


def close_pool() -> None:
    """Remove the pool's idle containers; the worker calls this when it stops."""
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


def grade_submission(submission_id: int) -> str:
    """Grade one submission in the sandbox and store the result; infrastructure faults are retried."""
    worker = worker_name()
    token = submissions.claim(submission_id, worker)
    if token is None:
        return "skipped: not queued (already graded, or taken by another worker)"
    submission = db.session.get(Submission, submission_id)
    challenge = challenges.load_version(submission.challenge_version)
    files = {name: text.encode("utf-8") for name, text in submission.files.items()}
    try:
        result = grade(challenge, files, submission.language, docker_engine(), visible=submission.visible,
                       labels={"io.assessor.submission": str(submission_id), WORKER_LABEL: worker},
                       pool=warm_pool())
    except sandbox.InfrastructureError as error:
        return _infrastructure_fault(submission_id, token, challenge, error)
    except sandbox.SandboxError as error:  # refused input that slipped past submit(): the submission's fault
        result = GradeResult("runtime_error", 0, challenge.max_score, 0, [], str(error))
    if not submissions.record_result(submission_id, token, result.to_dict()):
        return "discarded: the claim was given up meanwhile (another worker grades it)"
    log.info("graded", extra={"submission_id": submission_id, "challenge": challenge.slug,
                              "version": challenge.version, "language": submission.language,
                              "visible": submission.visible, "verdict": result.verdict, "score": result.score,
                              "max_score": result.max_score, "duration_ms": result.duration_ms, "worker": worker})
    return result.verdict


def _infrastructure_fault(submission_id: int, token: str, challenge, error: Exception) -> str:
    """Retry later while retries remain; then record internal_error, never a zero score."""
    job = get_current_job()
    retrying = job is not None and bool(job.retries_left)
    log.warning("grading failed on our side", extra={"submission_id": submission_id, "challenge": challenge.slug,
                                                     "error": str(error)[:500], "retrying": retrying})
    if retrying:
        submissions.release(submission_id, token)
        raise error
    submissions.record_result(submission_id, token, GradeResult.internal_error(challenge, str(error)).to_dict(),
                              status="error")
    return "internal_error"
