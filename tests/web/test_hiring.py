"""The hiring workflow's rules: sets, invitations (one, CSV, resend, revoke), drafts, Finish and the
deadline, what candidates see, staff invitations and API tokens."""

import io
import re
from datetime import timedelta

import pytest

from assessor.extensions import db
from assessor.models import Attempt, ChallengeSet, Invitation, Submission, User, utcnow


def shown_once(page: str) -> str:
    """The link or token a page shows once, in its copy box."""
    return re.search(r'class="flash link".*?value="([^"]+)"', page, re.S).group(1)


def create_set(client, name="Screening", **extra):
    data = {"name": name, "time_limit_min": "30", "challenge": ["sum-pairs"], **extra}
    response = client.post("/interviewer/sets/new", data=data)
    assert response.status_code == 302, response.data
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_interviewer_creates_a_set_and_invites_one_candidate(app, client, login):
    login("interviewer")
    set_id = create_set(client, show_hidden_results="y")
    response = client.post(f"/interviewer/sets/{set_id}/invitations",
                           data={"name": "Ada", "email": "Ada@Example.com", "extra_minutes": "20"},
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Invited Ada" in page and "/c/" in page and "invited" in page
    with app.app_context():
        invitation = db.session.scalar(db.select(Invitation))
        assert (invitation.candidate_email, invitation.extra_minutes) == ("ada@example.com", 20)
        assert invitation.sent_at is not None
        challenge_set = db.session.get(ChallengeSet, set_id)
        assert challenge_set.show_hidden_results and [c.slug for c in challenge_set.challenges] == ["sum-pairs"]
    from pathlib import Path

    assert "ada@example.com" in (Path(app.instance_path) / "outbox.txt").read_text()


def test_set_form_refuses_a_set_without_challenges(client, login):
    login("interviewer")
    response = client.post("/interviewer/sets/new", data={"name": "Empty", "time_limit_min": "30"})
    assert response.status_code == 200
    assert "Choose at least one challenge" in response.get_data(as_text=True)


def test_csv_upload_invites_good_rows_and_reports_bad_ones_by_line(app, client, login):
    login("interviewer")
    set_id = create_set(client)
    csv = ("name,email,extra\nAda Lovelace,ada@example.com,\nNo Email,,\nBad,not-an-email\n"
           "Alan Turing,alan@example.com,30\nAda again,ADA@example.com\nToo much,t@example.com,9999\n")
    response = client.post(f"/interviewer/sets/{set_id}/invitations/csv",
                           data={"file": (io.BytesIO(csv.encode()), "candidates.csv")},
                           content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 invited" in page
    assert "Line 3:" in page and "Line 4:" in page and "Line 6:" in page and "Line 7:" in page
    assert "Line 2:" not in page and "Line 5:" not in page
    with app.app_context():
        emails = sorted(i.candidate_email for i in db.session.scalars(db.select(Invitation)))
        assert emails == ["ada@example.com", "alan@example.com"]


def test_resend_gives_a_new_link_and_the_old_one_stops_working(app, client, login, invitation):
    token = invitation()
    with app.app_context():
        row = db.session.scalar(db.select(Invitation))
        row.challenge_set.created_by_id = None
        db.session.commit()
        invitation_id = row.id
    login("admin")
    response = client.post(f"/interviewer/invitations/{invitation_id}/resend", follow_redirects=True)
    new_link = shown_once(response.get_data(as_text=True))
    assert client.get(f"/c/{token}").status_code == 404
    assert client.get(new_link.replace("http://localhost", "")).status_code == 200


def test_revoked_invitation_link_is_refused(app, client, login, invitation):
    token = invitation()
    with app.app_context():
        invitation_id = db.session.scalar(db.select(Invitation)).id
    login("admin")
    client.post(f"/interviewer/invitations/{invitation_id}/revoke")
    response = client.get(f"/c/{token}")
    assert response.status_code == 410 and b"withdrawn" in response.data


def test_invitation_status_follows_the_candidate(app, client, invitation):
    from assessor.services.invitations import status

    token = invitation()

    def current():
        with app.app_context():
            return status(db.session.scalar(db.select(Invitation)))

    assert current() == "invited"
    client.get(f"/c/{token}")
    assert current() == "opened"
    client.post(f"/c/{token}/start")
    assert current() == "in progress"
    client.post(f"/c/{token}/finish")
    assert current() == "submitted"


def test_extra_minutes_extend_the_deadline(app, client, invitation):
    token = invitation(time_limit_min=30, extra_minutes=45)
    client.post(f"/c/{token}/start")
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        assert attempt.deadline_at - attempt.started_at == timedelta(minutes=75)


def test_drafts_are_saved_and_reloaded(app, client, invitation):
    token = invitation()
    client.post(f"/c/{token}/start")
    code = "def count_pairs(numbers, target):\n    return 42  # my draft\n"
    response = client.put(f"/c/{token}/challenges/sum-pairs/draft",
                          json={"language": "python", "files": {"solution.py": code}})
    assert response.status_code == 200
    page = client.get(f"/c/{token}/challenges/sum-pairs").get_data(as_text=True)
    assert "my draft" in page


def test_finish_submits_the_last_draft_once(app, client, invitation):
    token = invitation()
    client.post(f"/c/{token}/start")
    client.put(f"/c/{token}/challenges/sum-pairs/draft",
               json={"language": "python", "files": {"solution.py": "def count_pairs(n, t):\n    return 0\n"}})
    assert client.post(f"/c/{token}/finish").status_code == 302
    client.post(f"/c/{token}/finish")
    with app.app_context():
        submissions = db.session.scalars(db.select(Submission)).all()
        assert [(s.automatic, s.visible, s.files["solution.py"].strip()[-8:]) for s in submissions] == \
            [(True, False, "return 0")]
    response = client.put(f"/c/{token}/challenges/sum-pairs/draft",
                          json={"language": "python", "files": {"solution.py": "x = 1\n"}})
    assert response.status_code == 409


def test_deadline_closes_attempts_and_submits_drafts_newer_than_the_last_submission(app, client, invitation):
    from assessor.services.attempts import close_expired

    token = invitation()
    client.post(f"/c/{token}/start")
    client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                json={"language": "python", "files": {"solution.py": "def count_pairs(n, t):\n    return 1\n"}})
    client.put(f"/c/{token}/challenges/sum-pairs/draft",
               json={"language": "python", "files": {"solution.py": "def count_pairs(n, t):\n    return 2\n"}})
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert close_expired() == 1
        assert close_expired() == 0
        submissions = db.session.scalars(db.select(Submission).order_by(Submission.id)).all()
        assert [(s.automatic, "return 2" in s.files["solution.py"]) for s in submissions] == \
            [(False, False), (True, True)]
        assert db.session.scalar(db.select(Attempt)).finish_reason == "deadline"


@pytest.mark.parametrize("show_hidden", [True, False])
def test_hidden_pass_count_is_shown_only_if_the_set_allows(app, client, invitation, show_hidden):
    from assessor.services.submissions import public_status

    token = invitation(show_hidden=show_hidden)
    client.post(f"/c/{token}/start")
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": "x = 1\n"}})
    with app.app_context():
        row = db.session.get(Submission, response.get_json()["id"])
        row.status, row.verdict, row.score, row.max_score = "graded", "failed", 1, 7
        row.result = {"verdict": "failed", "score": 1, "max_score": 7, "duration_ms": 1, "message": "",
                      "output": "", "tests": [{"name": "test_hidden.py::test_empty", "outcome": "passed",
                                               "points": 1, "max_points": 1, "message": ""},
                                              {"name": "test_hidden.py::test_example", "outcome": "failed",
                                               "points": 0, "max_points": 1, "message": "assert 5 == 2"}]}
        db.session.commit()
        status = public_status(row)
    assert ("passed" in status) is show_hidden
    assert "tests" not in status and "assert 5 == 2" not in repr(status)


def test_admin_invites_staff_who_choose_their_password(app, client, login):
    login("admin")
    response = client.post("/admin/staff", data={"email": "new@example.com", "name": "New", "role": "manager"},
                           follow_redirects=True)
    link = shown_once(response.get_data(as_text=True))
    client.post("/logout")
    setup = link.replace("http://localhost", "")
    assert client.post(setup, data={"password": "short", "confirm": "short"}).status_code == 200
    response = client.post(setup, data={"password": "a long good passphrase", "confirm": "a long good passphrase"})
    assert response.status_code == 302
    assert client.get(setup).status_code == 404              # the link works once
    client.post("/logout")
    assert client.post("/login", data={"email": "new@example.com", "password": "a long good passphrase"}).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(email="new@example.com")).role == "manager"


def test_invited_staff_cannot_sign_in_before_choosing_a_password(app, client, login):
    from assessor.services.staff import invite_staff

    login("admin")
    with app.app_context():
        admin = db.session.scalar(db.select(User).filter_by(role="admin"))
        invite_staff("pending@example.com", "Pending", "interviewer", admin)
    client.post("/logout")
    response = client.post("/login", data={"email": "pending@example.com", "password": "!"})
    assert response.status_code == 200 and b"Wrong email or password" in response.data


def test_api_tokens_are_shown_once_and_stored_hashed(app, client, login):
    from assessor.models import ApiToken

    login("manager")
    page = client.post("/account/tokens", data={"name": "ATS sync"}, follow_redirects=True).get_data(as_text=True)
    token = shown_once(page)
    assert token.startswith("ast_")
    with app.app_context():
        assert token not in db.session.scalar(db.select(ApiToken)).token_hash
    assert client.get("/api/v1/sets", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_library_filters(client, login):
    login("interviewer")
    assert "Count pairs" in client.get("/interviewer/library?difficulty=easy").get_data(as_text=True)
    assert "Count pairs" not in client.get("/interviewer/library?difficulty=hard").get_data(as_text=True)
    assert "Count pairs" in client.get("/interviewer/library?skill=algorithms&language=python").get_data(as_text=True)
    preview = client.get("/interviewer/library/sum-pairs").get_data(as_text=True)
    assert "count_pairs" in preview and "Hidden points" in preview
