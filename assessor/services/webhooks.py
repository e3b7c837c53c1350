"""Webhooks: admins subscribe URLs to events; every event becomes one delivery row per subscribed
webhook, written in the transaction that records the event (an outbox), and a worker POSTs it
(services/webhook_delivery.py).

Events:

- ``attempt.submitted``  the attempt ended (Finish, or the deadline) and its last drafts were submitted;
- ``attempt.graded``     an ended attempt's final submissions are all graded (or failed on our side);
- ``ping``               an admin's test from the Integrations page.

An attempt's event happens once: a conditional update fills ``Attempt.submitted_event_at`` /
``graded_event_at`` only while empty, and the deliveries are inserted in that same transaction, so
workers recording results at the same moment cannot both fire it (and the delivery's unique
``(webhook_id, event_key)`` stands behind that). A process that dies between the event and its
record is caught up by ``reconcile`` (run by every worker's maintenance).
"""

import secrets
import uuid
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import delete, select, update
from sqlalchemy.orm import selectinload

from ..errors import ServiceError
from ..extensions import db
from ..models import (
    WEBHOOK_EVENTS,
    Attempt,
    DeliveryAttempt,
    Submission,
    User,
    Webhook,
    WebhookDelivery,
    utcnow,
)
from . import webhook_delivery, webhook_payloads

SECRET_PREFIX = "whsec_"
MAX_URL_LENGTH = 2000
EXAMPLE_URL = "https://hr.example.com/hooks/assessor"


def validate_url(url: str | None) -> str:
    """The URL, stripped, if deliveries can go there (http or https, a host, no credentials); else a clear error."""
    url = (url or "").strip()
    if not url:
        raise ServiceError("invalid_url", f"Give the URL events are sent to, e.g. {EXAMPLE_URL}.")
    if len(url) > MAX_URL_LENGTH:
        raise ServiceError("invalid_url", f"The URL is longer than {MAX_URL_LENGTH} characters.")
    if any(character.isspace() for character in url):
        raise ServiceError("invalid_url", "The URL must not contain spaces.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number in range)
    except ValueError:
        raise ServiceError("invalid_url", f"“{url}” is not a valid URL, e.g. {EXAMPLE_URL}.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ServiceError("invalid_url", f"The URL must start with http:// or https:// (“{url}” does not), "
                                          f"e.g. {EXAMPLE_URL}.")
    if not parts.hostname:
        raise ServiceError("invalid_url", f"The URL has no host name, e.g. {EXAMPLE_URL}.")
    if parts.username is not None or parts.password is not None:
        raise ServiceError("invalid_url", "Put no user name or password in the URL: receivers check the "
                                          "X-Assessor-Signature header instead.")
    if parts.fragment:
        raise ServiceError("invalid_url", "The URL must not have a #fragment (it is never sent to the server).")
    return url


def _events(events) -> list[str]:
    """The chosen events in their canonical order, or a clear error."""
    chosen = set(events or ())
    unknown = sorted(chosen - set(WEBHOOK_EVENTS))
    if unknown:
        raise ServiceError("invalid_events", f"Unknown event {', '.join(unknown)}: choose from {', '.join(WEBHOOK_EVENTS)}.")
    if not chosen:
        raise ServiceError("invalid_events", "Choose at least one event to send.")
    return [event for event in WEBHOOK_EVENTS if event in chosen]


def _description(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > 200:
        raise ServiceError("invalid", "The description is longer than 200 characters.")
    return text


def create(url: str, events, description: str = "", active: bool = True, created_by: User | None = None) -> Webhook:
    """A new webhook with a freshly generated signing secret."""
    webhook = Webhook(url=validate_url(url), events=_events(events), description=_description(description),
                      active=bool(active), secret=SECRET_PREFIX + secrets.token_urlsafe(32), created_by=created_by)
    db.session.add(webhook)
    db.session.commit()
    return webhook


def update_webhook(webhook: Webhook, url: str, events, description: str, active: bool) -> Webhook:
    """Change a webhook's URL, events, description or active flag (pending deliveries go to the new URL)."""
    checked = validate_url(url), _events(events), _description(description)   # all checked before any change
    webhook.url, webhook.events, webhook.description = checked
    webhook.active, webhook.updated_at = bool(active), utcnow()
    db.session.commit()
    return webhook


def rotate_secret(webhook: Webhook) -> str:
    """Replace the signing secret (deliveries from now on are signed with the new one); returns it."""
    webhook.secret, webhook.updated_at = SECRET_PREFIX + secrets.token_urlsafe(32), utcnow()
    db.session.commit()
    return webhook.secret


def delete_webhook(webhook: Webhook) -> None:
    """Remove a webhook with its deliveries and their log."""
    deliveries = select(WebhookDelivery.id).where(WebhookDelivery.webhook_id == webhook.id)
    db.session.execute(delete(DeliveryAttempt).where(DeliveryAttempt.delivery_id.in_(deliveries)))
    db.session.execute(delete(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook.id))
    db.session.delete(webhook)
    db.session.commit()


def ping(webhook: Webhook) -> WebhookDelivery:
    """Queue a `ping` to the webhook (sent even while it is disabled: it is a test)."""
    now = utcnow()
    delivery = _delivery(webhook, "ping", f"ping:{uuid.uuid4()}", None,
                         lambda delivery_id: webhook_payloads.ping_event(delivery_id, now, webhook))
    db.session.commit()
    webhook_delivery.send_soon([delivery])
    return delivery


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again now, with the same body and delivery id, and a fresh set of retries."""
    if not delivery.webhook.active and delivery.event != "ping":
        raise ServiceError("webhook_disabled", "This webhook is disabled: enable it before redelivering.", 409)
    outcome = db.session.execute(update(WebhookDelivery)
                                 .where(WebhookDelivery.id == delivery.id, WebhookDelivery.status != "sending")
                                 .values(status="pending", failures=0, next_attempt_at=utcnow(), finished_at=None)
                                 .execution_options(synchronize_session=False))
    db.session.commit()
    if outcome.rowcount != 1:
        raise ServiceError("delivery_busy", "This delivery is being sent right now; see its result in a moment.", 409)
    db.session.refresh(delivery)
    webhook_delivery.send_soon([delivery])
    return delivery


def attempt_finished(attempt: Attempt) -> list[WebhookDelivery]:
    """After Finish or the deadline closed the attempt: record attempt.submitted (once), then see whether
    it is graded already. Never raises: a notification must not break a candidate's Finish."""
    return _guarded(lambda: _record(attempt.id, "attempt.submitted") + attempt_progressed(attempt.id))


def attempt_progressed(attempt_id: int) -> list[WebhookDelivery]:
    """After a result was recorded: record attempt.graded (once) if the ended attempt has nothing left
    to grade. Never raises: a notification must not break recording a grade."""
    return _guarded(lambda: _record(attempt_id, "attempt.graded"))


def _guarded(action) -> list[WebhookDelivery]:
    try:
        return action()
    except Exception:  # the event's marker stayed empty, so reconcile() records it later
        db.session.rollback()
        current_app.logger.exception("recording a webhook event failed; the reconciler will retry it")
        return []


def _pending_grading(attempt_id):
    """A condition: the attempt (an id, or the column to correlate with) still has hidden submissions
    waiting for grading or being graded."""
    return (select(Submission.id).where(Submission.attempt_id == attempt_id, Submission.visible.is_(False),
                                        Submission.status.in_(("queued", "running"))).exists())


def _record(attempt_id: int, event: str) -> list[WebhookDelivery]:
    """Mark the attempt's event as happened (a conditional update: once) and write its deliveries in the
    same transaction; then queue them. Returns the deliveries (none if it had happened already)."""
    if event == "attempt.submitted":
        marker, conditions = Attempt.submitted_event_at, [Attempt.finished_at.is_not(None)]
    else:
        marker = Attempt.graded_event_at
        conditions = [Attempt.submitted_event_at.is_not(None), ~_pending_grading(attempt_id)]
    now = utcnow()
    outcome = db.session.execute(update(Attempt).where(Attempt.id == attempt_id, marker.is_(None), *conditions)
                                 .values({marker: now}).execution_options(synchronize_session=False))
    if outcome.rowcount != 1:
        db.session.commit()
        return []
    attempt = db.session.get(Attempt, attempt_id)
    deliveries = [_delivery(webhook, event, f"{event}:{attempt_id}", attempt_id,
                            lambda delivery_id: webhook_payloads.attempt_event(event, delivery_id, now, attempt))
                  for webhook in subscribed(event)]
    db.session.commit()
    webhook_delivery.send_soon(deliveries)
    return deliveries


def _delivery(webhook: Webhook, event: str, key: str, attempt_id: int | None,
              payload: Callable[[str], dict]) -> WebhookDelivery:
    """A pending delivery, added to the session, whose body is payload(its delivery id)."""
    delivery_id, now = str(uuid.uuid4()), utcnow()
    delivery = WebhookDelivery(webhook_id=webhook.id, uuid=delivery_id, event=event, event_key=key,
                               attempt_id=attempt_id, body=webhook_payloads.encode(payload(delivery_id)),
                               status="pending", next_attempt_at=now, created_at=now)
    db.session.add(delivery)
    return delivery


def subscribed(event: str) -> list[Webhook]:
    """The active webhooks that take this event."""
    hooks = db.session.scalars(select(Webhook).where(Webhook.active.is_(True)).order_by(Webhook.id)).all()
    return [hook for hook in hooks if event in hook.events]


def reconcile(grace_s: float) -> dict[str, list[int]]:
    """Record attempt events a dying process missed, and re-queue deliveries Redis lost; returns the ids."""
    bound = utcnow() - timedelta(seconds=grace_s)
    missed = db.session.scalars(select(Attempt.id).where(Attempt.submitted_event_at.is_(None),
                                                         Attempt.finished_at < bound).limit(200)).all()
    for attempt_id in missed:
        _guarded(lambda attempt_id=attempt_id: _record(attempt_id, "attempt.submitted"))
    ungraded = db.session.scalars(select(Attempt.id).where(Attempt.graded_event_at.is_(None),
                                                           Attempt.submitted_event_at < bound,
                                                           ~_pending_grading(Attempt.id)).limit(200)).all()
    graded = [attempt_id for attempt_id in ungraded if attempt_progressed(attempt_id)]
    return {"submitted": list(missed), "graded": graded,
            "deliveries": webhook_delivery.reconcile(grace_s)}


def overview() -> list[tuple[Webhook, dict[str, int]]]:
    """Every webhook with its deliveries counted by status, for the Integrations page."""
    counts: dict[int, dict[str, int]] = {}
    statement = (select(WebhookDelivery.webhook_id, WebhookDelivery.status, db.func.count())
                 .group_by(WebhookDelivery.webhook_id, WebhookDelivery.status))
    for webhook_id, status, number in db.session.execute(statement):
        counts.setdefault(webhook_id, {})[status] = number
    hooks = db.session.scalars(select(Webhook).order_by(Webhook.id)).all()
    return [(hook, counts.get(hook.id, {})) for hook in hooks]


def delivery_log(webhook: Webhook, page: int = 1, per_page: int = 25) -> tuple[list[WebhookDelivery], bool]:
    """A page of the webhook's deliveries, newest first, and whether older ones exist."""
    page = min(max(1, page), 100_000)
    rows = db.session.scalars(select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook.id)
                              .options(selectinload(WebhookDelivery.attempts)).order_by(WebhookDelivery.id.desc()).offset((page - 1) * per_page)
                              .limit(per_page + 1)).all()
    return rows[:per_page], len(rows) > per_page
