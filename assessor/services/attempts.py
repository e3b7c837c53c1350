"""A candidate's attempt: drafts autosaved as they type, Finish, and the deadline's last word."""

from ..errors import ServiceError
from ..extensions import db
from ..models import Attempt, Challenge, Draft, Submission, as_utc, utcnow
from . import sets, submissions, webhooks

MAX_DRAFT_BYTES = 512 * 1024


def is_open(attempt: Attempt) -> bool:
    """Whether the candidate may still work: started, not finished, before the deadline."""
    return attempt.finished_at is None and as_utc(attempt.deadline_at) > utcnow()


def save_draft(attempt: Attempt, challenge: Challenge, language: str, files: dict[str, str]) -> Draft:
    """Keep the candidate's current code for a challenge and language (the latest save wins)."""
    if not is_open(attempt):
        raise ServiceError("deadline_passed", "The time for this assessment is over; your last draft was kept.", 409)
    if language not in sets.languages_for(attempt.invitation.challenge_set, challenge):
        raise ServiceError("unsupported_language", f"{language!r} is not allowed for this challenge.")
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise ServiceError("bad_request", "Drafts are a mapping of file names to text.")
    if sum(len(v.encode("utf-8")) for v in files.values()) > MAX_DRAFT_BYTES:
        raise ServiceError("bad_submission", f"The draft is over {MAX_DRAFT_BYTES // 1024} KiB.")
    draft = db.session.scalar(db.select(Draft).filter_by(attempt_id=attempt.id, challenge_id=challenge.id,
                                                         language=language))
    if draft is None:
        draft = Draft(attempt=attempt, challenge=challenge, language=language)
        db.session.add(draft)
    draft.files, draft.updated_at = dict(files), utcnow()
    db.session.commit()
    return draft


def latest_draft(attempt: Attempt, challenge: Challenge) -> Draft | None:
    """The most recently saved draft of a challenge, in any language."""
    return db.session.scalar(db.select(Draft).filter_by(attempt_id=attempt.id, challenge_id=challenge.id)
                             .order_by(Draft.updated_at.desc()).limit(1))


def finish(attempt: Attempt, reason: str = "finished") -> list[Submission]:
    """End the attempt and submit, for each challenge, a last draft newer than its last submission."""
    if attempt.finished_at is not None:
        return []
    attempt.finished_at, attempt.finish_reason = utcnow(), reason
    db.session.commit()
    made = []
    for challenge in attempt.invitation.challenge_set.challenges:
        draft = latest_draft(attempt, challenge)
        if draft is None:
            continue
        last = db.session.scalar(db.select(Submission).join(Submission.challenge_version)
                                 .where(Submission.attempt_id == attempt.id, Submission.visible.is_(False),
                                        Submission.challenge_version.has(challenge_id=challenge.id))
                                 .order_by(Submission.id.desc()).limit(1))
        if last is not None and last.files == draft.files and last.language == draft.language:
            continue
        if last is not None and as_utc(last.created_at) >= as_utc(draft.updated_at):
            continue
        made.append(submissions.record_and_enqueue(attempt, challenge, draft.language, draft.files, automatic=True))
    webhooks.attempt_finished(attempt)   # attempt.submitted, once the last drafts are in
    return made


def close_expired(limit: int = 200) -> int:
    """Finish attempts whose deadline passed (submitting their last drafts); returns how many."""
    due = db.session.scalars(db.select(Attempt).where(Attempt.finished_at.is_(None), Attempt.deadline_at < utcnow())
                             .limit(limit)).all()
    for attempt in due:
        finish(attempt, reason="deadline")
    return len(due)
