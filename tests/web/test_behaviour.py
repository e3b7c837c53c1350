"""Behaviour signals: the page's pastes and times away, recorded per attempt, and the flags they raise."""

from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from assessor.extensions import db
from assessor.models import Attempt, BehaviourEvent, IntegrityFlag, User, as_utc, utcnow
from assessor.services import behaviour, integrity

TITLE = "Count pairs that sum to a target"     # sum-pairs, the fixture set's challenge


def start(client, token):
    """Start the attempt, as if an hour ago (nobody is away longer than their attempt has run)."""
    assert client.post(f"/c/{token}/start").status_code == 302
    backdate(client.application)


def backdate(app, by=timedelta(hours=1)):
    with app.app_context():
        for attempt in db.session.scalars(db.select(Attempt).where(Attempt.started_at > utcnow() - by)):
            attempt.started_at -= by
        db.session.commit()


def paste(chars, lines=1, at=None, challenge="sum-pairs"):
    return {"kind": "paste", "challenge": challenge, "at": (at or utcnow()).isoformat(), "chars": chars,
            "lines": lines}


def away(seconds, at=None):
    return {"kind": "away", "challenge": "sum-pairs", "at": (at or utcnow()).isoformat(),
            "duration_ms": int(seconds * 1000)}


def post(client, token, *events, **fields):
    return client.post(f"/c/{token}/signals", json={"events": list(events), **fields})


def stored(app):
    with app.app_context():
        return db.session.scalars(db.select(BehaviourEvent).order_by(BehaviourEvent.id)).all()


def flags(app):
    with app.app_context():
        return {f.key: f for f in db.session.scalars(db.select(IntegrityFlag))}


@pytest.fixture
def started(client, invitation):
    """A started attempt's invitation token."""
    token = invitation()
    start(client, token)
    return token


def test_the_welcome_page_discloses_what_is_recorded_before_start(client, invitation):
    page = client.get(f"/c/{invitation()}").get_data(as_text=True)
    disclosure = page[page.index("What is recorded"):page.index("Start the assessment")]
    assert "the code you save, run and submit, and when" in disclosure
    assert "paste into the code editor" in disclosure and "not the text" in disclosure
    assert "leave the challenge pages" in disclosure and "another tab or window" in disclosure and "how long" in disclosure
    assert "never an automatic judgement" in disclosure


def test_the_challenge_page_reports_to_the_signals_route(client, started):
    page = client.get(f"/c/{started}/challenges/sum-pairs").get_data(as_text=True)
    assert f'data-signals-url="/c/{started}/signals"' in page and 'data-challenge="sum-pairs"' in page
    assert "signals.js" in page


def test_pastes_and_times_away_are_recorded_with_their_sizes_and_times(app, client, started):
    moment = utcnow() - timedelta(seconds=1)
    response = post(client, started, paste(1240, 31, at=moment), away(42.5, at=moment))
    assert response.status_code == 200 and response.get_json() == {"recorded": 2}
    first, second = stored(app)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        assert first.attempt_id == second.attempt_id == attempt.id
        assert first.challenge_id == second.challenge_id == attempt.invitation.challenge_set.challenges[0].id
    assert (first.kind, first.chars, first.lines, first.duration_ms) == ("paste", 1240, 31, None)
    assert (second.kind, second.chars, second.duration_ms) == ("away", None, 42500)
    assert abs(as_utc(first.occurred_at) - moment) < timedelta(milliseconds=1)
    assert post(client, started).get_json() == {"recorded": 0}          # an empty batch is no error


def test_an_away_period_may_leave_the_challenge_out(app, client, started):
    event_ = away(3)
    del event_["challenge"]
    assert post(client, started, event_).status_code == 200
    assert stored(app)[0].challenge_id is None


def test_times_are_bounded_by_the_attempt_and_corrected_for_a_wrong_page_clock(app, client, started):
    with app.app_context():
        began = as_utc(db.session.scalar(db.select(Attempt)).started_at)
    before = utcnow()
    post(client, started, paste(10, at=began - timedelta(days=3)), paste(10, at=utcnow() + timedelta(days=3)))
    early, late = stored(app)
    assert as_utc(early.occurred_at) == began
    assert before <= as_utc(late.occurred_at) <= utcnow()
    # A page whose clock is an hour fast: its 'sent_at' says so, and its events move back by that hour.
    fast = utcnow() + timedelta(hours=1)
    post(client, started, paste(10, at=fast - timedelta(seconds=2)), sent_at=fast.isoformat())
    corrected = as_utc(stored(app)[-1].occurred_at)
    assert abs(corrected - (utcnow() - timedelta(seconds=2))) < timedelta(seconds=1)
    # Clocks wildly off either way still land within the attempt.
    post(client, started, paste(10, at=as_utc(datetime(1, 1, 1))), sent_at="9999-12-31T00:00:00Z")
    post(client, started, paste(10, at=as_utc(datetime(9999, 12, 31))), sent_at="0001-01-01T00:00:00Z")
    assert [as_utc(e.occurred_at) == began for e in stored(app)[-2:]] == [True, False]
    assert before <= as_utc(stored(app)[-1].occurred_at) <= utcnow()
    # Nobody is away longer than the attempt has run (an hour here), whatever the page measured.
    post(client, started, away(3 * 3600))
    assert 3599_000 <= stored(app)[-1].duration_ms <= 3601_000


def too_many():
    return [away(1)] * (behaviour.MAX_EVENTS + 1)


BAD_BATCHES = [
    ({"events": "paste"}, "a list of events"),
    ({}, "a list of events"),
    ({"events": too_many()}, "At most 200 events"),
    ({"events": ["paste"]}, "Event 1: expected an object"),
    ({"events": [{**paste(10), "kind": "copy"}]}, "'kind' must be one of paste, away"),
    ({"events": [{**paste(10), "text": "def solve(): ..."}]}, "unexpected field 'text'"),
    ({"events": [paste(10, challenge="mean-of-numbers")]}, "challenge of this assessment"),   # not in the set
    ({"events": [{k: v for k, v in paste(10).items() if k != "challenge"}]}, "challenge of this assessment"),
    ({"events": [paste(-5)]}, "'chars' must be a whole number from 1 to 1,000,000"),
    ({"events": [paste(0)]}, "'chars' must be a whole number"),
    ({"events": [paste(2_000_000)]}, "'chars' must be a whole number"),
    ({"events": [paste(12.5)]}, "'chars' must be a whole number"),
    ({"events": [paste(True)]}, "'chars' must be a whole number"),
    ({"events": [paste("300")]}, "'chars' must be a whole number"),
    ({"events": [paste(10, lines=11)]}, "'lines' must be a whole number from 1 to 10"),
    ({"events": [away(-1)]}, "'duration_ms' must be a whole number"),
    ({"events": [away(10 ** 12)]}, "'duration_ms' must be a whole number"),
    ({"events": [{**away(1), "at": "2024-05-01T09:30:00"}]}, "with a time zone"),
    ({"events": [{**away(1), "at": "yesterday"}]}, "'at' must be an ISO 8601 time"),
    ({"events": [{**away(1), "at": 1714555800}]}, "'at' must be an ISO 8601 time"),
    ({"events": [away(1)], "sent_at": "now"}, "'sent_at' must be an ISO 8601 time"),
    ({"events": [{**away(1), "at": "9999-12-31T23:59:59-05:00"}]}, "'at' must be an ISO 8601 time"),
    ({"events": [paste(500), away(3), {**away(1), "duration_ms": None}]}, "Event 3: 'duration_ms'"),
]


@pytest.mark.parametrize("body, message", BAD_BATCHES)
def test_a_bad_batch_gets_a_clear_error_and_nothing_of_it_is_stored(app, client, started, body, message):
    response = client.post(f"/c/{started}/signals", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"
    assert message in response.get_json()["error"]["message"]
    assert stored(app) == [] and flags(app) == {}


def test_a_body_that_is_not_json_is_refused(client, started):
    response = client.post(f"/c/{started}/signals", data="events", content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["message"] == "Expected a JSON object."


def test_nothing_is_recorded_before_start_or_after_the_deadline(app, client, invitation):
    token = invitation()
    response = post(client, token, away(5))
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "not_started"
    start(client, token)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = post(client, token, paste(5000))
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "deadline_passed"
    assert stored(app) == [] and flags(app) == {}


def test_nothing_is_recorded_after_finish(app, client, started):
    assert client.post(f"/c/{started}/finish").status_code == 302
    assert post(client, started, away(5)).status_code == 409
    assert stored(app) == []


def test_a_large_paste_raises_a_flag_with_its_evidence(app, client, started):
    post(client, started, paste(behaviour.LARGE_PASTE_CHARS - 1, 9), paste(40))
    assert flags(app) == {}
    post(client, started, paste(1240, 30))
    flag = flags(app)["paste:" + str(stored(app)[0].challenge_id)]
    assert flag.kind == "paste" and flag.challenge_id == stored(app)[0].challenge_id
    assert flag.summary == f"1 large paste into {TITLE} (1,240 characters)"
    post(client, started, paste(380, 12))
    flag = flags(app)[flag.key]
    assert flag.summary == f"2 large pastes into {TITLE} (1,240 and 380 characters)"
    assert flag.evidence["threshold_chars"] == behaviour.LARGE_PASTE_CHARS
    assert [(p["chars"], p["lines"]) for p in flag.evidence["pastes"]] == [(1240, 30), (380, 12)]
    assert all(3590 <= p["at_s"] <= 3610 for p in flag.evidence["pastes"])     # started an hour ago


def test_many_large_pastes_are_summed_up(app, client, started):
    post(client, started, *[paste(400 + i) for i in range(6)])
    (flag,) = flags(app).values()
    assert flag.summary == f"6 large pastes into {TITLE} (largest 405 characters, 2,415 in all)"


def test_the_away_flag_comes_with_the_total_time_or_the_count(app, client, started):
    post(client, started, away(180), away(119))                     # 4 min 59 s
    assert flags(app) == {}
    post(client, started, away(1))
    flag = flags(app)["away"]
    assert flag.kind == "away" and flag.challenge_id is None
    assert flag.summary == "Left the page 3 times, 5 min in all"
    assert [p["duration_s"] for p in flag.evidence["periods"]] == [180, 119, 1]
    assert flag.evidence["total_s"] == 300 and flag.evidence["count"] == 3


def test_many_short_times_away_raise_the_away_flag(app, client, started):
    post(client, started, *[away(2)] * behaviour.AWAY_FLAG_COUNT)
    assert flags(app) == {}
    post(client, started, away(2.5))
    assert flags(app)["away"].summary == "Left the page 11 times, 22 s in all"


def test_flags_go_away_with_their_evidence_unless_someone_reviewed_them(app, client, started, monkeypatch):
    post(client, started, paste(500), *[away(40)] * 8)
    assert {f.kind for f in flags(app).values()} == {"paste", "away"}
    # The thresholds rise (a new release): the next batch recomputes and the flags no longer stand.
    monkeypatch.setattr(behaviour, "LARGE_PASTE_CHARS", 1000)
    monkeypatch.setattr(behaviour, "AWAY_FLAG_S", 3600)
    post(client, started, away(1))
    assert flags(app) == {}


def test_a_reviewed_flag_survives_recomputation_and_keeps_its_review(app, client, started, make_staff, monkeypatch):
    email, _ = make_staff("manager")
    post(client, started, paste(500))
    with app.app_context():
        flag = db.session.scalar(db.select(IntegrityFlag))
        integrity.review(flag, db.session.scalar(db.select(User).filter_by(email=email)), "pasted own helper")
    post(client, started, paste(700))                                # new evidence: updated, review kept
    (flag,) = flags(app).values()
    assert flag.summary.startswith("2 large pastes") and flag.review_note == "pasted own helper"
    assert flag.reviewed_at is not None
    monkeypatch.setattr(behaviour, "LARGE_PASTE_CHARS", 10_000)
    post(client, started, paste(20))                                 # the evidence is gone, the review is not
    (flag,) = flags(app).values()
    assert flag.review_note == "pasted own helper" and flag.summary.startswith("2 large pastes")


@contextmanager
def counting_queries(app):
    statements = []

    def count(*args):
        statements.append(args[2])

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            yield statements
        finally:
            event.remove(db.engine, "before_cursor_execute", count)


def test_summaries_count_and_total_in_one_query(app, client, invitation):
    busy, quiet = invitation(email="busy@example.com"), invitation(name="Quiet", email="quiet@example.com")
    start(client, busy)
    start(client, quiet)
    post(client, busy, paste(1240, 30), paste(20), paste(380, 9), away(61.4), away(30))
    with app.app_context():
        ids = {a.invitation.candidate_email: a.id for a in db.session.scalars(db.select(Attempt))}
    with counting_queries(app) as statements:
        found = behaviour.summaries([ids["busy@example.com"], ids["quiet@example.com"], 999])
    assert len(statements) == 1
    assert found[ids["busy@example.com"]] == {
        "pastes": {"count": 3, "large": 2, "largest_chars": 1240, "total_chars": 1640},
        "away": {"count": 2, "longest_s": 61, "total_s": 91}}
    empty = {"pastes": {"count": 0, "large": 0, "largest_chars": 0, "total_chars": 0},
             "away": {"count": 0, "longest_s": 0, "total_s": 0}}
    assert found[ids["quiet@example.com"]] == found[999] == empty
    assert behaviour.summaries([]) == {}
    with app.app_context():
        assert behaviour.summary(db.session.get(Attempt, ids["busy@example.com"]))["pastes"]["count"] == 3


def test_the_candidate_api_records_signals_too(app, client, invitation):
    token = invitation()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/candidate/signals", headers=headers, json={"events": [away(5)]})
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "not_started"
    assert client.post("/api/v1/candidate/start", headers=headers).status_code == 201
    backdate(app)
    response = client.post("/api/v1/candidate/signals", headers=headers, json={"events": [paste(900, 20), away(5)]})
    assert response.status_code == 200 and response.get_json() == {"recorded": 2}
    response = client.post("/api/v1/candidate/signals", headers=headers, json={"events": [{**away(5), "kind": "x"}]})
    assert response.status_code == 400 and "'kind' must be one of" in response.get_json()["error"]["message"]
    assert len(stored(app)) == 2 and [f.kind for f in flags(app).values()] == ["paste"]
    operation = client.get("/api/v1/openapi.json").get_json()["paths"]["/candidate/signals"]["post"]
    assert operation["security"] == [{"invitationToken": []}]



def test_a_batch_sent_again_is_counted_once(app, client, started):
    """The page's answer was lost and it sent the same batch again: each event id is kept once."""
    batch = [{**paste(900, 20), "id": "p-1"}, {**away(30), "id": "a-1"}]
    assert post(client, started, *batch).get_json() == {"recorded": 2}
    assert post(client, started, *batch, {**away(5), "id": "a-2"}).get_json() == {"recorded": 1}
    assert post(client, started, {**away(5), "id": "a-3"}, {**away(5), "id": "a-3"}).get_json() == {"recorded": 1}
    assert sorted(e.event_id for e in stored(app)) == ["a-1", "a-2", "a-3", "p-1"]
    attempt_id = stored(app)[0].attempt_id
    with app.app_context():
        assert behaviour.summary(db.session.get(Attempt, attempt_id))["away"]["count"] == 3
    response = post(client, started, {**away(5), "id": "not an id!"})
    assert response.status_code == 400 and "'id'" in response.get_json()["error"]["message"]
