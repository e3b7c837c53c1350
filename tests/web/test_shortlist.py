"""The shortlist: ranking, cutoff, filters, decisions, blind review, exports, report."""

import csv
import io

import pytest

from assessor.extensions import db
from assessor.models import Attempt, Challenge, ChallengeSet, ChallengeSetItem, Decision, Submission


def graded_result(score, max_score=7):
    tests = [{"name": f"test_hidden.py::test_{i}", "outcome": "passed" if i < score else "failed",
              "points": 1 if i < score else 0, "max_points": 1, "message": "" if i < score else "assert 1 == 2"}
             for i in range(max_score)]
    return {"verdict": "passed" if score == max_score else "failed", "score": score, "max_score": max_score,
            "duration_ms": 5, "message": "", "output": "", "tests": tests}


@pytest.fixture
def seeded(app):
    """A set with six candidates who scored 7, 5, 5, 3, 0 of 7 points, and one who never submitted."""
    from assessor.services import invitations
    from assessor.services.scoring import refresh

    people = [("Ada", 7), ("Barbara", 5), ("Claude", 5), ("Dennis", 3), ("Edsger", 0), ("Frances", None)]
    with app.app_context():
        challenge = db.session.scalar(db.select(Challenge).filter_by(slug="sum-pairs"))
        challenge_set = ChallengeSet(name="Screen", time_limit_min=60,
                                     items=[ChallengeSetItem(challenge=challenge, position=0)])
        db.session.add(challenge_set)
        db.session.commit()
        ids = {}
        for name, score in people:
            invitation, _token = invitations.invite(challenge_set, name, f"{name.lower()}@example.com", send=False)
            attempt = invitations.start_attempt(invitation)
            if score is not None:
                for earlier in (max(score - 2, 0), score):        # the last submission counts
                    db.session.add(Submission(attempt=attempt, challenge_version=challenge.current_version,
                                              language="python", files={"solution.py": f"# {name} {earlier}\n"},
                                              status="graded", verdict=graded_result(earlier)["verdict"],
                                              score=earlier, max_score=7, result=graded_result(earlier)))
                db.session.commit()
            refresh(attempt.id)
            ids[name] = attempt.id
        return {"set_id": challenge_set.id, "attempts": ids}


def names(page: str) -> list[str]:
    """Candidate names in the order the shortlist shows them."""
    import re

    return [name for name in re.findall(r'href="/manager/attempts/\d+">([^<]+)</a>', page)
            if name != "Open the full report"]


def test_ranking_by_score_with_ties_and_the_last_submission_counting(client, login, seeded):
    login("manager")
    page = client.get(f"/manager/sets/{seeded['set_id']}/shortlist").get_data(as_text=True)
    assert names(page) == ["Ada", "Barbara", "Claude", "Dennis", "Edsger", "Frances"]
    assert "100 %" in page and "71 %" in page and "7 / 7" in page and "5/7" in page
    assert "<code>test_6</code> failed" in page                   # the rows explain themselves by test name


def test_standings_follow_grading(app, seeded):
    with app.app_context():
        attempt = db.session.get(Attempt, seeded["attempts"]["Barbara"])
        assert (attempt.score, attempt.max_score, attempt.percent, attempt.submissions_count) == (5, 7, 71.43, 2)


def test_cutoff_marks_candidates_as_suggested(client, login, seeded):
    login("manager")
    client.post(f"/manager/sets/{seeded['set_id']}/cutoff", data={"cutoff": "70"})
    page = client.get(f"/manager/sets/{seeded['set_id']}/shortlist").get_data(as_text=True)
    assert page.count('class="badge">suggested') == 3
    assert "cutoff 70 %" in page                                  # drawn on the histogram
    assert client.post(f"/manager/sets/{seeded['set_id']}/cutoff", data={"cutoff": "170"},
                       follow_redirects=True).get_data(as_text=True).count("between 0 and 100") == 1


def test_filters_score_range_decision_and_skill(client, login, seeded):
    login("manager")
    base = f"/manager/sets/{seeded['set_id']}/shortlist"
    assert names(client.get(f"{base}?min=50&max=80").get_data(as_text=True)) == ["Barbara", "Claude"]
    assert names(client.get(f"{base}?skill=algorithms&skill_min=60").get_data(as_text=True)) == \
        ["Ada", "Barbara", "Claude"]
    client.post(f"/manager/sets/{seeded['set_id']}/decisions",
                data={"attempt": [str(seeded["attempts"]["Ada"])], "decision": "shortlist", "note": "strong"})
    assert names(client.get(f"{base}?decision=shortlist").get_data(as_text=True)) == ["Ada"]
    assert "Ada" not in names(client.get(f"{base}?decision=none").get_data(as_text=True))
    assert names(client.get(f"{base}?sort=name&min=0").get_data(as_text=True))[0] == "Ada"
    assert names(client.get(f"{base}?min=not-a-number").get_data(as_text=True))[0] == "Ada"   # ignored


def test_bulk_decisions_keep_their_history(app, client, login, seeded):
    login("manager")
    ids = [str(seeded["attempts"][n]) for n in ("Dennis", "Edsger")]
    client.post(f"/manager/sets/{seeded['set_id']}/decisions", data={"attempt": ids, "decision": "hold", "note": ""})
    client.post(f"/manager/sets/{seeded['set_id']}/decisions",
                data={"attempt": ids[:1], "decision": "reject", "note": "below the bar on tests"})
    with app.app_context():
        dennis = db.session.get(Attempt, seeded["attempts"]["Dennis"])
        edsger = db.session.get(Attempt, seeded["attempts"]["Edsger"])
        assert (dennis.decision, edsger.decision) == ("reject", "hold")
        history = db.session.scalars(db.select(Decision).filter_by(attempt_id=dennis.id).order_by(Decision.id)).all()
        assert [(d.decision, d.note) for d in history] == [("hold", ""), ("reject", "below the bar on tests")]
    report = client.get(f"/manager/attempts/{seeded['attempts']['Dennis']}").get_data(as_text=True)
    assert "below the bar on tests" in report and "hold" in report


def test_decisions_need_a_manager_and_a_valid_choice(client, login, seeded):
    login("manager")
    response = client.post(f"/manager/sets/{seeded['set_id']}/decisions",
                           data={"attempt": [str(seeded["attempts"]["Ada"])], "decision": "hire-now"},
                           follow_redirects=True)
    assert "A decision is one of" in response.get_data(as_text=True)


def test_blind_review_hides_names_until_a_decision(client, login, seeded):
    login("manager")
    base = f"/manager/sets/{seeded['set_id']}/shortlist"
    client.post(f"/manager/sets/{seeded['set_id']}/cutoff", data={"cutoff": "", "blind_review": "on"})
    page = client.get(base).get_data(as_text=True)
    shown = names(page)
    assert all(name.startswith("Candidate ") for name in shown) and len(set(shown)) == 6
    assert "ada@example.com" not in page and "Ada" not in page
    assert names(client.get(base).get_data(as_text=True)) == shown          # stable pseudonyms
    client.post(f"/manager/sets/{seeded['set_id']}/decisions",
                data={"attempt": [str(seeded["attempts"]["Ada"])], "decision": "shortlist"})
    page = client.get(base).get_data(as_text=True)
    assert "Ada" in names(page) and "Barbara" not in page
    assert "Candidate" in client.get(f"/manager/attempts/{seeded['attempts']['Barbara']}").get_data(as_text=True)


def test_csv_export_has_the_tables_columns_and_neutralises_formulas(app, client, login, seeded):
    with app.app_context():
        attempt = db.session.get(Attempt, seeded["attempts"]["Edsger"])
        attempt.invitation.candidate_name = "=HYPERLINK(\"http://evil\")"
        db.session.commit()
    login("manager")
    response = client.get(f"/manager/sets/{seeded['set_id']}/shortlist.csv?min=0")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["candidate"] for r in rows][:4] == ["Ada", "Barbara", "Claude", "Dennis"]
    assert rows[0]["score_percent"] == "100.0" and rows[0]["challenge:sum-pairs"] == "7/7"
    assert rows[1]["skill:algorithms"] == "71.43" and rows[1]["rank"] == "2" and rows[2]["rank"] == "2"
    assert rows[4]["candidate"].startswith("'=")


def test_shortlist_json_endpoint(app, client, seeded):
    from assessor.extensions import db as database
    from assessor.models import User
    from assessor.services import tokens

    with app.app_context():
        user = User(email="m@example.com", name="M", role="manager", password_hash="!")
        database.session.add(user)
        database.session.commit()
        _row, token = tokens.create(user, "ats")
    response = client.get(f"/api/v1/sets/{seeded['set_id']}/shortlist?max=60",
                          headers={"Authorization": f"Bearer {token}"})
    body = response.get_json()
    assert [c["candidate"] for c in body["candidates"]] == ["Dennis", "Edsger", "Frances"]
    csv_text = client.get(f"/api/v1/sets/{seeded['set_id']}/shortlist?format=csv",
                          headers={"Authorization": f"Bearer {token}"}).get_data(as_text=True)
    assert csv_text.splitlines()[0].startswith("rank,candidate,email,score_percent")


def test_histogram_counts_every_attempt(app, seeded):
    from assessor.services.shortlist import histogram

    with app.app_context():
        assert histogram(db.session.get(ChallengeSet, seeded["set_id"])) == [2, 0, 0, 0, 1, 0, 0, 2, 0, 1]


def test_report_shows_code_tests_and_timeline(client, login, seeded):
    login("interviewer")
    page = client.get(f"/manager/attempts/{seeded['attempts']['Barbara']}").get_data(as_text=True)
    assert "# Barbara 5" in page and 'class="code"' in page             # the final code, highlighted
    assert "test_hidden.py::test_6" in page and "assert 1 == 2" in page
    assert "Timeline" in page and page.count("submitted:") == 2
    assert "min after start" in page
    assert "Record" not in page                                        # interviewers do not decide


def test_pagination(app, client, login, seeded):
    from assessor.services import shortlist

    with app.app_context():
        challenge_set = db.session.get(ChallengeSet, seeded["set_id"])
        first = shortlist.page(challenge_set, shortlist.Filters(), 1, per_page=4)
        second = shortlist.page(challenge_set, shortlist.Filters(), 2, per_page=4)
        assert (first.total, first.pages, len(first.rows), len(second.rows)) == (6, 2, 4, 2)
        assert [r.display_name for r in second.rows] == ["Edsger", "Frances"]


def test_standings_command_recomputes_scores(app, seeded):
    with app.app_context():
        attempt = db.session.get(Attempt, seeded["attempts"]["Ada"])
        attempt.score, attempt.percent = 0, 0.0
        db.session.commit()
    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from assessor.commands import standings

    result = CliRunner().invoke(standings, ["--set", str(seeded["set_id"])], obj=ScriptInfo(create_app=lambda: app))
    assert result.exit_code == 0 and "recomputed 6 attempt(s)" in result.output
    with app.app_context():
        assert db.session.get(Attempt, seeded["attempts"]["Ada"]).percent == 100.0
