"""Code similarity where decisions are made: a copied-and-renamed solution is flagged on the
shortlist with its evidence (side by side), honest solutions are not, and reviews are kept."""

import re
import shutil

import pytest

from assessor.extensions import db
from assessor.models import (
    Attempt,
    Challenge,
    ChallengeSet,
    ChallengeSetItem,
    IntegrityFlag,
    SimilarityMatch,
    Submission,
)
from tests.conftest import ROOT

SAMPLES = ROOT / "tests" / "fixtures" / "similarity" / "log-summary" / "python"
# Four honest, independent solutions; Mallory's is honest_accumulator.py, renamed and reordered.
PEOPLE = {"Ada": "honest_accumulator.py", "Barbara": "honest_named_groups.py", "Claude": "honest_generator.py",
          "Dennis": "honest_manual_split.py", "Mallory": "copy_accumulator_disguised.py"}


def graded(score=10):
    return {"verdict": "passed", "score": score, "max_score": 10, "duration_ms": 5, "message": "", "output": "",
            "tests": []}


@pytest.fixture
def corpus(app, tmp_path):
    """A set of the real log-summary challenge; each person's final submission is their sample."""
    from assessor.services import invitations
    from assessor.services.challenges import sync
    from assessor.services.scoring import refresh

    library = tmp_path / "library"
    shutil.copytree(ROOT / "challenges" / "log-summary", library / "log-summary")
    with app.app_context():
        sync(library)
        challenge = db.session.scalar(db.select(Challenge).filter_by(slug="log-summary"))
        challenge_set = ChallengeSet(name="Backend screen", time_limit_min=60,
                                     items=[ChallengeSetItem(challenge=challenge, position=0)])
        db.session.add(challenge_set)
        db.session.commit()
        attempts = {}
        for name, sample in PEOPLE.items():
            invitation, _ = invitations.invite(challenge_set, name, f"{name.lower()}@example.com", send=False)
            attempt = invitations.start_attempt(invitation)
            submit(attempt.id, challenge, (SAMPLES / sample).read_text())
            refresh(attempt.id)
            attempts[name] = attempt.id
        return {"set_id": challenge_set.id, "challenge_id": challenge.id, "attempts": attempts}


def submit(attempt_id, challenge, code):
    db.session.add(Submission(attempt_id=attempt_id, challenge_version=challenge.current_version, language="python",
                              files={"solution.py": code}, status="graded", verdict="passed", score=10, max_score=10,
                              result=graded()))
    db.session.commit()


def check(app, corpus):
    from assessor.services.similarity import check_challenge

    with app.app_context():
        return check_challenge(corpus["challenge_id"])


def flags(app, attempt_id):
    with app.app_context():
        return db.session.scalars(db.select(IntegrityFlag).filter_by(attempt_id=attempt_id)).all()


def test_the_copy_and_its_original_are_flagged_and_the_honest_solutions_are_not(app, corpus):
    assert check(app, corpus) == 1
    ids = corpus["attempts"]
    for name in ("Mallory", "Ada"):
        (flag,) = flags(app, ids[name])
        assert flag.kind == "similarity" and flag.score >= 0.5
        other = "Ada" if name == "Mallory" else "Mallory"
        assert flag.evidence["other"]["attempt_id"] == ids[other]
        assert "another candidate's final submission" in flag.summary
    for name in ("Barbara", "Claude", "Dennis"):
        assert flags(app, ids[name]) == [], name


def test_the_shortlist_shows_the_flag_and_the_report_its_evidence(app, client, login, corpus):
    check(app, corpus)
    login("manager")
    page = client.get(f"/manager/sets/{corpus['set_id']}/shortlist").get_data(as_text=True)
    rows = {name: block for name, block in re.findall(r'>(\w+)</a>\s*<div class="muted small">.*?</div>(.*?)</td>',
                                                        page, re.DOTALL)}
    assert "⚑ 1 flag" in rows["Mallory"] and "⚑ 1 flag" in rows["Ada"]
    assert all("flag" not in rows[name] for name in ("Barbara", "Claude", "Dennis"))

    report = client.get(f"/manager/attempts/{corpus['attempts']['Mallory']}").get_data(as_text=True)
    assert "of the smaller solution matches another candidate" in report
    link = re.search(r'href="(/manager/similarity/\d+\?attempt=(\d+))">Compare side by side', report)
    assert link.group(2) == str(corpus["attempts"]["Mallory"])
    view = client.get(link.group(1)).get_data(as_text=True)
    assert view.index(f"(attempt #{corpus['attempts']['Mallory']})") < view.index(f"(attempt #{corpus['attempts']['Ada']})")
    assert view.count('class="line m0"') > 3                 # marked lines, on both sides
    assert re.search(r'id="a-solution.py-\d+" title="region 1"', view)
    assert re.search(r'id="b-solution.py-\d+" title="region 1"', view)
    assert "def summarize" in view or "def summarise" in view or "def " in view


def test_a_review_is_kept_when_the_check_runs_again(app, client, login, corpus):
    check(app, corpus)
    login("manager")
    (flag,) = flags(app, corpus["attempts"]["Ada"])
    response = client.post(f"/manager/flags/{flag.id}/review", data={"note": "Pair-programmed take-home, known"})
    assert response.status_code == 302
    check(app, corpus)
    (again,) = flags(app, corpus["attempts"]["Ada"])
    assert again.id == flag.id and again.reviewed_at is not None
    assert again.review_note == "Pair-programmed take-home, known"
    page = client.get(f"/manager/sets/{corpus['set_id']}/shortlist").get_data(as_text=True)
    assert "flags reviewed" in page


def test_a_flag_goes_when_its_evidence_does(app, corpus):
    check(app, corpus)
    with app.app_context():
        challenge = db.session.get(Challenge, corpus["challenge_id"])
        submit(corpus["attempts"]["Mallory"], challenge, (SAMPLES / "honest_try_assert.py").read_text())
    assert check(app, corpus) == 0
    assert flags(app, corpus["attempts"]["Mallory"]) == [] and flags(app, corpus["attempts"]["Ada"]) == []
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(SimilarityMatch).where(
            SimilarityMatch.score >= 0.5)) == 0


def test_a_leaked_reference_solution_is_flagged_against_the_reference(app, corpus):
    with app.app_context():
        challenge = db.session.get(Challenge, corpus["challenge_id"])
        submit(corpus["attempts"]["Dennis"], challenge, (SAMPLES / "copy_reference_inserted.py").read_text())
    check(app, corpus)
    (flag,) = flags(app, corpus["attempts"]["Dennis"])
    assert flag.evidence["other"]["kind"] == "reference" and "the reference solution" in flag.summary


def test_only_managers_review_flags(app, client, login, corpus):
    check(app, corpus)
    login("interviewer")
    (flag,) = flags(app, corpus["attempts"]["Ada"])
    assert client.post(f"/manager/flags/{flag.id}/review", data={"note": "x"}).status_code == 403
    assert client.post("/manager/flags/999999/review", data={"note": "x"}).status_code in (403, 404)


def test_grading_runs_the_check_on_its_own_queue(app, client, worker, corpus):
    """Through the real path: two candidates submit, the worker grades, then checks similarity."""
    from assessor.services import invitations
    from tests.conftest import wait_for

    with app.app_context():
        challenge_set = db.session.get(ChallengeSet, corpus["set_id"])
        tokens = [invitations.invite(challenge_set, name, f"{name}@example.org", send=False)[1]
                  for name in ("Ruth", "Sam")]
    sample = (SAMPLES / "honest_dataclass_entries.py").read_text()
    copy = re.sub(r"\bentries\b", "records", sample).replace("    ", "  ")   # renamed and re-indented
    for token, code in zip(tokens, (sample, copy)):
        assert client.post(f"/c/{token}/start").status_code == 302
        response = client.post(f"/c/{token}/challenges/log-summary/submissions",
                               json={"language": "python", "files": {"solution.py": code}})
        assert response.status_code == 202

    def pair_flagged():
        with app.app_context():
            found = {f.attempt.invitation.candidate_name: f.evidence["other"].get("attempt_id")
                     for f in db.session.scalars(db.select(IntegrityFlag).filter_by(kind="similarity"))}
            attempts = {a.invitation.candidate_name: a.id for a in db.session.scalars(
                db.select(Attempt).where(Attempt.set_id == corpus["set_id"]))}
            return (found, attempts) if {"Ruth", "Sam"} <= set(found) else None

    found, attempts = wait_for(pair_flagged, timeout=180)
    assert (found["Ruth"], found["Sam"]) == (attempts["Sam"], attempts["Ruth"])
    assert found["Mallory"] == attempts["Ada"]                 # the corpus's own pair, checked again
    assert not {"Barbara", "Claude", "Dennis"} & set(found)


def test_behaviour_signals_show_on_the_shortlist_row_and_in_the_report(app, client, login, corpus):
    from datetime import timedelta

    from assessor.models import Attempt, as_utc, utcnow
    from assessor.services import behaviour

    with app.app_context():
        attempt = db.session.get(Attempt, corpus["attempts"]["Claude"])
        attempt.started_at = utcnow() - timedelta(minutes=30)      # the candidate has worked a while
        db.session.commit()
        at = (as_utc(attempt.started_at) + timedelta(minutes=12)).isoformat()
        behaviour.record(attempt, [
            {"kind": "paste", "challenge": "log-summary", "at": at, "chars": 1240, "lines": 31},
            {"kind": "paste", "challenge": "log-summary", "at": at, "chars": 12, "lines": 1},
            {"kind": "away", "at": at, "duration_ms": 250_000}])
    login("manager")
    page = client.get(f"/manager/sets/{corpus['set_id']}/shortlist").get_data(as_text=True)
    row = page.split(">Claude</a>", 1)[1].split("</td>", 1)[0]
    assert "⚑ 1 flag" in row                                    # the large paste
    assert "2 pastes (1 large)" in row and "away 1× 4 min 10 s" in row
    report = client.get(f"/manager/attempts/{corpus['attempts']['Claude']}").get_data(as_text=True)
    assert "1 large paste into" in report and "1,240 characters (31 lines) at" in report
    assert "Pastes into the editor: <strong>2</strong>" in report
    assert "Time away from the page: <strong>1</strong> time, 4 min 10 s in all" in report
