"""Webhook deliveries end to end: a real `assessor worker` process POSTs to a real HTTP receiver on
127.0.0.1 — signed, retried after failures, logged — and an attempt graded by real containers fires
attempt.graded exactly once, even with two workers recording results at the same time."""

import pytest

from assessor.extensions import db
from assessor.models import (
    Challenge,
    ChallengeSet,
    ChallengeSetItem,
    DeliveryAttempt,
    WebhookDelivery,
)
from tests.conftest import FIXTURE_LIBRARY, wait_for
from tests.web.webhook_receiver import Receiver

FAST = {"ASSESSOR_WEBHOOK_RETRIES_S": "0.3,0.3", "ASSESSOR_WEBHOOK_TIMEOUT_S": "5",
        "ASSESSOR_MAINTENANCE_INTERVAL_S": 1, "ASSESSOR_RECONCILE_GRACE_S": 1}
SOLUTIONS = {slug: (FIXTURE_LIBRARY / slug / "solution" / "python" / "solution.py").read_text()
             for slug in ("sum-pairs", "mean-of-numbers")}


@pytest.fixture
def receiver():
    """A real HTTP server on a free port of 127.0.0.1."""
    with Receiver() as server:
        yield server


@pytest.fixture
def admin(client, login):
    """The test client, signed in as an admin."""
    login("admin")
    return client


def add_webhook(admin, url, events=("attempt.submitted", "attempt.graded")):
    """Add a webhook through the Integrations page; returns (id, secret) as the page shows them."""
    from assessor.models import Webhook

    response = admin.post("/admin/integrations", data={"url": url, "events": list(events), "active": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)
    webhook_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    with admin.application.app_context():
        secret = db.session.get(Webhook, webhook_id).secret
    assert secret in admin.get(f"/admin/integrations/webhooks/{webhook_id}").get_data(as_text=True)
    return webhook_id, secret


def ping(admin, webhook_id):
    assert admin.post(f"/admin/integrations/webhooks/{webhook_id}/ping").status_code == 302
    with admin.application.app_context():
        return db.session.scalars(db.select(WebhookDelivery).filter_by(webhook_id=webhook_id, event="ping")
                                  .order_by(WebhookDelivery.id.desc())).first().id


def delivery(app, delivery_id):
    with app.app_context():
        db.session.expire_all()
        row = db.session.get(WebhookDelivery, delivery_id)
        return row.status, [(a.number, a.status_code, a.error) for a in row.attempts]


def settled(app, delivery_id, status):
    """Wait until the delivery reaches the status; returns its tries as (number, HTTP status, error)."""
    return wait_for(lambda: (found := delivery(app, delivery_id))[0] == status and found[1], timeout=60)


def test_a_ping_from_the_page_arrives_signed_and_the_log_shows_it(app, admin, receiver, start_worker):
    start_worker(**FAST)
    webhook_id, secret = add_webhook(admin, receiver.answer("/hooks/ok", 200))
    delivery_id = ping(admin, webhook_id)

    assert settled(app, delivery_id, "delivered") == [(1, 200, None)]
    [request] = receiver.received("/hooks/ok")
    assert request.signed_with(secret) and not request.signed_with(secret + "x")
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Assessor-Event"] == "ping"
    payload = request.payload
    assert payload["event"] == "ping" and payload["delivery"] == request.headers["X-Assessor-Delivery"]
    assert payload["webhook"] == {"id": webhook_id, "url": receiver.base + "/hooks/ok",
                                  "events": ["attempt.submitted", "attempt.graded"]}
    page = admin.get(f"/admin/integrations/webhooks/{webhook_id}").get_data(as_text=True)
    assert "HTTP 200" in page and "answer 200 to /hooks/ok" in page and payload["delivery"] in page


def test_a_500_is_retried_and_the_log_shows_both_tries(app, admin, receiver, start_worker):
    start_worker(**FAST)
    webhook_id, secret = add_webhook(admin, receiver.answer("/hooks/flaky", 500, 200))
    delivery_id = ping(admin, webhook_id)

    assert settled(app, delivery_id, "delivered") == [(1, 500, None), (2, 200, None)]
    first, second = receiver.received("/hooks/flaky")
    assert first.body == second.body and first.signed_with(secret) and second.signed_with(secret)
    assert first.headers["X-Assessor-Delivery"] == second.headers["X-Assessor-Delivery"]   # receivers de-duplicate
    page = admin.get(f"/admin/integrations/webhooks/{webhook_id}").get_data(as_text=True)
    assert "HTTP 500" in page and "HTTP 200" in page and "delivered" in page


def test_failures_end_in_failed_after_the_last_retry_and_redeliver_sends_it_again(app, admin, receiver, start_worker):
    start_worker(**FAST)
    down_id, _ = add_webhook(admin, receiver.answer("/hooks/down", 503))
    moved_id, _ = add_webhook(admin, receiver.answer("/hooks/moved", 302))
    with Receiver() as closed:
        refused_url = closed.base + "/hooks/gone"          # nothing listens there once the block ends
    refused_id, _ = add_webhook(admin, refused_url)
    down, moved, refused = ping(admin, down_id), ping(admin, moved_id), ping(admin, refused_id)

    assert settled(app, down, "failed") == [(1, 503, None), (2, 503, None), (3, 503, None)]
    assert [code for _, code, _ in settled(app, moved, "failed")] == [302, 302, 302]
    assert receiver.received("/moved-here") == []                                  # redirects are not followed
    tries = settled(app, refused, "failed")
    assert len(tries) == 3 and all(code is None and "Connection" in error for _, code, error in tries)
    page = admin.get(f"/admin/integrations/webhooks/{moved_id}").get_data(as_text=True)
    assert "HTTP 302 (redirects are not followed)" in page and "failed" in page

    receiver.answer("/hooks/down", 200)
    assert admin.post(f"/admin/integrations/deliveries/{down}/redeliver").status_code == 302
    assert settled(app, down, "delivered")[-1] == (4, 200, None)
    sent = receiver.received("/hooks/down")
    assert len(sent) == 4 and len({r.headers["X-Assessor-Delivery"] for r in sent}) == 1


def graded_set(app):
    """A challenge set of two fixture challenges (so two workers can record results at once)."""
    from assessor.services.invitations import invite

    with app.app_context():
        challenges = [db.session.scalar(db.select(Challenge).filter_by(slug=slug)) for slug in SOLUTIONS]
        challenge_set = ChallengeSet(name="Two challenges", time_limit_min=30, show_hidden_results=True,
                                     items=[ChallengeSetItem(challenge=c, position=i) for i, c in enumerate(challenges)])
        db.session.add(challenge_set)
        db.session.commit()
        return invite(challenge_set, "Grace Hopper", "grace@example.com")[1]


def test_a_graded_attempt_fires_submitted_then_graded_exactly_once(app, client, admin, receiver, start_worker,
                                                                   docker_client):
    from assessor.models import Attempt

    webhook_id, secret = add_webhook(admin, receiver.answer("/hooks/ats", 200))
    other_id, _ = add_webhook(admin, receiver.answer("/hooks/graded-only", 200), events=["attempt.graded"])
    token = graded_set(app)
    assert client.post(f"/c/{token}/start").status_code == 302
    ids = []
    for slug, code in SOLUTIONS.items():
        response = client.post(f"/c/{token}/challenges/{slug}/submissions",
                               json={"language": "python", "files": {"solution.py": code}})
        assert response.status_code == 202, response.get_json()
        ids.append(response.get_json()["id"])
    assert client.post(f"/c/{token}/finish").status_code == 302       # before any grading: both stay queued
    start_worker(**FAST)
    start_worker(**FAST)

    def all_sent():
        with app.app_context():
            db.session.expire_all()
            rows = db.session.scalars(db.select(WebhookDelivery).where(WebhookDelivery.event != "ping")).all()
            attempt = db.session.scalar(db.select(Attempt))
            return attempt.graded_event_at and all(r.status == "delivered" for r in rows) and rows

    rows = wait_for(all_sent, timeout=180)
    assert sorted((r.webhook_id, r.event) for r in rows) == sorted(
        [(webhook_id, "attempt.submitted"), (webhook_id, "attempt.graded"), (other_id, "attempt.graded")])
    assert [r.headers["X-Assessor-Event"] for r in receiver.received("/hooks/ats")] == [
        "attempt.submitted", "attempt.graded"]
    assert len(receiver.received("/hooks/graded-only", "attempt.graded")) == 1
    submitted, graded = receiver.received("/hooks/ats")
    assert submitted.signed_with(secret) and graded.signed_with(secret)

    assert submitted.payload["attempt"]["status"] == "submitted"
    assert submitted.payload["attempt"]["finish_reason"] == "finished"
    attempt = graded.payload["attempt"]
    assert graded.payload["event"] == "attempt.graded"
    assert graded.payload["delivery"] == graded.headers["X-Assessor-Delivery"]
    assert attempt["status"] == "graded"
    assert attempt["candidate"] == {"name": "Grace Hopper", "email": "grace@example.com"}
    assert attempt["challenge_set"]["name"] == "Two challenges"
    assert [(c["slug"], c["score"], c["max_score"], c["submission"]["verdict"]) for c in attempt["challenges"]] == [
        ("sum-pairs", 7, 7, "passed"), ("mean-of-numbers", attempt["max_score"] - 7, attempt["max_score"] - 7, "passed")]
    assert (attempt["score"], attempt["percent"]) == (attempt["max_score"], 100.0)
    assert {c["submission"]["id"] for c in attempt["challenges"]} == set(ids)
    assert attempt["links"]["report"].endswith(f"/manager/attempts/{attempt['id']}")
    assert attempt["links"]["api"].endswith(f"/api/v1/attempts/{attempt['id']}")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(DeliveryAttempt)) == 3
