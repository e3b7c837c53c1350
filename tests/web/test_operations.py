"""/healthz and /metrics against the real database, Redis and Docker Engine; and `assessor doctor`."""

import os
import re
import subprocess
import sys

from tests.conftest import DATABASE, FIXTURE_LIBRARY, ROOT

CORRECT = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()
WRONG = "def count_pairs(numbers, target):\n    return 0\n"


def samples(text):
    """{'name{labels}': value} of a Prometheus text page; fails on a line that is not well formed."""
    values = {}
    for line in text.splitlines():
        if line.startswith("#"):
            assert re.fullmatch(r"# (HELP|TYPE) assessor_\w+ .+", line), line
            continue
        match = re.fullmatch(r'(assessor_\w+(?:\{[a-z_]+="[^"]*"(?:,[a-z_]+="[^"]*")*\})?) (-?[\d.]+)', line)
        assert match, f"not a sample line: {line!r}"
        values[match.group(1)] = float(match.group(2))
    return values


def test_healthz_says_every_part_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True, "redis": True, "docker": True}
    assert body["checks"]["database"]["detail"] == DATABASE      # the server this run was asked to use


def test_healthz_names_the_part_that_is_down(app, client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"          # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["checks"]["redis"]["ok"] is False and "Connection" in body["checks"]["redis"]["detail"]
    assert body["checks"]["database"]["ok"] is True and body["checks"]["docker"]["ok"] is True


def test_a_web_process_that_never_grades_leaves_docker_out(app, client):
    app.config["HEALTH_CHECKS_DOCKER"] = False         # ASSESSOR_HEALTHZ_DOCKER=0, as docker-compose's web
    response = client.get("/healthz")
    assert response.status_code == 200
    assert set(response.get_json()["checks"]) == {"database", "redis"}


def test_metrics_count_what_was_graded(app, client, invitation, docker_client):
    from assessor.jobs import grade_submission

    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    ids = []
    for code in (CORRECT, WRONG, WRONG):
        response = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                               json={"language": "python", "files": {"solution.py": code}})
        assert response.status_code == 202
        ids.append(response.get_json()["id"])
    before = samples(client.get("/metrics").get_data(as_text=True))
    assert before['assessor_submissions{status="queued"}'] == 3
    assert before["assessor_grading_latency_seconds_count"] == 0
    with app.app_context():
        for submission_id in ids:
            grade_submission(submission_id)

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    after = samples(response.get_data(as_text=True))
    assert after['assessor_submissions{status="graded"}'] == 3
    assert after['assessor_submissions{status="queued"}'] == 0
    assert after['assessor_verdicts_total{verdict="passed"}'] == 1
    assert after['assessor_verdicts_total{verdict="failed"}'] == 2
    assert after["assessor_grading_failures_total"] == 0
    assert after["assessor_grading_latency_seconds_count"] == 3
    assert after['assessor_grading_latency_seconds_bucket{le="+Inf"}'] == 3
    assert after["assessor_grading_latency_seconds_sum"] > 0
    buckets = [value for key, value in after.items() if key.startswith("assessor_grading_latency_seconds_bucket")]
    assert buckets == sorted(buckets), "histogram buckets are cumulative"
    assert after["assessor_queue_depth"] >= 0 and after["assessor_workers"] >= 0


def test_metrics_can_require_a_token(app, client):
    app.config["METRICS_TOKEN"] = "s3cret-scrape"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret-scrape"}).status_code == 200


def doctor(app_config, tmp_path, **overrides):
    """Run `assessor doctor` on the test's deployment (its database, Redis, the fixture library)."""
    env = {**os.environ, "DATABASE_URL": app_config["SQLALCHEMY_DATABASE_URI"], "REDIS_URL": app_config["REDIS_URL"],
           "ASSESSOR_INSTANCE": str(tmp_path / "instance"), "ASSESSOR_CHALLENGES": str(FIXTURE_LIBRARY),
           "ASSESSOR_QUEUE": app_config["QUEUE_NAME"], **overrides}
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "doctor"], capture_output=True, text=True,
                             cwd=ROOT, env=env, timeout=120)
    found = {line[6:20].strip(): line[:4].strip() for line in process.stdout.splitlines()[:-1]}
    return process.returncode, found, process.stdout


def test_doctor_passes_a_working_deployment_and_warns_about_what_production_needs(app, app_config, tmp_path):
    code, found, output = doctor(app_config, tmp_path, SECRET_KEY="")
    assert code == 0, output
    for subject in ("database", "redis", "docker", "migrations", "library", "queue", "runner images"):
        assert found[subject] == "ok", output
    assert found["secret key"] == "warn" and found["email"] == "warn" and found["public url"] == "warn"
    assert found["workers"] == "warn" and "start `assessor worker`" in output


def test_doctor_says_what_is_broken_and_fails(app, app_config, tmp_path):
    code, found, output = doctor(app_config, tmp_path, REDIS_URL="redis://127.0.0.1:1/0",
                                 ASSESSOR_PUBLIC_URL="https://jobs.example.com", SECRET_KEY="set")
    assert code == 1
    assert found["redis"] == "fail" and "start redis-server or set REDIS_URL" in output
    assert found["database"] == "ok" and found["public url"] == "ok"
    assert found["cookies"] == "warn" and "ASSESSOR_SECURE_COOKIES=1" in output
    assert "workers" not in found                    # not asked of a Redis that does not answer
    assert output.splitlines()[-1].startswith("1 failed")


def test_doctor_on_a_database_that_was_never_migrated(app_config, tmp_path):
    code, found, output = doctor(app_config, tmp_path)
    assert code == 1
    assert found["migrations"] == "fail" and "run `assessor db upgrade`" in output
    assert "library" not in found


def test_the_worker_logs_each_grading_as_a_json_event(app, client, invitation, start_worker, tmp_path):
    import json

    from tests.conftest import wait_for

    start_worker(ASSESSOR_LOG_FORMAT="json")
    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    submitted = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                            json={"language": "python", "files": {"solution.py": CORRECT}}).get_json()["id"]

    def graded_event():
        for line in (tmp_path / "worker-1.log").read_text().splitlines():
            if line.startswith("{"):
                event = json.loads(line)
                if event.get("message") == "graded" and event.get("submission_id") == submitted:
                    return event
        return None

    event = wait_for(graded_event, timeout=90)
    assert (event["level"], event["logger"]) == ("info", "assessor.jobs")
    assert (event["challenge"], event["language"], event["verdict"], event["score"], event["max_score"]) == (
        "sum-pairs", "python", "passed", 7, 7)
    assert event["duration_ms"] > 0 and event["time"].endswith("Z")
    started = [json.loads(line) for line in (tmp_path / "worker-1.log").read_text().splitlines()
               if line.startswith("{") and '"grading"' in line]
    assert started and started[0]["queue"] == app.config["QUEUE_NAME"]
    # This worker, and only it, counts as a live worker of this queue (others may share the Redis).
    assert samples(client.get("/metrics").get_data(as_text=True))["assessor_workers"] == 1


def grade_one(client, token):
    """Submit the correct solution and wait until it is graded."""
    from tests.conftest import wait_for

    submitted = client.post(f"/c/{token}/challenges/sum-pairs/submissions",
                            json={"language": "python", "files": {"solution.py": CORRECT}}).get_json()["id"]
    wait_for(lambda: client.get(f"/c/{token}/submissions/{submitted}").get_json()["status"] == "graded", timeout=90)


def figures(client):
    return samples(client.get("/metrics").get_data(as_text=True))


def test_metrics_show_the_workers_warm_pools(app, client, invitation, start_worker):
    from tests.conftest import stop, wait_for

    worker = start_worker(ASSESSOR_HEARTBEAT_TTL_S=2, ASSESSOR_POOL_SIZE=2)
    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    grade_one(client, token)        # the first grading of a configuration finds nothing warm
    warm = wait_for(lambda: figures(client)["assessor_pool_warm_containers"] == 2 and figures(client), timeout=60)
    assert warm['assessor_pool_takes_total{result="miss"}'] == 1
    grade_one(client, token)
    wait_for(lambda: figures(client)['assessor_pool_takes_total{result="hit"}'] == 1, timeout=30)
    stop(worker)                    # a stopped worker's pool is gone, and no longer counted
    wait_for(lambda: figures(client)["assessor_pool_warm_containers"] == 0, timeout=30)


def test_a_worker_warms_up_for_what_was_graded_last(app, client, invitation, start_worker):
    from tests.conftest import stop, wait_for

    token = invitation()
    assert client.post(f"/c/{token}/start").status_code == 302
    first = start_worker(ASSESSOR_HEARTBEAT_TTL_S=2)
    grade_one(client, token)
    stop(first)
    start_worker(ASSESSOR_HEARTBEAT_TTL_S=2)              # a restart: nothing asked of it yet
    wait_for(lambda: figures(client)["assessor_pool_warm_containers"] == 2, timeout=60)
    grade_one(client, token)
    takes = wait_for(lambda: (f := figures(client))['assessor_pool_takes_total{result="hit"}']
                     + f['assessor_pool_takes_total{result="miss"}'] == 1 and f, timeout=30)
    assert takes['assessor_pool_takes_total{result="hit"}'] == 1, takes
