"""What a candidate's link allows and refuses."""

from datetime import timedelta

from assessor.extensions import db
from assessor.models import Attempt, Invitation, Submission, utcnow


def start(client, token):
    assert client.post(f"/c/{token}/start").status_code == 302


def test_unknown_link_is_refused(client):
    response = client.get("/c/not-a-real-token")
    assert response.status_code == 404
    assert b"not valid" in response.data


def test_expired_link_is_refused_before_start(app, client, invitation):
    token = invitation()
    with app.app_context():
        row = db.session.scalar(db.select(Invitation))
        row.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response = client.get(f"/c/{token}")
    assert response.status_code == 410
    assert b"expired" in response.data


def test_token_is_stored_hashed(app, invitation):
    token = invitation()
    with app.app_context():
        stored = db.session.scalar(db.select(Invitation)).token_hash
    assert token not in stored and len(stored) == 64


def test_start_sets_a_server_side_deadline(app, client, invitation):
    token = invitation(time_limit_min=45)
    start(client, token)
    start(client, token)   # a second Start does not reset the clock
    with app.app_context():
        attempts = db.session.scalars(db.select(Attempt)).all()
        assert len(attempts) == 1
        left = attempts[0].deadline_at - attempts[0].started_at
        assert left == timedelta(minutes=45)


def test_submission_after_the_deadline_is_refused_and_nothing_is_stored(app, client, invitation):
    token = invitation()
    start(client, token)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": "x = 1\n"}})
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "deadline_passed"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Submission.id))) == 0


def test_bad_files_get_a_clear_error(client, invitation):
    token = invitation()
    start(client, token)
    cases = [
        ({"../evil.py": "x = 1"}, "no '..'"),
        ({"solution.py": "x" * (300 * 1024)}, "limit per file"),
        ({"solution.py": "nul \x00 byte"}, "binary"),
    ]
    for files, message in cases:
        response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                               json={"language": "python", "files": files})
        assert response.status_code == 400
        assert message in response.get_json()["error"]["message"]


def test_unsupported_language_is_refused(client, invitation):
    token = invitation()
    start(client, token)
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "cobol", "files": {"solution.py": "x = 1"}})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "unsupported_language"


def test_a_candidate_cannot_poll_another_candidates_submission(app, client, invitation, redis_url):
    mine, theirs = invitation(email="a@example.com"), invitation(email="b@example.com")
    start(client, theirs)
    response = client.post(f"/c/{theirs}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": "x = 1\n"}})
    submission_id = response.get_json()["id"]
    start(client, mine)
    assert client.get(f"/c/{mine}/submissions/{submission_id}").status_code == 404
    assert client.get(f"/c/{theirs}/submissions/{submission_id}").status_code == 200


def test_challenge_outside_the_set_is_not_found(client, invitation):
    token = invitation()
    start(client, token)
    assert client.get(f"/c/{token}/challenges/log-summary").status_code == 404


def test_statement_markdown_is_sanitised(app, client, invitation):
    from assessor.rendering import render_markdown

    html = str(render_markdown("Hi <script>alert(1)</script> <img src=x onerror=alert(1)> **bold**"))
    assert "<script>" not in html and "onerror" not in html and "<strong>bold</strong>" in html
