"""Code similarity of a challenge's final submissions, stored as matches and integrity flags.

Per challenge and language, the corpus is every attempt's final submission (the last graded one,
as the report shows it), the challenge's reference solution, and the public solutions its author
put in `public/<language>/`; the starter code is what everyone was given and never counts
(assessor/integrity does the comparing). A pair at or above the threshold (SIMILARITY_THRESHOLD)
flags the attempts in it: evidence for a manager to look at side by side, never a verdict.

It runs as an RQ job (`check_challenge`) when an attempt's submissions have been graded, on a
queue of its own after grading; one job per challenge waits at a time.
"""

from flask import current_app
from redis.exceptions import RedisError

from .. import integrity
from ..extensions import db
from ..integrity.sources import challenge_sources
from ..models import (
    Challenge,
    ChallengeVersion,
    IntegrityFlag,
    SimilarityMatch,
    Submission,
    utcnow,
)
from . import challenges as challenge_versions
from . import integrity as flags
from .queue import integrity_queue

FLAG_PREFIX = "similarity:"


def finals(challenge: Challenge) -> list[Submission]:
    """Each attempt's final graded, hidden-test submission of this challenge."""
    rows = db.session.scalars(
        db.select(Submission).join(ChallengeVersion, Submission.challenge_version_id == ChallengeVersion.id)
        .where(ChallengeVersion.challenge_id == challenge.id, Submission.visible.is_(False),
               Submission.status == "graded")
        .order_by(Submission.id)).all()
    last: dict[int, Submission] = {}
    for submission in rows:
        last[submission.attempt_id] = submission
    return list(last.values())


def check_challenge(challenge_id: int) -> int:
    """Compare the challenge's final submissions again; store the matches and flags. Returns how many
    pairs reached the threshold."""
    challenge = db.session.get(Challenge, challenge_id)
    if challenge is None or challenge.current_version is None:
        return 0
    threshold = current_app.config.get("SIMILARITY_THRESHOLD") or integrity.DEFAULT_THRESHOLD
    loaded = challenge_versions.load_version(challenge.current_version)
    submissions = finals(challenge)
    by_language: dict[str, list[Submission]] = {}
    for submission in submissions:
        by_language.setdefault(submission.language, []).append(submission)

    db.session.execute(db.update(IntegrityFlag).where(IntegrityFlag.match_id.in_(
        db.select(SimilarityMatch.id).where(SimilarityMatch.challenge_id == challenge_id))).values(match_id=None))
    db.session.execute(db.delete(SimilarityMatch).where(SimilarityMatch.challenge_id == challenge_id))
    kept: dict[int, set[str]] = {s.attempt_id: set() for s in submissions}
    flagged = 0
    for language, group in by_language.items():
        if language not in integrity.LANGUAGES:
            continue
        for pair in _pairs(loaded, language, group, threshold):
            flagged += _store(challenge, language, pair, {f"s{s.id}": s for s in group}, kept)
    for attempt_id, keys in kept.items():
        flags.retract(attempt_id, f"{FLAG_PREFIX}{challenge_id}:", keys)
    db.session.commit()
    return flagged


def _pairs(loaded, language: str, group: list[Submission], threshold: float) -> list[integrity.PairMatch]:
    sources, base = challenge_sources(loaded.path, language)
    documents = [integrity.Document(f"s{s.id}", s.files, "submission") for s in group] + sources
    return integrity.compare(documents, language, base=base, threshold=threshold)


def _store(challenge: Challenge, language: str, pair: integrity.PairMatch, by_id: dict[str, Submission],
           kept: dict[int, set[str]]) -> int:
    """Keep a pair as a match (a submission first) and, when flagged, flag each attempt in it."""
    a, b = (pair.a, pair.b) if pair.a in by_id else (pair.b, pair.a)
    regions = [list(r) for r in pair.regions] if a == pair.a else [swapped(r) for r in pair.regions]
    mine, other = by_id[a], by_id.get(b)
    match = SimilarityMatch(challenge_id=challenge.id, language=language, submission=mine, other_submission=other,
                            other_source="submission" if other else b, score=pair.score, regions=regions,
                            computed_at=utcnow())
    db.session.add(match)
    if not pair.flagged:
        return 0
    db.session.flush()
    _flag(mine, challenge, match, _describe_other(b, other), kept)
    if other is not None:
        _flag(other, challenge, match, _describe_other(a, mine), kept)
    return 1


def _flag(submission: Submission, challenge: Challenge, match: SimilarityMatch, other: dict,
          kept: dict[int, set[str]]) -> None:
    key = f"{FLAG_PREFIX}{challenge.id}:{other['key']}"
    title = challenge.current_version.title
    percent = round(match.score * 100)
    flags.upsert(submission.attempt_id, key, "similarity",
                 f"{title}: {percent}% of the smaller solution matches {other['label']}",
                 challenge_id=challenge.id, score=match.score, match_id=match.id,
                 evidence={"submission_id": submission.id, "other": other, "score": match.score,
                           "regions": len(match.regions), "language": match.language})
    kept.setdefault(submission.attempt_id, set()).add(key)


def _describe_other(document_id: str, submission: Submission | None) -> dict:
    if submission is not None:
        return {"key": f"attempt-{submission.attempt_id}", "kind": "submission", "attempt_id": submission.attempt_id,
                "submission_id": submission.id, "label": f"another candidate's final submission (#{submission.id})"}
    if document_id == "reference":
        return {"key": "reference", "kind": "reference", "label": "the reference solution"}
    name = document_id.split(":", 1)[1]
    return {"key": document_id, "kind": "public", "file": name, "label": f"a known public solution ({name})"}


def swapped(region) -> list:
    """A stored region [a_file, a_lines, b_file, b_lines, tokens] seen from the other side."""
    a_file, a_lines, b_file, b_lines, tokens = region
    return [b_file, list(b_lines), a_file, list(a_lines), tokens]


def enqueue_check(challenge_id: int) -> bool:
    """Queue a similarity check of the challenge unless one is already waiting; False when Redis is down."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    queue = integrity_queue()
    job_id = f"similarity-{current_app.config['QUEUE_NAME']}-{challenge_id}"
    try:
        try:
            if Job.fetch(job_id, connection=queue.connection).get_status() in ("queued", "scheduled", "deferred"):
                return True
        except NoSuchJobError:
            pass
        queue.enqueue("assessor.integrity_jobs.check_similarity", challenge_id, job_id=job_id,
                      job_timeout=600, result_ttl=600, failure_ttl=7 * 24 * 3600)
    except RedisError:
        current_app.logger.warning("similarity check of challenge %s not queued: Redis is unreachable", challenge_id)
        return False
    return True
