"""Hostile submissions through the real path (web → RQ → worker → container): the worker survives
them, scores them zero, and grades the next honest submission normally."""

from tests.conftest import FIXTURE_LIBRARY, grading_containers, stop, wait_for
from tests.hostile.attacks import ATTACKS

CORRECT = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()


def test_worker_survives_attacks_and_grades_the_next_submission(app, client, invitation, worker, docker_client):
    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    names = ["fork_bomb", "output_flood", "kills_the_harness", "exit_zero_at_import", "always_equal_object"]
    ids = []
    for name in names + ["honest"]:
        code = CORRECT if name == "honest" else ATTACKS[name][0]
        response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                               json={"language": "python", "files": {"solution.py": code}})
        assert response.status_code == 202
        ids.append(response.get_json()["id"])

    def all_graded():
        statuses = [client.get(f"/c/{token}/submissions/{i}").get_json() for i in ids]
        return statuses if all(s["status"] == "graded" for s in statuses) else None

    statuses = wait_for(all_graded, timeout=180)
    for name, status in zip(names, statuses):
        assert status["verdict"] in ATTACKS[name][1], (name, status)
        assert status["passed"] == 0, name
    assert (statuses[-1]["verdict"], statuses[-1]["passed"]) == ("passed", 5)
    stop(worker)
    assert grading_containers(docker_client, [worker]) == []
