"""Database models. The database, not Redis, is the truth about every submission."""

from datetime import datetime, timezone

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db

ROLES = ("admin", "manager", "interviewer")
DECISIONS = ("shortlist", "hold", "reject")
SUBMISSION_STATUSES = ("queued", "running", "graded", "error")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime | None) -> datetime | None:
    """A datetime read back from SQLite (naive) as aware UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


class User(UserMixin, db.Model):
    """A staff account: admin, manager or interviewer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    setup_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)   # invited, password not set
    setup_expires_at: Mapped[datetime | None]

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of the password."""
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        """Whether the password matches the stored hash (an invited account has none yet)."""
        return self.password_hash.startswith("scrypt:") and check_password_hash(self.password_hash, password)


class ApiToken(db.Model):
    """A staff member's bearer token for the JSON API, stored hashed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    user: Mapped[User] = relationship()
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class OutboxMessage(db.Model):
    """An email the platform sent (SMTP) or, with no SMTP configured, left in the outbox to read."""

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    transport: Mapped[str] = mapped_column(String(10))       # smtp | outbox
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Challenge(db.Model):
    """A challenge of the library; its content lives in versions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("challenge_version.id", use_alter=True, name="fk_challenge_current_version"))
    current_version: Mapped["ChallengeVersion | None"] = relationship(foreign_keys=[current_version_id],
                                                                      post_update=True)


class ChallengeVersion(db.Model):
    """One content hash of a challenge, with a snapshot of its files: old grades never move."""

    __table_args__ = (UniqueConstraint("challenge_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id"), index=True)
    challenge: Mapped[Challenge] = relationship(foreign_keys=[challenge_id])
    version: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    difficulty: Mapped[str] = mapped_column(String(10))
    skills: Mapped[list] = mapped_column(JSON)
    languages: Mapped[list] = mapped_column(JSON)
    statement: Mapped[str] = mapped_column(Text)
    max_score: Mapped[int]
    bundle: Mapped[bytes] = mapped_column(LargeBinary)   # tar.gz of the challenge directory
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChallengeSet(db.Model):
    """An ordered group of challenges assigned to candidates together."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    time_limit_min: Mapped[int] = mapped_column(default=90)
    languages: Mapped[list | None] = mapped_column(JSON)          # None: every language a challenge offers
    show_hidden_results: Mapped[bool] = mapped_column(default=False)   # candidates see hidden pass counts
    cutoff_percent: Mapped[float | None]                           # at or above: "suggested"
    blind_review: Mapped[bool] = mapped_column(default=False)       # names hidden until a decision
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_by: Mapped[User | None] = relationship()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    items: Mapped[list["ChallengeSetItem"]] = relationship(order_by="ChallengeSetItem.position",
                                                           cascade="all, delete-orphan")
    invitations: Mapped[list["Invitation"]] = relationship(back_populates="challenge_set",
                                                           order_by="Invitation.id")

    @property
    def challenges(self) -> list[Challenge]:
        """The set's challenges in order."""
        return [item.challenge for item in self.items]


class ChallengeSetItem(db.Model):
    """A challenge's place in a set."""

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("challenge_set.id"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id"))
    position: Mapped[int]
    challenge: Mapped[Challenge] = relationship()


class Invitation(db.Model):
    """A candidate's access to one challenge set; the link's token is stored only as a hash."""

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("challenge_set.id"), index=True)
    challenge_set: Mapped[ChallengeSet] = relationship(back_populates="invitations")
    candidate_name: Mapped[str] = mapped_column(String(200))
    candidate_email: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    extra_minutes: Mapped[int] = mapped_column(default=0)       # accommodations
    opened_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempt: Mapped["Attempt | None"] = relationship(back_populates="invitation", uselist=False)


class Attempt(db.Model):
    """A candidate's sitting of a challenge set, with its server-side clock and its standing."""

    __table_args__ = (Index("ix_attempt_set_percent", "set_id", "percent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitation.id"), unique=True)
    invitation: Mapped[Invitation] = relationship(back_populates="attempt")
    set_id: Mapped[int | None] = mapped_column(ForeignKey("challenge_set.id"))
    # Kept up to date as submissions are graded (services/scoring.py), so ranking is one indexed query.
    score: Mapped[int] = mapped_column(default=0)
    max_score: Mapped[int] = mapped_column(default=0)
    percent: Mapped[float] = mapped_column(default=0.0)
    submissions_count: Mapped[int] = mapped_column(default=0)
    first_submitted_at: Mapped[datetime | None]
    last_submitted_at: Mapped[datetime | None]
    time_used_s: Mapped[int | None]                               # start to last submission
    decision: Mapped[str | None] = mapped_column(String(10))
    decided_at: Mapped[datetime | None]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    deadline_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    finish_reason: Mapped[str | None] = mapped_column(String(20))    # finished | deadline
    # When the webhook events attempt.submitted / attempt.graded happened: set once each, by a conditional
    # update in the transaction that writes their deliveries (services/webhooks.py).
    submitted_event_at: Mapped[datetime | None]
    graded_event_at: Mapped[datetime | None]
    submissions: Mapped[list["Submission"]] = relationship(back_populates="attempt",
                                                           order_by="Submission.id")
    drafts: Mapped[list["Draft"]] = relationship(back_populates="attempt")


class ChallengeScore(db.Model):
    """An attempt's standing on one challenge: its last graded submission's points."""

    __table_args__ = (UniqueConstraint("attempt_id", "challenge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    score: Mapped[int]
    max_score: Mapped[int]


class SkillScore(db.Model):
    """An attempt's percentage on one skill, over the challenges that exercise it (for filtering)."""

    __table_args__ = (UniqueConstraint("attempt_id", "skill"), Index("ix_skill_score_skill_percent", "skill", "percent"))

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"))
    skill: Mapped[str] = mapped_column(String(60))
    percent: Mapped[float]


class Decision(db.Model):
    """A hiring decision on an attempt, with who made it, when and why; the history is kept."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    decided_by: Mapped[User] = relationship()
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)


class Draft(db.Model):
    """The candidate's latest unsaved-to-grading code of a challenge in a language, autosaved."""

    __table_args__ = (UniqueConstraint("attempt_id", "challenge_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    attempt: Mapped[Attempt] = relationship(back_populates="drafts")
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id"))
    challenge: Mapped[Challenge] = relationship()
    language: Mapped[str] = mapped_column(String(20))
    files: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Submission(db.Model):
    """Code sent for grading: `queued → running → graded`, or `error` when grading itself failed."""

    __table_args__ = (Index("ix_submission_status_updated", "status", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    attempt: Mapped[Attempt] = relationship(back_populates="submissions")
    challenge_version_id: Mapped[int] = mapped_column(ForeignKey("challenge_version.id"))
    challenge_version: Mapped[ChallengeVersion] = relationship()
    language: Mapped[str] = mapped_column(String(20))
    files: Mapped[dict] = mapped_column(JSON)              # {file name: text}
    visible: Mapped[bool] = mapped_column(default=False)   # True: a "Run examples" run, not scored
    automatic: Mapped[bool] = mapped_column(default=False) # submitted for the candidate at the deadline
    status: Mapped[str] = mapped_column(String(10), default="queued")
    verdict: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[int | None]
    max_score: Mapped[int | None]
    result: Mapped[dict | None] = mapped_column(JSON)      # the SPEC §5 result, as graded
    grading_attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(120))    # worker grading it now
    claim_token: Mapped[str | None] = mapped_column(String(32))    # only this claim may store a result
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    graded_at: Mapped[datetime | None]
    past_grades: Mapped[list["PastGrade"]] = relationship(back_populates="submission", order_by="PastGrade.id")


class PastGrade(db.Model):
    """A grade a submission had before staff re-graded it; kept, never changed (SPEC §4 versions)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    submission: Mapped[Submission] = relationship(back_populates="past_grades")
    challenge_version_id: Mapped[int] = mapped_column(ForeignKey("challenge_version.id"))
    challenge_version: Mapped[ChallengeVersion] = relationship()
    status: Mapped[str] = mapped_column(String(10))
    verdict: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[int | None]
    max_score: Mapped[int | None]
    result: Mapped[dict | None] = mapped_column(JSON)
    graded_at: Mapped[datetime | None]
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    replaced_by: Mapped[User | None] = relationship()
    reason: Mapped[str] = mapped_column(Text, default="")


WEBHOOK_EVENTS = ("attempt.submitted", "attempt.graded")
DELIVERY_STATUSES = ("pending", "sending", "delivered", "failed")


class Webhook(db.Model):
    """An admin's subscription: the events in `events` are POSTed, signed with `secret`, to `url`."""

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(200), default="")
    secret: Mapped[str] = mapped_column(String(100))       # kept in clear: it signs every delivery
    events: Mapped[list] = mapped_column(JSON)             # names from WEBHOOK_EVENTS
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_by: Mapped[User | None] = relationship()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    deliveries: Mapped[list["WebhookDelivery"]] = relationship(back_populates="webhook")


class WebhookDelivery(db.Model):
    """One event for one webhook (the outbox row): its body, its state and when it is next tried.

    `event_key` ("attempt.graded:42", or "ping:<uuid>") is unique per webhook, so an event reaches a
    webhook once however many workers record it."""

    __table_args__ = (UniqueConstraint("webhook_id", "event_key"),
                      Index("ix_webhook_delivery_status_next", "status", "next_attempt_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhook.id"), index=True)
    webhook: Mapped[Webhook] = relationship(back_populates="deliveries")
    uuid: Mapped[str] = mapped_column(String(36), unique=True)    # X-Assessor-Delivery, the same on every try
    event: Mapped[str] = mapped_column(String(40))
    event_key: Mapped[str] = mapped_column(String(80))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id"))
    body: Mapped[str] = mapped_column(Text)                       # the exact JSON sent (and signed)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    tries: Mapped[int] = mapped_column(default=0)                 # POSTs begun, redeliveries included
    failures: Mapped[int] = mapped_column(default=0)              # failed POSTs since the last (re)delivery
    next_attempt_at: Mapped[datetime | None]                      # pending: not before this
    claimed_at: Mapped[datetime | None]                           # sending: since when
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]                          # delivered or failed
    attempts: Mapped[list["DeliveryAttempt"]] = relationship(back_populates="delivery", order_by="DeliveryAttempt.id")


class DeliveryAttempt(db.Model):
    """One POST of a delivery, as the log shows it: when, how long, the HTTP status or the error."""

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("webhook_delivery.id"), index=True)
    delivery: Mapped[WebhookDelivery] = relationship(back_populates="attempts")
    number: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int] = mapped_column(default=0)
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)
    response_snippet: Mapped[str] = mapped_column(Text, default="")


BEHAVIOUR_KINDS = ("paste", "away")
FLAG_KINDS = ("similarity", "paste", "away")


class BehaviourEvent(db.Model):
    """What the candidate's page reported during an attempt (disclosed on the welcome page): a paste
    into the editor (its size) or a time away from the page (its length), with when it happened.

    `event_id` is the page's own id of the event: a batch sent again (its answer was lost) is not
    counted twice."""

    __table_args__ = (UniqueConstraint("attempt_id", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    event_id: Mapped[str | None] = mapped_column(String(40))
    challenge_id: Mapped[int | None] = mapped_column(ForeignKey("challenge.id"))
    challenge: Mapped[Challenge | None] = relationship()
    kind: Mapped[str] = mapped_column(String(10))              # BEHAVIOUR_KINDS
    occurred_at: Mapped[datetime]                              # as the page said, bounded by the attempt
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    chars: Mapped[int | None]                                  # paste: characters, lines
    lines: Mapped[int | None]
    duration_ms: Mapped[int | None]                            # away: how long


class SimilarityMatch(db.Model):
    """Two solutions of a challenge that share more code than independent work would: a candidate's
    final submission against another candidate's, the reference solution or a known public one."""

    __table_args__ = (Index("ix_similarity_match_challenge", "challenge_id", "score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenge.id"))
    challenge: Mapped[Challenge] = relationship()
    language: Mapped[str] = mapped_column(String(20))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    submission: Mapped[Submission] = relationship(foreign_keys=[submission_id])
    other_submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"), index=True)
    other_submission: Mapped[Submission | None] = relationship(foreign_keys=[other_submission_id])
    other_source: Mapped[str] = mapped_column(String(120))     # "submission", "reference" or "public:<file>"
    score: Mapped[float]
    regions: Mapped[list] = mapped_column(JSON)                # matching line ranges, for the side-by-side view
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class IntegrityFlag(db.Model):
    """Evidence a manager should look at before trusting an attempt's score — never a verdict.

    `key` names what the flag is about ("similarity:<challenge>:<other>", "paste:<challenge>", "away"),
    unique per attempt, so computing it again updates it and keeps its review."""

    __table_args__ = (UniqueConstraint("attempt_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    attempt: Mapped[Attempt] = relationship()
    kind: Mapped[str] = mapped_column(String(12))              # FLAG_KINDS
    key: Mapped[str] = mapped_column(String(160))
    challenge_id: Mapped[int | None] = mapped_column(ForeignKey("challenge.id"))
    summary: Mapped[str] = mapped_column(String(500))
    score: Mapped[float | None]                                # similarity: the pair's score
    match_id: Mapped[int | None] = mapped_column(ForeignKey("similarity_match.id", ondelete="SET NULL"))
    match: Mapped[SimilarityMatch | None] = relationship()
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    reviewed_by: Mapped[User | None] = relationship()
    review_note: Mapped[str] = mapped_column(Text, default="")
