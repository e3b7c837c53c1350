"""Shortlist at scale: 10,000 attempts x 5 challenges; times the page and the CSV export server-side.

    python bench/shortlist.py [--attempts 10000] [--database-url postgresql://...]

Prints the median time of rendering the shortlist page (first page, and filtered by a skill and
sorted by time), of the CSV export of every row, and of the score histogram, measured inside the
app (Flask test client: no network), with the same data on SQLite by default.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SKILLS = ["algorithms", "api-design", "concurrency", "databases", "parsing", "security", "testing"]


def seed(app, attempts: int) -> int:
    """Insert a set of 5 challenges and `attempts` graded attempts in bulk; returns the set id."""
    from sqlalchemy import insert

    from assessor.extensions import db
    from assessor.models import (Attempt, Challenge, ChallengeScore, ChallengeSet, ChallengeSetItem,
                                 ChallengeVersion, Invitation, SkillScore, Submission, User, utcnow)

    rng = random.Random(7)
    with app.app_context():
        manager = User(email="bench@example.com", name="Bench", role="manager", password_hash="!")
        db.session.add(manager)
        challenges = []
        for n in range(5):
            challenge = Challenge(slug=f"bench-{n}")
            db.session.add(challenge)
            db.session.flush()
            version = ChallengeVersion(challenge_id=challenge.id, version=f"v{n}", title=f"Bench challenge {n}",
                                       kind="unit", difficulty="medium", skills=rng.sample(SKILLS, 2),
                                       languages=["python"], statement="#", max_score=10, bundle=b"")
            db.session.add(version)
            db.session.flush()
            challenge.current_version_id = version.id
            challenges.append(challenge)
        challenge_set = ChallengeSet(name="Bench set", time_limit_min=90, cutoff_percent=70,
                                     items=[ChallengeSetItem(challenge=c, position=i) for i, c in enumerate(challenges)])
        db.session.add(challenge_set)
        db.session.commit()
        now = utcnow()
        invitations, attempt_rows, submissions, scores, skills = [], [], [], [], []
        for i in range(1, attempts + 1):
            invitations.append({"id": i, "set_id": challenge_set.id, "candidate_name": f"Candidate {i:05d}",
                                "candidate_email": f"c{i}@example.com", "token_hash": f"{i:064x}",
                                "expires_at": now + timedelta(days=7), "extra_minutes": 0, "created_at": now})
            points = [rng.randint(0, 10) for _ in challenges]
            total = sum(points)
            started = now - timedelta(minutes=rng.randint(30, 300))
            attempt_rows.append({"id": i, "invitation_id": i, "set_id": challenge_set.id, "started_at": started,
                                 "deadline_at": started + timedelta(minutes=90), "finished_at": started + timedelta(minutes=80),
                                 "score": total, "max_score": 50, "percent": round(2.0 * total, 2),
                                 "submissions_count": rng.randint(1, 12), "time_used_s": rng.randint(600, 5400),
                                 "decision": rng.choice([None, None, None, "shortlist", "hold", "reject"])})
            by_skill = {}
            for challenge, point in zip(challenges, points):
                submission_id = len(submissions) + 1
                submissions.append({"id": submission_id, "attempt_id": i,
                                    "challenge_version_id": challenge.current_version_id, "language": "python",
                                    "files": {"solution.py": "pass\n"}, "visible": False, "automatic": False,
                                    "status": "graded", "verdict": "failed", "score": point, "max_score": 10,
                                    "grading_attempts": 1, "created_at": started, "updated_at": started})
                scores.append({"attempt_id": i, "challenge_id": challenge.id, "submission_id": submission_id,
                               "score": point, "max_score": 10})
                for skill in challenge.current_version.skills:
                    got, most = by_skill.get(skill, (0, 0))
                    by_skill[skill] = (got + point, most + 10)
            skills += [{"attempt_id": i, "skill": s, "percent": round(100.0 * got / most, 2)}
                       for s, (got, most) in by_skill.items()]
        for model, rows in ((Invitation, invitations), (Attempt, attempt_rows), (Submission, submissions),
                            (ChallengeScore, scores), (SkillScore, skills)):
            for start in range(0, len(rows), 5000):
                db.session.execute(insert(model), rows[start:start + 5000])
        db.session.commit()
        return challenge_set.id


def median_ms(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    from flask_login import FlaskLoginClient
    from flask_migrate import upgrade

    from assessor import create_app
    from assessor.extensions import db
    from assessor.models import ChallengeSet, User
    from assessor.services import shortlist

    tmp = Path(tempfile.mkdtemp(prefix="assessor-bench-"))
    os.environ["ASSESSOR_INSTANCE"] = str(tmp / "instance")
    url = args.database_url or f"sqlite:///{tmp / 'bench.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    app.test_client_class = FlaskLoginClient
    with app.app_context():
        upgrade()
    started = time.perf_counter()
    set_id = seed(app, args.attempts)
    print(f"seeded {args.attempts} attempts x 5 challenges in {time.perf_counter() - started:.1f} s "
          f"({url.split(':')[0]})")
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email="bench@example.com"))
        client = app.test_client(user=user)

        def get(path):
            response = client.get(path)
            assert response.status_code == 200, response.status_code
            return response

        base = f"/manager/sets/{set_id}/shortlist"
        get(base)                                               # warm up
        figures = {
            "shortlist page 1 (50 rows, histogram)": median_ms(lambda: get(base), args.runs),
            "shortlist filtered by skill, sorted by time": median_ms(
                lambda: get(f"{base}?skill=databases&skill_min=60&sort=time"), args.runs),
            "shortlist page 100": median_ms(lambda: get(f"{base}?page=100"), args.runs),
            f"CSV export of all {args.attempts} rows": median_ms(lambda: get(f"{base}.csv"), max(3, args.runs // 3)),
            "histogram query alone": median_ms(
                lambda: shortlist.histogram(db.session.get(ChallengeSet, set_id)), args.runs),
        }
    for label, value in figures.items():
        print(f"{label:45} {value:8.1f} ms (median of the runs)")
    print("goal: shortlist page for 10,000 attempts renders server-side in under 300 ms")


if __name__ == "__main__":
    main()
