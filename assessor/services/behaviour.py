"""Behaviour signals from the candidate's page (disclosed on the welcome page): pastes into the
editor (their size, never their text) and times away from the page, with the flags they raise.

A flag is context for the hiring team, never a verdict: a large paste may be the candidate's own
code from another file, a time away may be a phone call. The thresholds only decide what is worth
a look:

- LARGE_PASTE_CHARS = 300: about ten lines of code, a whole function. Copying a name, a line or a
  signature from the statement stays well under it; a solution brought in from elsewhere does not.
- AWAY_FLAG_S = 300 in total, or more than AWAY_FLAG_COUNT = 10 times: a glance at a notification
  or a short break is normal over an hour's assessment; five minutes or a dozen switches is a
  pattern worth knowing when reading the score.
"""

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from ..errors import ServiceError
from ..extensions import db
from ..models import BEHAVIOUR_KINDS, Attempt, BehaviourEvent, as_utc, utcnow
from . import attempts, integrity

LARGE_PASTE_CHARS = 300
AWAY_FLAG_S = 300
AWAY_FLAG_COUNT = 10

MAX_EVENTS = 200                  # per request: the page sends every few seconds, far fewer
MAX_PASTE_CHARS = 1_000_000       # more than any draft may hold (attempts.MAX_DRAFT_BYTES)
MAX_AWAY_MS = 24 * 3600 * 1000    # longer than any assessment
MAX_EVIDENCE = 100                # items listed in a flag's evidence; counts and totals cover all

FIELDS = {"paste": {"id", "kind", "challenge", "at", "chars", "lines"},
          "away": {"id", "kind", "challenge", "at", "duration_ms"}}
EVENT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")


def record(attempt: Attempt, events: list[dict], *, page_now: str | None = None) -> int:
    """Store a batch of the page's events and recompute the attempt's behaviour flags; returns how many.

    The whole batch is refused (ServiceError, nothing stored) if any event is malformed. `page_now`,
    the page's clock when it sent the batch, corrects the events' times for a page whose clock is
    wrong; either way they are bounded to the attempt's start and now."""
    if not attempts.is_open(attempt):
        raise ServiceError("deadline_passed", "The time for this assessment is over; nothing more is recorded.", 409)
    if not isinstance(events, list):
        raise ServiceError("bad_request", "Expected 'events': a list of events.")
    if len(events) > MAX_EVENTS:
        raise ServiceError("bad_request", f"At most {MAX_EVENTS} events per request, not {len(events)}.")
    now, started = utcnow(), as_utc(attempt.started_at)
    skew = now - _moment(page_now, "'sent_at'") if page_now is not None else timedelta(0)
    challenges = {c.slug: c.id for c in attempt.invitation.challenge_set.challenges}
    rows = [_event(attempt, number, event, challenges, started, now, skew) for number, event in enumerate(events)]
    if not rows:
        return 0
    try:
        return _store(attempt, rows)
    except IntegrityError:      # the same batch, sent again, arrived alongside (SQLite takes no row lock)
        db.session.rollback()
        return _store(attempt, rows)


def _store(attempt: Attempt, rows: list[BehaviourEvent]) -> int:
    # One recomputation at a time per attempt (PostgreSQL; SQLite serialises writers anyway), so that
    # two batches arriving together cannot both create the same flag, nor both store the same event.
    db.session.execute(db.select(Attempt.id).where(Attempt.id == attempt.id).with_for_update())
    rows = _not_seen_before(attempt, rows)
    if rows:
        db.session.add_all(rows)
        db.session.flush()
        _recompute_flags(attempt)
    db.session.commit()
    return len(rows)


def summary(attempt: Attempt) -> dict:
    """Counts and totals of an attempt's events, for the shortlist row and the report."""
    return summaries([attempt.id])[attempt.id]


def summaries(attempt_ids: list[int]) -> dict[int, dict]:
    """summary() of many attempts in one query (a whole shortlist page); attempts without events get zeros."""
    found = {attempt_id: _empty() for attempt_id in attempt_ids}
    if not attempt_ids:
        return found
    large = db.case((BehaviourEvent.chars >= LARGE_PASTE_CHARS, 1), else_=0)
    rows = db.session.execute(
        db.select(BehaviourEvent.attempt_id, BehaviourEvent.kind, db.func.count(), db.func.sum(large),
                  db.func.max(BehaviourEvent.chars), db.func.sum(BehaviourEvent.chars),
                  db.func.max(BehaviourEvent.duration_ms), db.func.sum(BehaviourEvent.duration_ms))
        .where(BehaviourEvent.attempt_id.in_(attempt_ids)).group_by(BehaviourEvent.attempt_id, BehaviourEvent.kind))
    for attempt_id, kind, count, large_count, largest, chars, longest, duration in rows:
        if kind == "paste":
            found[attempt_id]["pastes"] = {"count": count, "large": int(large_count or 0),
                                           "largest_chars": largest or 0, "total_chars": int(chars or 0)}
        elif kind == "away":
            found[attempt_id]["away"] = {"count": count, "longest_s": round((longest or 0) / 1000),
                                         "total_s": round(int(duration or 0) / 1000)}
    return found


def _empty() -> dict:
    return {"pastes": {"count": 0, "large": 0, "largest_chars": 0, "total_chars": 0},
            "away": {"count": 0, "longest_s": 0, "total_s": 0}}


def _event(attempt, number, event, challenges, started, now, skew) -> BehaviourEvent:
    """One validated event as a row; a ServiceError naming the event and field otherwise."""
    where = f"Event {number + 1}"
    if not isinstance(event, dict):
        raise ServiceError("bad_request", f"{where}: expected an object.")
    kind = event.get("kind")
    if kind not in BEHAVIOUR_KINDS:
        raise ServiceError("bad_request", f"{where}: 'kind' must be one of {', '.join(BEHAVIOUR_KINDS)}.")
    unexpected = sorted(str(key) for key in event if key not in FIELDS[kind])
    if unexpected:
        raise ServiceError("bad_request", f"{where}: unexpected field {unexpected[0]!r} (only the size of a "
                                          "paste is recorded, never its text).")
    slug = event.get("challenge")
    if slug is None and kind == "away":
        challenge_id = None
    elif isinstance(slug, str) and slug in challenges:
        challenge_id = challenges[slug]
    else:
        raise ServiceError("bad_request", f"{where}: 'challenge' must be the slug of a challenge of this assessment.")
    occurred = _bounded(_moment(event.get("at"), f"{where}: 'at'"), skew, started, now)
    event_id = event.get("id")
    if event_id is not None and not (isinstance(event_id, str) and EVENT_ID.fullmatch(event_id)):
        raise ServiceError("bad_request", f"{where}: 'id' must be 1 to 40 letters, digits, '-' or '_'.")
    row = BehaviourEvent(attempt_id=attempt.id, event_id=event_id, challenge_id=challenge_id, kind=kind,
                         occurred_at=occurred, recorded_at=now)
    if kind == "paste":
        row.chars = _count(event.get("chars"), f"{where}: 'chars'", 1, MAX_PASTE_CHARS)
        row.lines = _count(event.get("lines"), f"{where}: 'lines'", 1, row.chars)
    else:
        # Nobody can have been away longer than the attempt has run, whatever the page measured.
        duration = _count(event.get("duration_ms"), f"{where}: 'duration_ms'", 0, MAX_AWAY_MS)
        row.duration_ms = min(duration, int((now - started).total_seconds() * 1000))
    return row


def _not_seen_before(attempt: Attempt, rows: list[BehaviourEvent]) -> list[BehaviourEvent]:
    """The rows whose page id was not recorded already (a batch sent twice) nor repeated in the batch."""
    ids = {row.event_id for row in rows if row.event_id is not None}
    seen = set(db.session.scalars(db.select(BehaviourEvent.event_id).where(
        BehaviourEvent.attempt_id == attempt.id, BehaviourEvent.event_id.in_(ids)))) if ids else set()
    fresh = []
    for row in rows:
        if row.event_id is not None:
            if row.event_id in seen:
                continue
            seen.add(row.event_id)
        fresh.append(row)
    return fresh


def _count(value, where: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ServiceError("bad_request", f"{where} must be a whole number from {low:,} to {high:,}.")
    return value


def _moment(value, where: str) -> datetime:
    """An ISO 8601 time with a time zone, as aware UTC."""
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
        moment = moment.astimezone(UTC) if moment is not None and moment.tzinfo is not None else None
    except (ValueError, OverflowError):       # not a time; or 9999-12-31T23:00-05:00, past the calendar's end
        moment = None
    if moment is None:
        raise ServiceError("bad_request", f"{where} must be an ISO 8601 time with a time zone, "
                                          "like 2024-05-01T09:30:00Z.")
    return moment


def _bounded(moment: datetime, skew: timedelta, started: datetime, now: datetime) -> datetime:
    """The page's time corrected by its clock's skew, within the attempt so far."""
    try:
        moment += skew
    except OverflowError:                     # a clock centuries off: beyond either end anyway
        moment = started if skew < timedelta(0) else now
    return min(max(moment, started), now)


def _recompute_flags(attempt: Attempt) -> None:
    """Raise, update or retract the attempt's paste and away flags from all its events so far."""
    started = as_utc(attempt.started_at)
    titles = {c.id: c.current_version.title if c.current_version else c.slug
              for c in attempt.invitation.challenge_set.challenges}
    pastes: dict[int, list[BehaviourEvent]] = {}
    for event in db.session.scalars(db.select(BehaviourEvent).where(
            BehaviourEvent.attempt_id == attempt.id, BehaviourEvent.kind == "paste",
            BehaviourEvent.chars >= LARGE_PASTE_CHARS).order_by(BehaviourEvent.occurred_at, BehaviourEvent.id)):
        pastes.setdefault(event.challenge_id, []).append(event)
    keep = set()
    for challenge_id, large in pastes.items():
        key = f"paste:{challenge_id}"
        keep.add(key)
        integrity.upsert(attempt.id, key, "paste", _paste_summary(large, titles.get(challenge_id, "a challenge")),
                         challenge_id=challenge_id, evidence={
                             "threshold_chars": LARGE_PASTE_CHARS, "count": len(large),
                             "pastes": [{"at_s": _offset(e.occurred_at, started), "chars": e.chars, "lines": e.lines}
                                        for e in large[:MAX_EVIDENCE]]})
    integrity.retract(attempt.id, "paste:", keep)

    away = summary(attempt)["away"]
    if away["total_s"] >= AWAY_FLAG_S or away["count"] > AWAY_FLAG_COUNT:
        periods = db.session.scalars(db.select(BehaviourEvent).where(
            BehaviourEvent.attempt_id == attempt.id, BehaviourEvent.kind == "away")
            .order_by(BehaviourEvent.occurred_at, BehaviourEvent.id).limit(MAX_EVIDENCE))
        times = "once" if away["count"] == 1 else f"{away['count']} times"
        integrity.upsert(attempt.id, "away", "away", f"Left the page {times}, {_duration(away['total_s'])} in all",
                         evidence={"threshold_s": AWAY_FLAG_S, "threshold_count": AWAY_FLAG_COUNT,
                                   "count": away["count"], "total_s": away["total_s"],
                                   "periods": [{"at_s": _offset(e.occurred_at, started),
                                                "duration_s": round(e.duration_ms / 1000, 1)} for e in periods]})
    else:
        integrity.retract(attempt.id, "away", set())


def _paste_summary(large: list[BehaviourEvent], title: str) -> str:
    """"2 large pastes into Rate limiter (1,240 and 380 characters)"."""
    sizes = [f"{e.chars:,}" for e in large]
    if len(large) == 1:
        return f"1 large paste into {title} ({sizes[0]} characters)"
    if len(large) <= 4:
        return f"{len(large)} large pastes into {title} ({', '.join(sizes[:-1])} and {sizes[-1]} characters)"
    total = sum(e.chars for e in large)
    return (f"{len(large)} large pastes into {title} (largest {max(e.chars for e in large):,} characters, "
            f"{total:,} in all)")


def _offset(moment: datetime, started: datetime) -> int:
    """Seconds from the attempt's start."""
    return max(0, round((as_utc(moment) - started).total_seconds()))


def _duration(seconds: int) -> str:
    """"45 s", "9 min", "1 h 5 min"."""
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
