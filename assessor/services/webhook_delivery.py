"""Sending webhook deliveries: a signed POST from a worker, retried with backoff, every try logged.

A delivery is ``pending`` (due at ``next_attempt_at``) → ``sending`` (claimed by one job with a
conditional update, so duplicate jobs are harmless) → ``delivered`` on a 2xx answer, or back to
``pending`` after a failure while retries remain (``WEBHOOK_RETRY_SCHEDULE_S``), then ``failed``.
Redirects are not followed: a 3xx is a failure like any other non-2xx answer.

Signature: ``X-Assessor-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`` keyed with
the webhook's secret, the timestamp being ``X-Assessor-Timestamp`` (Unix seconds).
"""

import hashlib
import hmac
import http.client
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from redis.exceptions import RedisError
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import or_, select, update

from ..extensions import db
from ..models import DeliveryAttempt, WebhookDelivery, utcnow
from .queue import redis_connection, webhook_queue

SNIPPET_BYTES = 1024          # of the receiver's answer, kept in the log
USER_AGENT = "assessor-webhooks/1"
JOB = "assessor.webhook_jobs.deliver_webhook"
log = logging.getLogger("assessor.webhooks")


@dataclass
class Outcome:
    """What one POST came to: an HTTP status, or the error that stopped it."""

    status_code: int | None = None
    error: str | None = None
    snippet: str = ""
    duration_ms: int = 0

    @property
    def ok(self) -> bool:
        """A 2xx answer: the receiver has it."""
        return self.status_code is not None and 200 <= self.status_code < 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Assessor-Signature value of a body sent at a timestamp."""
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def headers(delivery: WebhookDelivery, timestamp: str, body: bytes) -> dict[str, str]:
    """The headers of one POST of a delivery."""
    return {"Content-Type": "application/json", "User-Agent": USER_AGENT,
            "X-Assessor-Event": delivery.event, "X-Assessor-Delivery": delivery.uuid,
            "X-Assessor-Timestamp": timestamp, "X-Assessor-Signature": sign(delivery.webhook.secret, timestamp, body)}


def post(url: str, body: bytes, request_headers: dict[str, str], timeout_s: float) -> Outcome:
    """POST the body; never follows redirects, gives up after about timeout_s, keeps a capped snippet."""
    parts = urlsplit(url)
    https = parts.scheme.lower() == "https"
    connection_class = http.client.HTTPSConnection if https else http.client.HTTPConnection
    # The port is always given: http.client would read the end of a bare IPv6 address as one.
    connection = connection_class(parts.hostname, parts.port or (443 if https else 80), timeout=timeout_s)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    deadline = started + timeout_s
    try:
        connection.request("POST", target, body=body, headers=request_headers)
        response = connection.getresponse()
        snippet = b""
        # Each read waits at most timeout_s, so a receiver trickling its answer holds us about twice that.
        while len(snippet) < SNIPPET_BYTES and time.monotonic() < deadline:
            chunk = response.read1(SNIPPET_BYTES - len(snippet))
            if not chunk:
                break
            snippet += chunk
        return Outcome(response.status, None, snippet.decode("utf-8", "replace"), _ms(started))
    except TimeoutError:
        return Outcome(None, f"no answer within {timeout_s:g} s", "", _ms(started))
    except (OSError, http.client.HTTPException) as error:   # refused, unreachable, TLS, garbled answer
        return Outcome(None, f"{type(error).__name__}: {error}"[:500], "", _ms(started))
    finally:
        connection.close()


def schedule_text(schedule) -> str:
    """The waits before each retry as people say them: "30 s, 2 min, 10 min, 1 h, 6 h"."""
    def one(seconds: float) -> str:
        for unit, size in (("h", 3600), ("min", 60)):
            if seconds >= size and seconds % size == 0:
                return f"{seconds / size:g} {unit}"
        return f"{seconds:g} s"

    return ", ".join(one(float(wait)) for wait in schedule) or "no retries"


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def job_id(delivery: WebhookDelivery) -> str:
    """The RQ job of a delivery's next try (the queue's name keeps deployments sharing a Redis apart)."""
    return f"webhook-{current_app.config['QUEUE_NAME']}-{delivery.id}-{delivery.tries}"


def enqueue(delivery: WebhookDelivery, delay_s: float = 0.0) -> bool:
    """Queue the delivery's next try, after delay_s; with Redis down it stays pending for the reconciler."""
    options = {"job_id": job_id(delivery), "job_timeout": int(current_app.config["WEBHOOK_TIMEOUT_S"]) + 30,
               "result_ttl": 600, "failure_ttl": 7 * 24 * 3600}
    try:
        queue = webhook_queue()
        if delay_s > 0:
            queue.enqueue_in(timedelta(seconds=delay_s), JOB, delivery.id, **options)
        else:
            queue.enqueue(JOB, delivery.id, **options)
    except RedisError:
        log.warning("webhook delivery %s stays pending: Redis is unreachable", delivery.id)
        return False
    return True


def send_soon(deliveries: list[WebhookDelivery]) -> None:
    """Queue freshly recorded deliveries."""
    for delivery in deliveries:
        enqueue(delivery)


def attempt(delivery_id: int) -> str:
    """One try of a delivery (the job's work): claim it, POST it, log the try, decide what comes next."""
    now = utcnow()
    claimed = db.session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id, WebhookDelivery.status == "pending",
               or_(WebhookDelivery.next_attempt_at.is_(None), WebhookDelivery.next_attempt_at <= now))
        .values(status="sending", claimed_at=now, tries=WebhookDelivery.tries + 1)
        .execution_options(synchronize_session=False))
    db.session.commit()   # expires what the session held of the row: it is read back fresh below
    if claimed.rowcount != 1:
        return "skipped: not due (sent already, or another job has it)"
    delivery = db.session.get(WebhookDelivery, delivery_id)
    webhook = delivery.webhook
    started = utcnow()
    if not webhook.active and delivery.event != "ping":
        outcome = Outcome(error="not sent: the webhook is disabled")
        conclude(delivery, outcome, started, retry=False)
        return "failed: webhook disabled"
    timestamp, body = str(int(time.time())), delivery.body.encode("utf-8")
    outcome = post(webhook.url, body, headers(delivery, timestamp, body), current_app.config["WEBHOOK_TIMEOUT_S"])
    status = conclude(delivery, outcome, started)
    log.info("webhook delivery", extra={"delivery_id": delivery.id, "webhook_id": webhook.id, "event": delivery.event,
                                        "status_code": outcome.status_code, "error": outcome.error,
                                        "duration_ms": outcome.duration_ms, "outcome": status})
    return status


def conclude(delivery: WebhookDelivery, outcome: Outcome, started, retry: bool = True) -> str:
    """Log the try and move the delivery on: delivered, pending again (with the next wait), or failed."""
    db.session.add(DeliveryAttempt(delivery=delivery, number=delivery.tries, started_at=started,
                                   duration_ms=outcome.duration_ms, status_code=outcome.status_code,
                                   error=outcome.error, response_snippet=outcome.snippet[:SNIPPET_BYTES]))
    schedule = current_app.config["WEBHOOK_RETRY_SCHEDULE_S"]
    delivery.claimed_at = None
    delay = None
    if outcome.ok:
        delivery.status, delivery.finished_at, delivery.next_attempt_at = "delivered", utcnow(), None
    else:
        delivery.failures += 1
        if retry and delivery.failures <= len(schedule):
            delay = float(schedule[delivery.failures - 1])
            delivery.status, delivery.next_attempt_at = "pending", utcnow() + timedelta(seconds=delay)
        else:
            delivery.status, delivery.finished_at, delivery.next_attempt_at = "failed", utcnow(), None
    db.session.commit()
    if delay is not None:
        enqueue(delivery, delay)
    return delivery.status


def reconcile(grace_s: float) -> list[int]:
    """Re-queue pending deliveries whose job Redis lost, and free tries whose worker died mid-POST;
    returns the ids re-queued."""
    now = utcnow()
    stuck_before = now - timedelta(seconds=current_app.config["WEBHOOK_TIMEOUT_S"] + 30 + grace_s)
    stuck = db.session.scalars(select(WebhookDelivery).where(WebhookDelivery.status == "sending",
                                                             WebhookDelivery.claimed_at < stuck_before)).all()
    for delivery in stuck:
        began = delivery.claimed_at
        retaken = db.session.execute(update(WebhookDelivery).where(WebhookDelivery.id == delivery.id,
                                                                   WebhookDelivery.claimed_at == began)
                                     .values(claimed_at=now).execution_options(synchronize_session=False))
        if retaken.rowcount == 1:
            conclude(delivery, Outcome(error="no result recorded: the worker stopped during this try"), began)
    due = db.session.scalars(select(WebhookDelivery).where(
        WebhookDelivery.status == "pending",
        or_(WebhookDelivery.next_attempt_at.is_(None), WebhookDelivery.next_attempt_at < now - timedelta(seconds=grace_s)))
        .order_by(WebhookDelivery.id).limit(500)).all()
    connection, requeued = redis_connection(), []
    for delivery in due:
        try:
            status = Job.fetch(job_id(delivery), connection=connection).get_status()
        except NoSuchJobError:
            status = None
        except RedisError as error:
            log.warning("cannot re-queue webhook deliveries now: %s", error)
            break
        if status not in ("queued", "scheduled", "started", "deferred") and enqueue(delivery):
            requeued.append(delivery.id)
    return requeued
