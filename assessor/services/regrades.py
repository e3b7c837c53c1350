"""Re-grading: staff ask for it explicitly; the grade it replaces is kept (SPEC §4 versions).

A submission is graded against the challenge version current when it was made. Syncing an
edited challenge adds a version and changes no score; a re-grade moves a submission to the
challenge's current version (or re-runs it on its own, e.g. after our own grading failure).
"""

from ..errors import ServiceError
from ..extensions import db
from ..models import Challenge, ChallengeVersion, PastGrade, Submission, User, utcnow
from .submissions import enqueue

BUSY = ("queued", "running")


def regrade(submission: Submission, by: User | None, reason: str = "", current_version: bool = True) -> Submission:
    """Keep the submission's grade as a PastGrade and queue it again (on the current version by default)."""
    if submission.visible:
        raise ServiceError("not_scored", "Example runs are not scored, so they are not re-graded.", 409)
    if submission.status in BUSY:
        raise ServiceError("busy", "This submission is being graded already.", 409)
    _keep(submission, by, reason)
    if current_version:
        submission.challenge_version = submission.challenge_version.challenge.current_version
    submission.status, submission.verdict, submission.score, submission.max_score = "queued", None, None, None
    submission.result, submission.graded_at, submission.grading_attempts = None, None, 0
    submission.claimed_by = submission.claim_token = None
    submission.updated_at = utcnow()
    db.session.commit()
    enqueue(submission)
    return submission


def outdated(challenge: Challenge) -> list[Submission]:
    """Scored submissions of a challenge graded on a version that is no longer current."""
    return db.session.scalars(
        db.select(Submission).join(ChallengeVersion, Submission.challenge_version)
        .where(ChallengeVersion.challenge_id == challenge.id, Submission.visible.is_(False),
               Submission.challenge_version_id != challenge.current_version_id, Submission.status.not_in(BUSY))
        .order_by(Submission.id)).all()


def regrade_outdated(challenge: Challenge, by: User | None, reason: str = "") -> list[Submission]:
    """Re-grade every scored submission of a challenge made on an older version."""
    return [regrade(submission, by, reason) for submission in outdated(challenge)]


def _keep(submission: Submission, by: User | None, reason: str) -> None:
    db.session.add(PastGrade(
        submission=submission, challenge_version_id=submission.challenge_version_id, status=submission.status,
        verdict=submission.verdict, score=submission.score, max_score=submission.max_score,
        result=submission.result, graded_at=submission.graded_at, replaced_by=by, reason=reason.strip()[:500]))
