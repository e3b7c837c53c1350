"""End to end: a submission made through the web is graded by a real worker in a real container."""


from tests.conftest import FIXTURE_LIBRARY, SOLUTIONS, grading_containers, stop, wait_for

CORRECT_DIR = FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python"

CORRECT = (CORRECT_DIR / "solution.py").read_text()
PARTIAL = (SOLUTIONS / "sum-pairs" / "partial" / "solution.py").read_text()


def submit(client, token, code, visible=False):
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": code}, "visible": visible})
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


def graded(client, token, submission_id):
    def done():
        status = client.get(f"/c/{token}/submissions/{submission_id}").get_json()
        return status if status["status"] in ("graded", "error") else None

    return wait_for(done, timeout=90)


def test_submission_is_graded_by_a_worker_and_its_score_shows_to_staff(app, client, invitation, worker,
                                                                       login, docker_client):
    token = invitation(name="Grace Hopper")
    assert b"Start" in client.get(f"/c/{token}").data
    assert client.post(f"/c/{token}/start").status_code == 302
    page = client.get(f"/c/{token}/challenges/sum-pairs")
    assert page.status_code == 200 and b"Run examples" in page.data and b"def count_pairs" in page.data

    examples = graded(client, token, submit(client, token, CORRECT, visible=True))
    assert examples["verdict"] == "passed"
    assert [t["name"] for t in examples["tests"]] == ["test_examples.py::test_example"]

    full = graded(client, token, submit(client, token, CORRECT))
    partial = graded(client, token, submit(client, token, PARTIAL))
    assert (full["verdict"], full["passed"], full["total"]) == ("passed", 5, 5)
    assert (partial["verdict"], partial["passed"]) == ("failed", 2)
    assert "tests" not in full, "hidden test details are not shown to the candidate"

    login("manager")
    staff_page = client.get("/manager/submissions").get_data(as_text=True)
    assert "Grace Hopper" in staff_page
    assert "7 / 7" in staff_page and "2 / 7" in staff_page
    assert "Count pairs" in staff_page
    # the example run is not a scored submission
    assert staff_page.count("Grace Hopper") == 2
    # Once it stops, none of this worker's containers is left, warm pool included (other graders
    # may share the Docker Engine).
    stop(worker)
    assert grading_containers(docker_client, [worker]) == []


def test_redis_down_at_submit_loses_nothing_and_reconcile_requeues(app, client, invitation, redis_url):
    from assessor.extensions import db
    from assessor.models import Submission
    from assessor.services.queue import grading_queue, job_id
    from assessor.services.submissions import reconcile

    token = invitation()
    client.post(f"/c/{token}/start")
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"     # nothing listens there
    submission_id = submit(client, token, CORRECT)
    with app.app_context():
        assert db.session.get(Submission, submission_id).status == "queued"
        app.config["REDIS_URL"] = redis_url
        assert reconcile(grace_s=-1) == [submission_id]
        assert grading_queue().fetch_job(job_id(submission_id)) is not None


def test_docker_down_is_never_a_zero_for_the_candidate(app, client, invitation, worker_env, tmp_path, request):
    worker_env["DOCKER_HOST"] = f"unix://{tmp_path}/no-docker.sock"
    app.config["GRADING_RETRIES"] = 1          # one retry, 5 s later, then the verdict is ours
    request.getfixturevalue("worker")
    token = invitation()
    client.post(f"/c/{token}/start")
    submission_id = submit(client, token, CORRECT)

    def delayed():
        status = client.get(f"/c/{token}/submissions/{submission_id}").get_json()
        return status if "delayed" in status.get("message", "") else None

    assert wait_for(delayed, timeout=30)["status"] == "queued"     # between the attempts
    status = graded(client, token, submission_id)
    assert status["status"] == "error"
    assert "not yours" in status["message"] and "verdict" not in status
    from assessor.extensions import db
    from assessor.models import Submission

    with app.app_context():
        row = db.session.get(Submission, status["id"])
        assert row.verdict == "internal_error" and row.files == {"solution.py": CORRECT}
        assert row.grading_attempts == 2
