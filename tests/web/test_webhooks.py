"""Webhooks without a worker: the Integrations page (admins only), URL validation, the outbox rows
an attempt's events write (once, whoever races), the reconciler, and the OpenAPI `webhooks`.

Deliveries are queued on the real Redis and nobody takes them here; test_webhook_delivery.py sends them."""

import json
import threading

import pytest

from assessor.extensions import db
from assessor.models import Attempt, Submission, Webhook, WebhookDelivery, utcnow
from assessor.services import attempts, invitations, webhooks

CODE = {"solution.py": "def count_pairs(numbers, target):\n    return 0\n"}


@pytest.fixture
def admin(client, login):
    """The test client, signed in as an admin."""
    login("admin")
    return client


@pytest.fixture
def attempt_id(app, invitation):
    """A started attempt with one hidden submission, still queued (no worker)."""
    from assessor.services.submissions import submit

    token = invitation()
    with app.app_context():
        attempt = invitations.start_attempt(invitations.find(token))
        submit(attempt, attempt.invitation.challenge_set.challenges[0], "python", CODE)
        return attempt.id


def deliveries(app, **where):
    with app.app_context():
        return db.session.scalars(db.select(WebhookDelivery).filter_by(**where).order_by(WebhookDelivery.id)).all()


@pytest.mark.parametrize("role", ["interviewer", "manager"])
def test_only_admins_see_integrations(client, login, role):
    login(role)
    assert b"Integrations" not in client.get("/interviewer/sets").data
    assert client.get("/admin/integrations").status_code == 403
    assert client.post("/admin/integrations", data={"url": "https://example.com/h", "events": ["ping"]}).status_code == 403


def test_admin_adds_edits_disables_and_deletes_a_webhook(app, admin):
    assert b'href="/admin/integrations"' in admin.get("/interviewer/sets").data
    assert b'href="/account/tokens"' in admin.get("/admin/integrations").data      # API tokens stay where they were
    created = admin.post("/admin/integrations", data={"url": " https://hr.example.com/hooks/a ", "active": "y",
                                                      "events": ["attempt.graded"], "description": "ATS"})
    assert created.status_code == 302
    with app.app_context():
        hook = db.session.scalar(db.select(Webhook))
        assert (hook.url, hook.events, hook.active, hook.description) == (
            "https://hr.example.com/hooks/a", ["attempt.graded"], True, "ATS")
        secret, path = hook.secret, f"/admin/integrations/webhooks/{hook.id}"
    page = admin.get(created.headers["Location"]).get_data(as_text=True)
    assert secret.startswith("whsec_") and page.count(secret) == 2      # shown once in the notice, and kept viewable
    assert secret in admin.get(path).get_data(as_text=True)

    assert admin.post(path, data={"url": "http://hr.example.com/b", "events": ["attempt.submitted", "attempt.graded"]}
                      ).status_code == 302
    with app.app_context():
        hook = db.session.get(Webhook, hook.id)
        assert (hook.url, hook.events, hook.active) == ("http://hr.example.com/b",
                                                        ["attempt.submitted", "attempt.graded"], False)
    assert "disabled" in admin.get("/admin/integrations").get_data(as_text=True)

    assert admin.post(f"{path}/secret").status_code == 302
    with app.app_context():
        assert db.session.get(Webhook, hook.id).secret != secret
    assert admin.post(f"{path}/ping").status_code == 302
    assert admin.post(f"{path}/delete").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Webhook)) == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(WebhookDelivery)) == 0
    assert admin.get(path).status_code == 404


@pytest.mark.parametrize("url, message", [
    ("", "Give the URL events are sent to"),
    ("ftp://files.example.com/drop", "must start with http:// or https://"),
    ("javascript:alert(1)", "must start with http:// or https://"),
    ("hr.example.com/hooks", "must start with http:// or https://"),
    ("https:///hooks", "has no host name"),
    ("https://bob:secret@hr.example.com/hooks", "no user name or password"),
    ("https://hr.example.com:99999/hooks", "is not a valid URL"),
    ("https://hr.example.com/a b", "must not contain spaces"),
])
def test_a_bad_url_is_refused_with_a_clear_message(app, admin, url, message):
    response = admin.post("/admin/integrations", data={"url": url, "events": ["attempt.graded"], "active": "y"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page, page
    assert 'class="flash error"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Webhook)) == 0


def test_no_event_or_an_unknown_one_is_refused(app, admin):
    assert "Choose at least one event" in admin.post("/admin/integrations", data={"url": "https://a.example/h"}
                                                     ).get_data(as_text=True)
    assert "Unknown event attempt.deleted" in admin.post("/admin/integrations", data={
        "url": "https://a.example/h", "events": ["attempt.deleted"]}).get_data(as_text=True)


def test_finish_writes_attempt_submitted_for_each_subscribed_active_webhook(app, attempt_id):
    with app.app_context():
        both = webhooks.create("https://a.example/h", ["attempt.submitted", "attempt.graded"])
        graded_only = webhooks.create("https://b.example/h", ["attempt.graded"])
        disabled = webhooks.create("https://c.example/h", ["attempt.submitted"], active=False)
        attempt = db.session.get(Attempt, attempt_id)
        attempts.finish(attempt)
        attempts.finish(attempt)                                   # a second Finish changes nothing
        ids = both.id, graded_only.id, disabled.id
    [row] = deliveries(app)
    assert (row.webhook_id, row.event, row.status, row.attempt_id) == (ids[0], "attempt.submitted", "pending", attempt_id)
    body = json.loads(row.body)
    assert body["event"] == "attempt.submitted" and body["delivery"] == row.uuid
    assert body["attempt"]["status"] == "submitted" and body["attempt"]["candidate"]["name"] == "Ada Lovelace"
    assert body["attempt"]["challenges"][0]["submission"]["status"] == "queued"
    assert (body["attempt"]["score"], body["attempt"]["max_score"]) == (0, 7)      # nothing graded yet


def test_attempt_graded_is_written_once_however_many_workers_race(app, attempt_id):
    """Eight threads, each with its own database session, record 'the last result is in' at once."""
    with app.app_context():
        hooks = [webhooks.create(f"https://{name}.example/h", ["attempt.graded"]).id for name in ("a", "b")]
        attempts.finish(db.session.get(Attempt, attempt_id))
        assert webhooks.attempt_progressed(attempt_id) == []         # its submission is still queued
        db.session.execute(db.update(Submission).values(status="graded", score=0, max_score=7, verdict="failed"))
        db.session.commit()
    start = threading.Barrier(8)
    made = []

    def worker():
        with app.app_context():
            start.wait()
            made.extend(d.id for d in webhooks.attempt_progressed(attempt_id))
            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = deliveries(app, event="attempt.graded")
    assert sorted(row.webhook_id for row in rows) == hooks
    assert sorted(made) == sorted(row.id for row in rows)
    assert json.loads(rows[0].body)["attempt"]["status"] == "graded"


def test_the_reconciler_records_missed_events_and_requeues_deliveries_redis_lost(app, attempt_id, redis_url):
    from rq.job import Job

    from assessor.services.queue import redis_connection
    from assessor.services.webhook_delivery import job_id

    with app.app_context():
        webhooks.create("https://a.example/h", ["attempt.submitted"])
        # A process died right after committing the Finish: the event was never recorded.
        db.session.execute(db.update(Attempt).values(finished_at=utcnow(), finish_reason="finished"))
        db.session.commit()
        app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"                # and Redis is down meanwhile
        assert webhooks.reconcile(grace_s=-1)["submitted"] == [attempt_id]
        [row] = deliveries(app)
        app.config["REDIS_URL"] = redis_url
        assert not Job.exists(job_id(row), connection=redis_connection())
        caught_up = webhooks.reconcile(grace_s=-1)
        assert caught_up == {"submitted": [], "graded": [], "deliveries": [row.id]}
        assert Job.exists(job_id(row), connection=redis_connection())
        assert webhooks.reconcile(grace_s=-1)["deliveries"] == []             # its job is there now


def test_redeliver_refuses_a_delivery_being_sent(app, admin):
    with app.app_context():
        hook = webhooks.create("https://a.example/h", ["attempt.graded"])
        row = webhooks.ping(hook)
        db.session.execute(db.update(WebhookDelivery).values(status="sending"))
        db.session.commit()
        row_id = row.id
    page = admin.post(f"/admin/integrations/deliveries/{row_id}/redeliver", follow_redirects=True).get_data(as_text=True)
    assert "being sent right now" in page


def test_the_openapi_document_describes_the_webhooks(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    assert set(document["webhooks"]) == {"attempt.submitted", "attempt.graded", "ping"}
    graded = document["webhooks"]["attempt.graded"]["post"]
    headers = {p["name"]: p for p in graded["parameters"] if p["in"] == "header"}
    assert set(headers) == {"X-Assessor-Event", "X-Assessor-Delivery", "X-Assessor-Timestamp", "X-Assessor-Signature"}
    assert headers["X-Assessor-Signature"]["schema"]["pattern"] == "^sha256=[0-9a-f]{64}$"
    assert "<X-Assessor-Timestamp>.<raw body>" in graded["description"]
    schema = graded["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    event = document["components"]["schemas"][schema]
    assert {"event", "delivery", "occurred_at", "attempt"} <= set(event["required"])
    attempt = document["components"]["schemas"]["WebhookAttempt"]["properties"]
    assert {"candidate", "challenge_set", "score", "max_score", "challenges", "links"} <= set(attempt)
