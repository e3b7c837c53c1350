"""The shortlist of a challenge set: candidates ranked by score, filtered, sorted, paginated, and
the decisions managers record on them."""

import csv
import hashlib
import io
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select

from ..errors import ServiceError
from ..extensions import db
from ..models import DECISIONS, Attempt, ChallengeSet, Decision, Invitation, SkillScore, User, utcnow
from . import scoring

PER_PAGE = 50
SORTS = {
    "rank": (Attempt.percent.desc(), Attempt.time_used_s.asc().nulls_last()),
    "time": (Attempt.time_used_s.asc().nulls_last(),),
    "submissions": (Attempt.submissions_count.desc(),),
    "name": (Invitation.candidate_name.asc(),),
    "started": (Attempt.started_at.desc(),),
}


@dataclass
class Filters:
    """What the manager narrowed the list to."""

    status: str = ""            # "in progress" | "submitted"
    min_percent: float | None = None
    max_percent: float | None = None
    decision: str = ""          # shortlist | hold | reject | none
    skill: str = ""
    skill_min: float | None = None
    sort: str = "rank"

    @classmethod
    def from_args(cls, args) -> "Filters":
        """Filters from query-string arguments; bad numbers are ignored, not fatal."""
        def number(name):
            try:
                value = float(args.get(name, ""))
            except ValueError:
                return None
            return value if 0 <= value <= 100 else None

        sort = args.get("sort", "rank")
        return cls(status=args.get("status", "") if args.get("status") in ("in progress", "submitted") else "",
                   min_percent=number("min"), max_percent=number("max"),
                   decision=args.get("decision", "") if args.get("decision") in (*DECISIONS, "none") else "",
                   skill=args.get("skill", "")[:60], skill_min=number("skill_min"),
                   sort=sort if sort in SORTS else "rank")


@dataclass
class Row:
    """One candidate's line of the shortlist."""

    rank: int
    attempt: Attempt
    invitation: Invitation
    status: str
    suggested: bool
    display_name: str
    display_email: str
    challenges: dict[int, tuple[int, int]] = field(default_factory=dict)
    skills: dict[str, float] = field(default_factory=dict)
    tests: dict[int, list[dict]] = field(default_factory=dict)     # per challenge, the counted tests
    flags: list = field(default_factory=list)                      # IntegrityFlags, unreviewed first
    signals: dict = field(default_factory=dict)                    # behaviour.summary(): pastes, time away


@dataclass
class Page:
    """A page of the shortlist and what is needed to draw its controls."""

    rows: list[Row]
    total: int
    page: int
    pages: int


def _ranked(challenge_set: ChallengeSet):
    """Attempts of the set with their overall rank (ties share a rank)."""
    return (select(Attempt.id.label("attempt_id"),
                   func.rank().over(order_by=Attempt.percent.desc()).label("rank"))
            .where(Attempt.set_id == challenge_set.id).subquery())


def query(challenge_set: ChallengeSet, filters: Filters):
    """The filtered, sorted select of (Attempt, Invitation, rank)."""
    ranked = _ranked(challenge_set)
    statement = (select(Attempt, Invitation, ranked.c.rank)
                 .join(ranked, ranked.c.attempt_id == Attempt.id)
                 .join(Invitation, Invitation.id == Attempt.invitation_id))
    now = utcnow()
    if filters.status == "submitted":
        statement = statement.where(or_(Attempt.finished_at.is_not(None), Attempt.deadline_at <= now))
    elif filters.status == "in progress":
        statement = statement.where(and_(Attempt.finished_at.is_(None), Attempt.deadline_at > now))
    if filters.min_percent is not None:
        statement = statement.where(Attempt.percent >= filters.min_percent)
    if filters.max_percent is not None:
        statement = statement.where(Attempt.percent <= filters.max_percent)
    if filters.decision == "none":
        statement = statement.where(Attempt.decision.is_(None))
    elif filters.decision:
        statement = statement.where(Attempt.decision == filters.decision)
    if filters.skill:
        skill = select(SkillScore.id).where(SkillScore.attempt_id == Attempt.id, SkillScore.skill == filters.skill)
        if filters.skill_min is not None:
            skill = skill.where(SkillScore.percent >= filters.skill_min)
        statement = statement.where(skill.exists())
    return statement.order_by(*SORTS[filters.sort], Attempt.id)


def page(challenge_set: ChallengeSet, filters: Filters, number: int = 1, per_page: int = PER_PAGE) -> Page:
    """One page of the shortlist, each row with its per-challenge and per-skill scores."""
    statement = query(challenge_set, filters)
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    pages = max(1, -(-total // per_page))
    number = min(max(1, number), pages)
    results = db.session.execute(statement.limit(per_page).offset((number - 1) * per_page)).all()
    rows = _rows(challenge_set, results)
    _explain(rows)
    _integrity(rows)
    return Page(rows, total, number, pages)


def _explain(rows: list[Row]) -> None:
    """Attach, to each row, the hidden tests by name of the submissions its scores come from."""
    from ..models import ChallengeScore, Submission

    ids = [row.attempt.id for row in rows]
    if not ids:
        return
    statement = (select(ChallengeScore.attempt_id, ChallengeScore.challenge_id, Submission.result)
                 .join(Submission, Submission.id == ChallengeScore.submission_id)
                 .where(ChallengeScore.attempt_id.in_(ids)))
    by_attempt = {row.attempt.id: row for row in rows}
    for attempt_id, challenge_id, result in db.session.execute(statement):
        by_attempt[attempt_id].tests[challenge_id] = list((result or {}).get("tests", []))


def _integrity(rows: list[Row]) -> None:
    """Attach, to each row, its integrity flags and behaviour signals (a query each for the page)."""
    from . import behaviour, integrity

    ids = [row.attempt.id for row in rows]
    flags, signals = integrity.flags_of(ids), behaviour.summaries(ids)
    for row in rows:
        row.flags, row.signals = flags[row.attempt.id], signals[row.attempt.id]


def all_rows(challenge_set: ChallengeSet, filters: Filters) -> list[Row]:
    """Every row that matches (for exports), in order."""
    return _rows(challenge_set, db.session.execute(query(challenge_set, filters)).all())


def _rows(challenge_set: ChallengeSet, results) -> list[Row]:
    from .invitations import status

    ids = [attempt.id for attempt, _invitation, _rank in results]
    points = scoring.challenge_points(ids)
    skills = scoring.skill_percentages(ids)
    now = utcnow()
    rows = []
    for attempt, invitation, rank in results:
        hidden = challenge_set.blind_review and attempt.decision is None
        rows.append(Row(
            rank=rank, attempt=attempt, invitation=invitation, status=status(invitation, now, attempt),
            suggested=challenge_set.cutoff_percent is not None and attempt.percent >= challenge_set.cutoff_percent,
            display_name=pseudonym(invitation) if hidden else invitation.candidate_name,
            display_email="hidden until a decision" if hidden else invitation.candidate_email,
            challenges=points.get(attempt.id, {}), skills=skills.get(attempt.id, {})))
    return rows


def pseudonym(invitation: Invitation) -> str:
    """A stable name for blind review: the same candidate always gets the same one."""
    digest = hashlib.sha256(f"assessor:{invitation.set_id}:{invitation.id}".encode()).hexdigest()
    return f"Candidate {digest[:6].upper()}"


def histogram(challenge_set: ChallengeSet, buckets: int = 10) -> list[int]:
    """How many attempts of the set fall in each score band (0-10 %, ..., 90-100 %)."""
    counts = [0] * buckets
    for (percent,) in db.session.execute(select(Attempt.percent).where(Attempt.set_id == challenge_set.id)):
        counts[min(int(percent // (100 / buckets)), buckets - 1)] += 1
    return counts


def decide(attempts: list[Attempt], decision: str, note: str, user: User) -> int:
    """Record a decision (with its note, who and when) on attempts; the history is kept."""
    if decision not in DECISIONS:
        raise ServiceError("invalid", f"A decision is one of {', '.join(DECISIONS)}.")
    if len(note or "") > 2000:
        raise ServiceError("invalid", "A note is at most 2000 characters.")
    now = utcnow()
    for attempt in attempts:
        db.session.add(Decision(attempt_id=attempt.id, decision=decision, note=(note or "").strip(),
                                decided_by_id=user.id, decided_at=now))
        attempt.decision, attempt.decided_at = decision, now
    db.session.commit()
    return len(attempts)


def history(attempt: Attempt) -> list[Decision]:
    """The decisions on an attempt, newest first."""
    return db.session.scalars(db.select(Decision).filter_by(attempt_id=attempt.id)
                              .order_by(Decision.decided_at.desc(), Decision.id.desc())).all()


def columns(challenge_set: ChallengeSet) -> tuple[list, list[str]]:
    """The set's challenges and skills, in the order the table shows them."""
    challenges = challenge_set.challenges
    skills = sorted({skill for c in challenges for skill in c.current_version.skills})
    return challenges, skills


def as_dicts(challenge_set: ChallengeSet, rows: list[Row]) -> list[dict]:
    """Rows as plain data, with the same columns as the table (for CSV and JSON)."""
    challenges, skills = columns(challenge_set)
    out = []
    for row in rows:
        record = {"rank": row.rank, "candidate": row.display_name, "email": row.display_email,
                  "score_percent": row.attempt.percent, "score": row.attempt.score, "max_score": row.attempt.max_score,
                  "suggested": row.suggested, "status": row.status, "decision": row.attempt.decision or "",
                  "time_used_min": round(row.attempt.time_used_s / 60, 1) if row.attempt.time_used_s is not None else None,
                  "submissions": row.attempt.submissions_count, "attempt_id": row.attempt.id}
        for challenge in challenges:
            score, most = row.challenges.get(challenge.id, (0, challenge.current_version.max_score))
            record[f"challenge:{challenge.slug}"] = f"{score}/{most}"
        for skill in skills:
            record[f"skill:{skill}"] = row.skills.get(skill, 0.0)
        out.append(record)
    return out


def to_csv(challenge_set: ChallengeSet, rows: list[Row]) -> str:
    """The shortlist as CSV, the same columns as the table."""
    records = as_dicts(challenge_set, rows)
    buffer = io.StringIO()
    challenges, skills = columns(challenge_set)
    header = ["rank", "candidate", "email", "score_percent", "score", "max_score", "suggested", "status", "decision",
              "time_used_min", "submissions", *[f"challenge:{c.slug}" for c in challenges],
              *[f"skill:{s}" for s in skills], "attempt_id"]
    writer = csv.DictWriter(buffer, fieldnames=header)
    writer.writeheader()
    for record in records:
        writer.writerow({key: _safe_cell(value) for key, value in record.items()})
    return buffer.getvalue()


def _safe_cell(value):
    """Spreadsheet-safe text: a cell starting with = + - @ is not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value

