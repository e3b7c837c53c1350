"""The load test's fault scenario at CI scale: gunicorn, 2 workers, 20 candidates x 4 submissions over
HTTP; a worker SIGKILLed mid-grading (and replaced) and Redis restarted empty during the load.
Every submission must be graded exactly once with its solution's verdict (bench/loadtest/verify.py).
"""

import time

import pytest
import redis

from bench.loadtest.run import Options, run, summary
from bench.loadtest.stack import RedisServer, free_port
from tests.conftest import DATABASE


@pytest.fixture
def server_url():
    """The PostgreSQL server to create the run's database in, when the suite runs on PostgreSQL."""
    if DATABASE != "postgresql":
        return None
    import os

    url = os.environ.get("TEST_DATABASE_URL")
    assert url, "TEST_DATABASE_URL is not set: run the tests with the README's test command"
    return url


def test_load_with_a_killed_worker_and_a_restarted_redis_loses_nothing(tmp_path, server_url, docker_client):
    report = run(Options(candidates=20, submissions_per_candidate=4, workers=2, faults=True, redis_restart="empty",
                         kill_at=0.15, redis_at=0.45, database_url=server_url, timeout_s=600,
                         workdir=tmp_path / "load"), log=lambda line: None)
    told = "\n".join(summary(report)) + f"\n(logs in {tmp_path / 'load'})"
    assert (report.planned, report.accepted, report.graded) == (80, 80, 80), told
    assert not report.lost, told
    assert not report.twice, told
    assert not report.wrong, told
    assert not report.unaccounted, told
    kill, restart = report.faults
    assert kill.what == "worker SIGKILLed" and kill.hit and kill.recovered_at, told
    assert restart.what == "Redis restarted (empty)" and restart.recovered_at, told


def test_a_just_restarted_redis_proves_no_worker_dead(tmp_path):
    """Found by the load test: right after Redis restarted empty, live workers' heartbeats were missing,
    so another worker's sweeper removed their containers and its reconciler re-queued their submissions."""
    from assessor.services.workers import alive

    server = RedisServer(tmp_path)
    server.start()
    try:
        connection = redis.Redis.from_url(server.url)
        assert alive(connection, {"worker-a"}, ttl_s=60) == {"worker-a"}     # up < a heartbeat's life
        _wait_uptime(connection, 1)
        assert alive(connection, {"worker-a"}, ttl_s=1) == set()             # long enough: it is dead
    finally:
        server.stop()


def test_only_this_queues_dead_workers_containers_are_abandoned(tmp_path):
    """Found by the load test: a worker swept every labelled container whose owner had no heartbeat in
    its own Redis, so deployments sharing a Docker Engine removed each other's gradings (exit 137)."""
    from assessor.services.workers import beat, died, worker_name

    server = RedisServer(tmp_path)
    server.start()
    try:
        connection = redis.Redis.from_url(server.url)
        beat(connection, ttl_s=0.2, queue="ours")
        _wait_uptime(connection, 1)
        time.sleep(0.3)                                                       # the heartbeat has expired
        assert died(connection, worker_name(), "ours", ttl_s=1)
        assert not died(connection, worker_name(), "theirs", ttl_s=1)        # another queue's worker
        assert not died(connection, "stranger-42", "ours", ttl_s=1)           # another Redis's worker
    finally:
        server.stop()


def _wait_uptime(connection, seconds):
    deadline = time.monotonic() + 10
    while connection.info("server")["uptime_in_seconds"] < seconds and time.monotonic() < deadline:
        time.sleep(0.1)


def test_an_unreachable_redis_assumes_workers_alive_outside_an_app_context():
    """The container sweeper asks outside any application context; it must not crash there."""
    from assessor.services.workers import alive

    unreachable = redis.Redis(port=free_port(), socket_connect_timeout=1)
    assert alive(unreachable, {"worker-a"}, ttl_s=10) == {"worker-a"}
