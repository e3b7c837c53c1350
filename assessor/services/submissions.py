"""Submitting code, and the life of a submission: queued → running → graded (or error)."""

import secrets
from datetime import timedelta

from flask import current_app
from redis.exceptions import RedisError
from rq import Retry
from sqlalchemy import update

import sandbox

from ..errors import ServiceError
from ..extensions import db
from ..models import Attempt, Challenge, Submission, as_utc, utcnow
from .queue import grading_queue, job_id


def submit(attempt: Attempt, challenge: Challenge, language: str, files: dict[str, str],
           visible: bool = False) -> Submission:
    """Record a candidate's submission against the challenge's current version and queue it."""
    from .sets import languages_for

    if as_utc(attempt.deadline_at) <= utcnow() or attempt.finished_at is not None:
        raise ServiceError("deadline_passed", "The time for this assessment is over; submissions are closed.", 409)
    if challenge not in attempt.invitation.challenge_set.challenges:
        raise ServiceError("not_in_set", "This challenge is not part of your assessment.", 404)
    allowed = languages_for(attempt.invitation.challenge_set, challenge)
    if language not in allowed:
        raise ServiceError("unsupported_language", f"{language!r} is not offered for this challenge "
                           f"(offered: {', '.join(allowed)}).")
    return record_and_enqueue(attempt, challenge, language, files, visible=visible)


def record_and_enqueue(attempt: Attempt, challenge: Challenge, language: str, files: dict[str, str],
                       visible: bool = False, automatic: bool = False) -> Submission:
    """Check the files, store the submission (the database is the truth) and queue its grading."""
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise ServiceError("bad_submission", "Files must map names to text.")
    try:
        checked = sandbox.check_files({name: text.encode("utf-8") for name, text in files.items()})
    except sandbox.BadSubmission as error:
        raise ServiceError("bad_submission", str(error)) from None
    submission = Submission(attempt=attempt, challenge_version=challenge.current_version, language=language,
                            visible=visible, automatic=automatic,
                            files={name: content.decode("utf-8") for name, content in checked.items()})
    db.session.add(submission)
    db.session.commit()
    enqueue(submission)
    return submission


def enqueue(submission: Submission, at_front: bool = False) -> bool:
    """Put the submission's grading job on the queue; the row stays `queued` even if Redis is down.
    `at_front`: it was already being graded (its worker died), so it does not wait behind the backlog."""
    config = current_app.config
    retries = config["GRADING_RETRIES"]
    try:
        grading_queue().enqueue(
            "assessor.jobs.grade_submission", submission.id,
            job_id=job_id(submission.id),
            job_timeout=config["GRADING_JOB_TIMEOUT_S"],
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
            # Backoff 5 s, 20 s, 80 s, ... (RQ takes interval i for the i-th retry when lengths match).
            retry=Retry(max=retries, interval=[5 * 4 ** i for i in range(retries)]) if retries > 0 else None,
            at_front=at_front,
        )
    except RedisError:
        current_app.logger.warning("submission %s stays queued: Redis is unreachable", submission.id)
        return False
    return True


def claim(submission_id: int, worker: str) -> str | None:
    """Move a queued submission to running for this worker; returns the claim token, or None if
    another worker has it or it is done. Only the holder of the token can store a result."""
    token = secrets.token_hex(16)
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == "queued")
        .values(status="running", updated_at=utcnow(), grading_attempts=Submission.grading_attempts + 1,
                claimed_by=worker, claim_token=token)
    )
    db.session.commit()
    return token if result.rowcount == 1 else None


def record_result(submission_id: int, token: str, result: dict, status: str = "graded") -> bool:
    """Store a grading result under a live claim (once: a result from a stale claim is refused)."""
    outcome = db.session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == "running", Submission.claim_token == token)
        .values(status=status, result=result, verdict=result["verdict"], score=result["score"],
                max_score=result["max_score"], graded_at=utcnow(), updated_at=utcnow(), claim_token=None)
    )
    db.session.commit()
    if outcome.rowcount != 1:
        return False
    submission = db.session.get(Submission, submission_id)
    if not submission.visible:
        from .scoring import refresh
        from .webhooks import attempt_progressed

        from .similarity import enqueue_check

        refresh(submission.attempt_id)
        attempt_progressed(submission.attempt_id)   # attempt.graded, once its final submissions are done
        enqueue_check(submission.challenge_version.challenge_id)   # its code against the others'
    return True


def release(submission_id: int, token: str | None = None) -> bool:
    """Give a running submission back to the queue (an infrastructure fault, or its worker died)."""
    condition = [Submission.id == submission_id, Submission.status == "running"]
    if token is not None:
        condition.append(Submission.claim_token == token)
    outcome = db.session.execute(update(Submission).where(*condition)
                                 .values(status="queued", updated_at=utcnow(), claimed_by=None, claim_token=None))
    db.session.commit()
    return outcome.rowcount == 1


def reconcile(grace_s: float = 10.0) -> list[int]:
    """Re-queue what Redis or a dead worker lost; returns the ids re-queued.

    - `queued` rows whose job is not in Redis (flushed or restarted Redis, or Redis down at submit);
    - `running` rows whose worker's heartbeat stopped (the worker was killed mid-grading).
    Rows younger than `grace_s` are left alone: their job may be on its way.
    """
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    from .queue import redis_connection
    from .workers import alive

    connection = redis_connection()
    bound = utcnow() - timedelta(seconds=grace_s)
    requeued = []
    running = db.session.scalars(db.select(Submission).where(Submission.status == "running",
                                                             Submission.updated_at < bound)).all()
    living = alive(connection, {s.claimed_by for s in running}, float(current_app.config["HEARTBEAT_TTL_S"]))
    for submission in running:
        if submission.claimed_by not in living and release(submission.id, submission.claim_token):
            enqueue(submission, at_front=True)
            requeued.append(submission.id)
    queued = db.session.scalars(db.select(Submission).where(Submission.status == "queued",
                                                            Submission.updated_at < bound)).all()
    give_up = current_app.config["GRADING_RETRIES"] + 3
    for submission in queued:
        if submission.grading_attempts >= give_up:
            _give_up(submission, give_up)
            continue
        try:
            status = Job.fetch(job_id(submission.id), connection=connection).get_status()
        except NoSuchJobError:
            status = None
        if status not in ("queued", "scheduled", "started", "deferred"):
            if enqueue(submission):
                requeued.append(submission.id)
    return sorted(set(requeued))


def _give_up(submission: Submission, attempts: int) -> None:
    """Stop re-queueing a submission whose grading keeps failing on our side; staff can re-grade it."""
    message = f"grading failed on our side {attempts} times; kept for a re-grade"
    result = {"verdict": "internal_error", "score": 0, "max_score": submission.challenge_version.max_score,
              "duration_ms": 0, "tests": [], "message": message, "output": ""}
    db.session.execute(update(Submission).where(Submission.id == submission.id, Submission.status == "queued")
                       .values(status="error", result=result, verdict="internal_error", score=0,
                               max_score=result["max_score"], updated_at=utcnow()))
    db.session.commit()


def public_status(submission: Submission) -> dict:
    """What a candidate may see of a submission: status, and for example runs the test details."""
    status = {"id": submission.id, "status": submission.status, "visible": submission.visible}
    if submission.status == "queued" and submission.grading_attempts:
        status["message"] = "Grading is delayed by a problem on our side; it will be retried automatically."
    if submission.status == "error":
        status["message"] = "Grading failed on our side, not yours: your submission is kept and will be re-graded."
    if submission.status == "graded" and submission.result:
        if submission.visible:
            status["verdict"] = submission.verdict
            status["tests"] = submission.result["tests"]
            status["message"] = submission.result.get("message", "")
            status["output"] = submission.result.get("output", "")[:4000]
            status["passed"] = sum(1 for t in submission.result["tests"] if t["outcome"] == "passed")
            status["total"] = len(submission.result["tests"])
        elif submission.verdict == "compile_error":
            status["verdict"], status["message"] = "compile_error", submission.result.get("message", "")
        elif submission.attempt.invitation.challenge_set.show_hidden_results:
            status["verdict"] = submission.verdict
            status["passed"] = sum(1 for t in submission.result["tests"] if t["outcome"] == "passed")
            status["total"] = len(submission.result["tests"])
    return status
