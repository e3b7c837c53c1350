"""Fault injection with a real worker, Redis and Docker Engine: nothing is lost, nothing graded twice."""

import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis

from tests.conftest import FIXTURE_LIBRARY, grading_containers, stop, wait_for

CORRECT = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()
# Correct, but slow enough on its first call that a worker can be killed while grading it.
SLOW = "import time\n_first = [True]\n\n" + CORRECT.replace(
    "    seen = Counter()", "    if _first[0]:\n        _first[0] = False\n        time.sleep(1.5)\n    seen = Counter()")
FAST_MAINTENANCE = {"ASSESSOR_MAINTENANCE_INTERVAL_S": 1, "ASSESSOR_RECONCILE_GRACE_S": 1,
                    "ASSESSOR_HEARTBEAT_TTL_S": 2}


def started(client, token):
    assert client.post(f"/c/{token}/start").status_code == 302
    return token


def submit(client, token, code):
    response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                           json={"language": "python", "files": {"solution.py": code}})
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


def row(app, submission_id):
    from assessor.extensions import db
    from assessor.models import Submission

    with app.app_context():
        db.session.expire_all()
        return db.session.get(Submission, submission_id)


def graded(app, submission_id, timeout=90):
    return wait_for(lambda: (r := row(app, submission_id)).status in ("graded", "error") and r, timeout=timeout)


def test_worker_killed_mid_grading_is_regraded_once_and_its_container_removed(
        app, client, invitation, start_worker, docker_client):
    token = started(client, invitation())
    first = start_worker(**FAST_MAINTENANCE)
    submission_id = submit(client, token, SLOW)
    wait_for(lambda: row(app, submission_id).status == "running", timeout=60)
    # The first grading of a fresh worker runs in a container of its own, labelled with the submission.
    wait_for(lambda: [c for c in grading_containers(docker_client, [first])
                      if c["Labels"].get("io.assessor.submission") == str(submission_id)], timeout=30)
    time.sleep(0.5)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert row(app, submission_id).status == "running"
    assert grading_containers(docker_client, [first]), "the dead worker's container is still there"

    start_worker(**FAST_MAINTENANCE)
    result = graded(app, submission_id)
    assert (result.status, result.verdict, result.score) == ("graded", "passed", 7)
    assert result.grading_attempts == 2
    wait_for(lambda: not grading_containers(docker_client, [first]), timeout=30)   # swept by the new worker


def test_flushed_redis_loses_no_queued_submission(app, client, invitation, start_worker, redis_url):
    token = started(client, invitation())
    submission_id = submit(client, token, CORRECT)         # queued; no worker yet
    from assessor.services.queue import job_id

    with app.app_context():
        job_key = f"rq:job:{job_id(submission_id)}"
    assert redis.Redis.from_url(redis_url).delete(f"rq:queue:{app.config['QUEUE_NAME']}", job_key) == 2
    time.sleep(1.2)                                         # older than the reconcile grace
    start_worker(**FAST_MAINTENANCE)
    result = graded(app, submission_id)
    assert (result.verdict, result.score, result.grading_attempts) == ("passed", 7, 1)


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test's own, on a free port, that the test may kill and restart."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed"

    def start():
        process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                    "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
        wait_for(lambda: _pings(port), timeout=10)
        return process

    server = {"process": start(), "url": f"redis://127.0.0.1:{port}/0", "start": start}
    yield server
    server["process"].terminate()
    server["process"].wait(timeout=10)


def _pings(port):
    try:
        return redis.Redis(port=port, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


def test_redis_restart_during_service_loses_nothing(app, client, invitation, start_worker, own_redis):
    app.config["REDIS_URL"] = own_redis["url"]
    token = started(client, invitation())
    start_worker(REDIS_URL=own_redis["url"], **FAST_MAINTENANCE)
    before = submit(client, token, CORRECT)
    assert graded(app, before).verdict == "passed"

    own_redis["process"].kill()                             # Redis dies, and comes back empty
    own_redis["process"].wait()
    during = submit(client, token, CORRECT)                 # accepted while Redis is down
    assert row(app, during).status == "queued"
    own_redis["process"] = own_redis["start"]()
    result = graded(app, during, timeout=120)
    assert (result.verdict, result.score, result.grading_attempts) == ("passed", 7, 1)


def test_two_workers_grade_every_submission_exactly_once(app, client, invitation, start_worker, docker_client):
    token = started(client, invitation())
    workers = [start_worker(), start_worker()]
    ids = [submit(client, token, CORRECT) for _ in range(6)]
    results = [graded(app, submission_id) for submission_id in ids]
    assert [(r.verdict, r.score, r.grading_attempts) for r in results] == [("passed", 7, 1)] * 6
    assert len({r.claimed_by for r in results}) >= 1
    for process in workers:
        stop(process)
    assert grading_containers(docker_client, workers) == []   # warm pools included
