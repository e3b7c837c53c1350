"""The JSON bodies of webhook deliveries (their schemas are in the OpenAPI document's `webhooks`)."""

import json
from datetime import datetime

from flask import current_app

from ..api import serialize
from ..extensions import db
from ..models import Attempt, Submission, Webhook
from .scoring import counted

ATTEMPT_STATUS = {"attempt.submitted": "submitted", "attempt.graded": "graded"}


def encode(payload: dict) -> str:
    """The body as sent and signed: compact JSON, UTF-8 kept as is."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def attempt_event(event: str, delivery_id: str, occurred_at: datetime, attempt: Attempt) -> dict:
    """The body of attempt.submitted / attempt.graded."""
    return {"event": event, "delivery": delivery_id, "occurred_at": serialize.iso(occurred_at),
            "attempt": attempt_summary(attempt, ATTEMPT_STATUS[event])}


def ping_event(delivery_id: str, occurred_at: datetime, webhook: Webhook) -> dict:
    """The body of a ping: which webhook it tests."""
    return {"event": "ping", "delivery": delivery_id, "occurred_at": serialize.iso(occurred_at),
            "webhook": {"id": webhook.id, "url": webhook.url, "events": list(webhook.events)}}


def attempt_summary(attempt: Attempt, status: str) -> dict:
    """An attempt as a receiver needs it: who, which set, the score per challenge and links to the report."""
    invitation, base = attempt.invitation, current_app.config["PUBLIC_URL"].rstrip("/")
    body, challenges = serialize.attempt(attempt), _challenges(attempt)
    # Summed here, not read from the attempt's standing: before its first grading that is still 0 of 0.
    score, most = sum(c["score"] for c in challenges), sum(c["max_score"] for c in challenges)
    body.update(
        status=status,
        candidate={"name": invitation.candidate_name, "email": invitation.candidate_email},
        challenge_set={"id": invitation.challenge_set.id, "name": invitation.challenge_set.name},
        score=score, max_score=most, percent=round(100.0 * score / most, 2) if most else 0.0,
        challenges=challenges,
        links={"report": f"{base}/manager/attempts/{attempt.id}", "api": f"{base}/api/v1/attempts/{attempt.id}"},
    )
    return body


def _challenges(attempt: Attempt) -> list[dict]:
    """Per challenge of the set, in order: its points and the final (latest scored) submission.

    The points come from the submissions as this transaction sees them (the rule of scoring.counted),
    not from the stored standing: another worker's grade may be committed while its refresh of the
    standing is still to come."""
    hidden = db.session.scalars(db.select(Submission).where(Submission.attempt_id == attempt.id,
                                                            Submission.visible.is_(False))
                                .order_by(Submission.id)).all()
    points = {challenge_id: (s.score or 0, s.max_score or 0) for challenge_id, s in counted(hidden).items()}
    final = {submission.challenge_version.challenge_id: submission for submission in hidden}
    rows = []
    for challenge in attempt.invitation.challenge_set.challenges:
        score, most = points.get(challenge.id, (0, challenge.current_version.max_score))
        submission = final.get(challenge.id)
        rows.append({"slug": challenge.slug, "title": challenge.current_version.title, "score": score,
                     "max_score": most,
                     "submission": None if submission is None else {
                         "id": submission.id, "status": submission.status, "verdict": submission.verdict,
                         "language": submission.language, "score": submission.score,
                         "max_score": submission.max_score, "graded_at": serialize.iso(submission.graded_at)}})
    return rows
