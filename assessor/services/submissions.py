"""Submitting code, and the life of a submission: queued → running → graded (or error)."""

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
    """Record a submission against the challenge's current version and queue it for grading."""
    if as_utc(attempt.deadline_at) <= utcnow() or attempt.finished_at is not None:
        raise ServiceError("deadline_passed", "The time for this assessment is over; submissions are closed.", 409)
    if challenge not in attempt.invitation.challenge_set.challenges:
        raise ServiceError("not_in_set", "This challenge is not part of your assessment.", 404)
    version = challenge.current_version
    if language not in version.languages:
        raise ServiceError("unsupported_language", f"{language!r} is not offered for this challenge "
                           f"(offered: {', '.join(version.languages)}).")
    try:
        checked = sandbox.check_files({name: text.encode("utf-8") for name, text in files.items()})
    except (sandbox.BadSubmission, AttributeError) as error:
        raise ServiceError("bad_submission", str(error)) from None
    submission = Submission(attempt=attempt, challenge_version=version, language=language, visible=visible,
                            files={name: content.decode("utf-8") for name, content in checked.items()})
    db.session.add(submission)
    db.session.commit()
    enqueue(submission)
    return submission


def enqueue(submission: Submission) -> bool:
    """Put the submission's grading job on the queue; the row stays `queued` even if Redis is down."""
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
        )
    except RedisError:
        current_app.logger.warning("submission %s stays queued: Redis is unreachable", submission.id)
        return False
    return True


def claim(submission_id: int) -> bool:
    """Move a queued submission to running; False if another worker has it or it is done."""
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == "queued")
        .values(status="running", updated_at=utcnow(), grading_attempts=Submission.grading_attempts + 1)
    )
    db.session.commit()
    return result.rowcount == 1


def record_result(submission_id: int, result: dict, status: str = "graded") -> bool:
    """Store a grading result on a running submission (once: a second result is refused)."""
    outcome = db.session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == "running")
        .values(status=status, result=result, verdict=result["verdict"], score=result["score"],
                max_score=result["max_score"], graded_at=utcnow(), updated_at=utcnow())
    )
    db.session.commit()
    return outcome.rowcount == 1


def release(submission_id: int) -> None:
    """Give a running submission back to the queue after an infrastructure fault."""
    db.session.execute(update(Submission).where(Submission.id == submission_id, Submission.status == "running")
                       .values(status="queued", updated_at=utcnow()))
    db.session.commit()


def reconcile(stuck_after_s: int | None = None) -> list[int]:
    """Re-queue submissions stuck in queued/running (a dead worker, a flushed Redis); returns their ids."""
    bound = utcnow() - timedelta(seconds=stuck_after_s or current_app.config["STUCK_AFTER_S"])
    stuck = db.session.scalars(db.select(Submission).where(Submission.status.in_(("queued", "running")),
                                                           Submission.updated_at < bound)).all()
    for submission in stuck:
        submission.status, submission.updated_at = "queued", utcnow()
    db.session.commit()
    for submission in stuck:
        enqueue(submission)
    return [submission.id for submission in stuck]


def public_status(submission: Submission) -> dict:
    """What a candidate may see of a submission: status, and for example runs the test details."""
    status = {"id": submission.id, "status": submission.status, "visible": submission.visible}
    if submission.status == "error":
        status["message"] = "Grading failed on our side, not yours: your submission is kept and will be re-graded."
    if submission.status == "graded" and submission.result:
        status["verdict"] = submission.verdict
        if submission.visible:
            status["tests"] = submission.result["tests"]
            status["message"] = submission.result.get("message", "")
            status["output"] = submission.result.get("output", "")[:4000]
        status["passed"] = sum(1 for t in submission.result["tests"] if t["outcome"] == "passed")
        status["total"] = len(submission.result["tests"])
    return status
