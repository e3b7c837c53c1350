"""One try of a delivery, run in the test process (the worker runs the same function): what it does
with a receiver that never answers, a webhook disabled meanwhile, and a try whose worker died."""

import socket
from datetime import timedelta

import pytest

from assessor.extensions import db
from assessor.models import WebhookDelivery, utcnow
from assessor.services import webhook_delivery, webhooks
from tests.web.webhook_receiver import Receiver


@pytest.fixture
def silent_url():
    """A URL whose server accepts connections (the kernel's backlog) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/hooks/silent"
    listener.close()


def test_a_receiver_that_never_answers_is_a_failed_try_retried_later(app, silent_url):
    app.config.update(WEBHOOK_TIMEOUT_S=0.5, WEBHOOK_RETRY_SCHEDULE_S=(60,))
    with app.app_context():
        delivery = webhooks.ping(webhooks.create(silent_url, ["attempt.graded"]))
        assert webhook_delivery.attempt(delivery.id) == "pending"
        db.session.refresh(delivery)
        [first] = delivery.attempts
        assert (first.status_code, first.error) == (None, "no answer within 0.5 s")
        assert delivery.next_attempt_at is not None and delivery.failures == 1
        assert webhook_delivery.attempt(delivery.id).startswith("skipped")    # not due for a minute: no second POST
        assert len(delivery.attempts) == 1


def test_a_webhook_disabled_before_its_delivery_is_tried_sends_nothing(app):
    with Receiver() as receiver, app.app_context():
        hook = webhooks.create(receiver.answer("/hooks/x", 200), ["attempt.graded"])
        ping = webhooks.ping(hook)
        other = webhooks.ping(hook)
        db.session.execute(db.update(WebhookDelivery).where(WebhookDelivery.id == other.id)
                           .values(event="attempt.graded", event_key="attempt.graded:0"))
        db.session.commit()
        webhooks.update_webhook(hook, hook.url, hook.events, "", active=False)
        assert webhook_delivery.attempt(other.id) == "failed: webhook disabled"
        assert webhook_delivery.attempt(ping.id) == "delivered"                # a ping is a test: it still goes
        db.session.refresh(other)
        assert [a.error for a in other.attempts] == ["not sent: the webhook is disabled"]
        assert [r.headers["X-Assessor-Event"] for r in receiver.received()] == ["ping"]


def test_a_try_whose_worker_died_is_logged_and_retried(app):
    app.config.update(WEBHOOK_TIMEOUT_S=1, WEBHOOK_RETRY_SCHEDULE_S=(0,))
    with app.app_context():
        delivery = webhooks.ping(webhooks.create("https://hr.example.com/hooks", ["attempt.graded"]))
        db.session.execute(db.update(WebhookDelivery).values(status="sending", tries=1,
                                                             claimed_at=utcnow() - timedelta(minutes=5)))
        db.session.commit()
        assert webhook_delivery.reconcile(grace_s=1) == []        # the retry was queued as the try was concluded
        db.session.refresh(delivery)
        assert delivery.status == "pending" and delivery.failures == 1
        assert [a.error for a in delivery.attempts] == ["no result recorded: the worker stopped during this try"]
        assert webhook_delivery.reconcile(grace_s=1) == []        # once
        assert len(delivery.attempts) == 1
