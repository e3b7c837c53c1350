"""Versions and re-grades: an edited challenge changes no old score until staff re-grade explicitly."""

import shutil

import pytest

from assessor.extensions import db
from assessor.models import PastGrade, Submission
from tests.conftest import FIXTURE_LIBRARY

CORRECT = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()


@pytest.fixture
def edited_library(tmp_path):
    """A copy of the fixture library whose sum-pairs hidden tests are worth more (a new version)."""
    library = tmp_path / "library"
    shutil.copytree(FIXTURE_LIBRARY, library)
    toml = library / "sum-pairs" / "challenge.toml"
    # Every language's tests must stay worth the same: the empty-input test of each gains 4 points.
    worth_more = '"test_hidden.py::test_empty" = 5\n"hidden.test.js::empty" = 5\n"HiddenTest.java::empty" = 5'
    toml.write_text(toml.read_text().replace("[points]", f"[points]\n{worth_more}", 1))
    return library


def graded_submission(app, client, token):
    """Submit the reference solution and grade it synchronously (real Docker), as a worker would."""
    from assessor.jobs import grade_submission

    assert client.post(f"/c/{token}/start").status_code == 302
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": CORRECT}})
    submission_id = response.get_json()["id"]
    with app.app_context():
        assert grade_submission(submission_id) == "passed"
    return submission_id


def test_sync_of_an_edited_challenge_keeps_old_scores_until_a_regrade(app, client, invitation, login,
                                                                     edited_library, docker_client):
    from assessor.jobs import grade_submission
    from assessor.services.challenges import sync

    submission_id = graded_submission(app, client, invitation())
    with app.app_context():
        before = db.session.get(Submission, submission_id)
        old_version, old_max = before.challenge_version.version, before.max_score
        report = sync(edited_library)
        assert ("sum-pairs", report[[r[0] for r in report].index("sum-pairs")][1], True) in report
        after = db.session.get(Submission, submission_id)
        assert (after.challenge_version.version, after.max_score) == (old_version, old_max)   # nothing changed

    login("manager")
    page = client.get(f"/manager/attempts/{after.attempt_id}").get_data(as_text=True)
    assert "the challenge has changed since" in page
    response = client.post(f"/manager/submissions/{submission_id}/regrade", data={"reason": "points rebalanced"})
    assert response.status_code == 302
    with app.app_context():
        queued = db.session.get(Submission, submission_id)
        assert queued.status == "queued" and queued.challenge_version.version != old_version
        assert grade_submission(submission_id) == "passed"
        regraded = db.session.get(Submission, submission_id)
        assert regraded.max_score == old_max + 4 and regraded.score == regraded.max_score
        past = db.session.scalars(db.select(PastGrade).filter_by(submission_id=submission_id)).all()
        assert [(p.verdict, p.score, p.max_score, p.reason) for p in past] == [("passed", old_max, old_max,
                                                                                 "points rebalanced")]
        assert past[0].challenge_version.version == old_version
        assert regraded.attempt.score == regraded.max_score       # the shortlist's standing follows the new grade

    page = client.get(f"/manager/attempts/{regraded.attempt_id}").get_data(as_text=True)
    assert "Earlier grade: passed, 7 / 7" in page and "points rebalanced" in page
    assert "(current)" in page


def test_a_submission_being_graded_is_not_regraded_twice(app, client, invitation, login):
    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    submission_id = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                                json={"language": "python", "files": {"solution.py": CORRECT}}).get_json()["id"]
    login("manager")
    response = client.post(f"/manager/submissions/{submission_id}/regrade", follow_redirects=True)
    assert "being graded already" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(PastGrade)) == 0


def test_the_api_regrades_and_lists_past_grades(app, client, invitation, make_staff, docker_client):
    from assessor.models import User
    from assessor.services import tokens

    submission_id = graded_submission(app, client, invitation())
    email, _ = make_staff("manager")
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        secret = tokens.create(user, "ats")[1]
    headers = {"Authorization": f"Bearer {secret}"}
    response = client.post(f"/api/v1/submissions/{submission_id}/regrade", json={"reason": "infra hiccup"},
                           headers=headers)
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "queued"
    assert [(p["verdict"], p["score"], p["reason"]) for p in body["past_grades"]] == [("passed", 7, "infra hiccup")]
    again = client.post(f"/api/v1/submissions/{submission_id}/regrade", json={}, headers=headers)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "busy"


def test_the_command_regrades_only_outdated_submissions(app, client, invitation, edited_library, docker_client):
    from assessor.services.challenges import sync

    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from assessor.commands import challenges

    submission_id = graded_submission(app, client, invitation())

    def run(*args):
        return CliRunner().invoke(challenges, ["regrade", *args], obj=ScriptInfo(create_app=lambda: app))

    result = run("sum-pairs")
    assert "0 submission(s) queued" in result.output, result.output          # nothing is outdated yet
    with app.app_context():
        sync(edited_library)
    result = run("sum-pairs", "--reason", "tests fixed")
    assert "1 submission(s) queued" in result.output, result.output
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        assert submission.status == "queued" and submission.past_grades[0].reason == "tests fixed"
