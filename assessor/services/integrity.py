"""Integrity flags: evidence a manager should look at before trusting a score — never a verdict.

Flags come from two places: code similarity between final submissions (services/similarity.py)
and what the candidate's page reported (services/behaviour.py). Each is computed again whenever
its evidence changes; a flag keeps its review (who looked at it, when, what they concluded) as
long as it exists, and one whose evidence has gone away is removed unless someone reviewed it.
"""

from sqlalchemy.orm import selectinload

from ..errors import ServiceError
from ..extensions import db
from ..models import IntegrityFlag, User, utcnow

MAX_NOTE = 2000


def upsert(attempt_id: int, key: str, kind: str, summary: str, *, challenge_id: int | None = None,
           score: float | None = None, match_id: int | None = None, evidence: dict | None = None) -> IntegrityFlag:
    """Create the flag `key` of an attempt, or update its evidence (its review stays)."""
    flag = db.session.scalar(db.select(IntegrityFlag).filter_by(attempt_id=attempt_id, key=key))
    if flag is None:
        flag = IntegrityFlag(attempt_id=attempt_id, key=key, kind=kind)
        db.session.add(flag)
    flag.summary, flag.challenge_id, flag.score, flag.match_id = summary[:500], challenge_id, score, match_id
    flag.evidence, flag.updated_at = evidence or {}, utcnow()
    return flag


def retract(attempt_id: int, keys_prefix: str, keep: set[str]) -> int:
    """Remove the attempt's unreviewed flags whose key starts with the prefix and is not in `keep`."""
    stale = db.session.scalars(db.select(IntegrityFlag).where(
        IntegrityFlag.attempt_id == attempt_id, IntegrityFlag.key.startswith(keys_prefix, autoescape=True),
        IntegrityFlag.reviewed_at.is_(None))).all()
    removed = 0
    for flag in stale:
        if flag.key not in keep:
            db.session.delete(flag)
            removed += 1
    return removed


def flags_of(attempt_ids: list[int]) -> dict[int, list[IntegrityFlag]]:
    """The flags of these attempts, per attempt, unreviewed first, then by kind."""
    found: dict[int, list[IntegrityFlag]] = {attempt_id: [] for attempt_id in attempt_ids}
    if not attempt_ids:
        return found
    for flag in db.session.scalars(db.select(IntegrityFlag).where(IntegrityFlag.attempt_id.in_(attempt_ids))
                                   .options(selectinload(IntegrityFlag.match), selectinload(IntegrityFlag.reviewed_by))
                                   .order_by(IntegrityFlag.reviewed_at.is_not(None), IntegrityFlag.kind,
                                             IntegrityFlag.id)):
        found[flag.attempt_id].append(flag)
    return found


def review(flag: IntegrityFlag, user: User, note: str) -> IntegrityFlag:
    """Mark a flag reviewed by a manager, with what they concluded (the flag and its evidence stay)."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ServiceError("bad_request", f"The note is over {MAX_NOTE} characters.")
    flag.reviewed_at, flag.reviewed_by, flag.review_note = utcnow(), user, note
    db.session.commit()
    return flag


def reopen(flag: IntegrityFlag) -> IntegrityFlag:
    """Take a review back: the flag counts as unreviewed again."""
    flag.reviewed_at, flag.reviewed_by, flag.review_note = None, None, ""
    db.session.commit()
    return flag

