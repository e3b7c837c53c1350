"""An attempt's standing: per challenge its last graded submission counts; totals, percentages and
skill scores are kept on the attempt so the shortlist ranks thousands of candidates in one query."""

from collections import defaultdict

from ..extensions import db
from ..models import Attempt, ChallengeScore, SkillScore, Submission, as_utc


def counted(hidden: list[Submission]) -> dict[int, Submission]:
    """Per challenge id, the submission that counts: the last graded of these (hidden, in id order)."""
    latest = {}
    for submission in hidden:
        if submission.status == "graded":
            latest[submission.challenge_version.challenge_id] = submission
    return latest


def refresh(attempt_id: int) -> Attempt:
    """Recompute an attempt's standing from its submissions (call after each hidden grading).

    Two workers may record an attempt's gradings at once: the attempt's row is locked first, so the
    second refresh reads after the first has committed, and neither writes a standing that misses
    the other's grade (PostgreSQL; SQLite runs one writer at a time anyway)."""
    db.session.execute(db.select(Attempt.id).where(Attempt.id == attempt_id).with_for_update())
    attempt = db.session.get(Attempt, attempt_id)
    challenges = attempt.invitation.challenge_set.challenges
    hidden = db.session.scalars(db.select(Submission).where(Submission.attempt_id == attempt_id,
                                                            Submission.visible.is_(False))
                                .order_by(Submission.id)).all()
    latest = counted(hidden)
    existing = {row.challenge_id: row for row in
                db.session.scalars(db.select(ChallengeScore).filter_by(attempt_id=attempt_id))}
    points = {}
    for challenge in challenges:
        submission = latest.get(challenge.id)
        if submission is None:
            points[challenge.id] = (0, challenge.current_version.max_score)
            continue
        points[challenge.id] = (submission.score or 0, submission.max_score or 0)
        row = existing.get(challenge.id) or ChallengeScore(attempt_id=attempt_id, challenge_id=challenge.id)
        row.submission_id, row.score, row.max_score = submission.id, submission.score or 0, submission.max_score or 0
        db.session.add(row)
    attempt.score = sum(score for score, _ in points.values())
    attempt.max_score = sum(most for _, most in points.values())
    attempt.percent = round(100.0 * attempt.score / attempt.max_score, 2) if attempt.max_score else 0.0
    attempt.submissions_count = len(hidden)
    if hidden:
        attempt.first_submitted_at, attempt.last_submitted_at = hidden[0].created_at, hidden[-1].created_at
        attempt.time_used_s = int((as_utc(hidden[-1].created_at) - as_utc(attempt.started_at)).total_seconds())
    _skills(attempt, challenges, points)
    db.session.commit()
    return attempt


def _skills(attempt: Attempt, challenges, points) -> None:
    totals = defaultdict(lambda: [0, 0])
    for challenge in challenges:
        for skill in challenge.current_version.skills:
            totals[skill][0] += points[challenge.id][0]
            totals[skill][1] += points[challenge.id][1]
    rows = {row.skill: row for row in db.session.scalars(db.select(SkillScore).filter_by(attempt_id=attempt.id))}
    for skill, (score, most) in totals.items():
        row = rows.get(skill) or SkillScore(attempt_id=attempt.id, skill=skill)
        row.percent = round(100.0 * score / most, 2) if most else 0.0
        db.session.add(row)


def skill_percentages(attempt_ids: list[int]) -> dict[int, dict[str, float]]:
    """Skill percentages of several attempts: {attempt id: {skill: percent}} (plain rows: fast for thousands)."""
    result = defaultdict(dict)
    if attempt_ids:
        statement = db.select(SkillScore.attempt_id, SkillScore.skill, SkillScore.percent).where(
            SkillScore.attempt_id.in_(attempt_ids))
        for attempt_id, skill, percent in db.session.execute(statement):
            result[attempt_id][skill] = percent
    return result


def challenge_points(attempt_ids: list[int]) -> dict[int, dict[int, tuple[int, int]]]:
    """Points per challenge of several attempts: {attempt id: {challenge id: (score, max)}}."""
    result = defaultdict(dict)
    if attempt_ids:
        statement = db.select(ChallengeScore.attempt_id, ChallengeScore.challenge_id, ChallengeScore.score,
                              ChallengeScore.max_score).where(ChallengeScore.attempt_id.in_(attempt_ids))
        for attempt_id, challenge_id, score, most in db.session.execute(statement):
            result[attempt_id][challenge_id] = (score, most)
    return result
