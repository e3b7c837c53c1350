"""Shared fixtures: the app on a fresh migrated database, real Redis, real Docker, real workers."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_LIBRARY = FIXTURES / "challenges"
SOLUTIONS = FIXTURES / "solutions"


@pytest.fixture(scope="session")
def docker_client():
    """A docker-py client of the real Engine (an observer independent of ours); images must be built."""
    import docker

    import sandbox

    client = docker.from_env()
    for name in sandbox.LANGUAGES.names():
        image = sandbox.LANGUAGES.get(name).image
        assert client.images.list(name=image.split(":")[0]), f"{image} is not built: run `assessor sandbox build`"
    return client


@pytest.fixture(scope="session")
def redis_url():
    """URL of the real Redis server the test command started (REDIS_URL)."""
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    redis.Redis.from_url(url).ping()
    return url


# Which database server the app fixtures use: SQLite files (default) or, with
# ASSESSOR_TEST_DATABASE=postgresql, a fresh database on the test command's PostgreSQL per test.
DATABASE = os.environ.get("ASSESSOR_TEST_DATABASE", "sqlite")


@pytest.fixture
def postgres_database():
    """A fresh database on the test PostgreSQL server (TEST_DATABASE_URL, set by the test command)."""
    import sqlalchemy as sa

    base = os.environ.get("TEST_DATABASE_URL")
    assert base, "TEST_DATABASE_URL is not set: run the tests with the README's test command"
    name = f"assessor_{uuid.uuid4().hex[:10]}"
    url = base.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database_url(request, tmp_path):
    """The URL of this test's own empty database, on the server ASSESSOR_TEST_DATABASE names."""
    if DATABASE == "postgresql":
        return request.getfixturevalue("postgres_database")
    assert DATABASE == "sqlite", f"ASSESSOR_TEST_DATABASE must be sqlite or postgresql, not {DATABASE!r}"
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def app_config(database_url, redis_url):
    """Config of an isolated app: its own database, instance folder and queue name."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "REDIS_URL": redis_url,
        "QUEUE_NAME": f"test-{uuid.uuid4().hex[:8]}",
        "SECRET_KEY": "test-secret",
        "PUBLIC_URL": "http://localhost",
        "WTF_CSRF_ENABLED": False,
    }


@pytest.fixture
def app(app_config, tmp_path, monkeypatch):
    """The app on a database migrated to head, with the fixture challenge library synced."""
    from flask_migrate import upgrade

    from assessor import create_app
    from assessor.services.challenges import sync

    monkeypatch.setenv("ASSESSOR_INSTANCE", str(tmp_path / "instance"))
    application = create_app(app_config)
    with application.app_context():
        upgrade()
        sync(FIXTURE_LIBRARY)
    yield application
    with application.app_context():
        from assessor.extensions import db

        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def make_staff(app):
    """Factory: a staff account with a role; returns (email, password)."""
    from assessor.extensions import db
    from assessor.models import User

    def make(role="manager", email=None, password="correct horse battery"):
        email = email or f"{role}-{uuid.uuid4().hex[:6]}@example.com"
        with app.app_context():
            user = User(email=email, name=role.title(), role=role)
            user.set_password(password)
            db.session.add(user)
            db.session.commit()
        return email, password

    return make


@pytest.fixture
def login(client, make_staff):
    """Sign a new staff member of the given role in; returns the email."""

    def sign_in(role="manager"):
        email, password = make_staff(role)
        response = client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302
        return email

    return sign_in


@pytest.fixture
def invitation(app):
    """Factory: an invitation to a set of the fixture challenges; returns the token."""
    from assessor.extensions import db
    from assessor.models import Challenge, ChallengeSet, ChallengeSetItem
    from assessor.services.invitations import invite

    def make(name="Ada Lovelace", email="ada@example.com", time_limit_min=60, ttl_days=7, show_hidden=True,
             extra_minutes=0):
        with app.app_context():
            challenge = db.session.scalar(db.select(Challenge).filter_by(slug="sum-pairs"))
            challenge_set = ChallengeSet(name="Screening", time_limit_min=time_limit_min,
                                         show_hidden_results=show_hidden,
                                         items=[ChallengeSetItem(challenge=challenge, position=0)])
            db.session.add(challenge_set)
            db.session.commit()
            _invitation, token = invite(challenge_set, name, email, ttl_days=ttl_days, extra_minutes=extra_minutes)
        return token

    return make


@pytest.fixture
def worker_env():
    """Extra environment for the `worker` fixture's process (a test may change it before use)."""
    return {}


@pytest.fixture
def start_worker(app_config, tmp_path):
    """Factory: start a real `assessor worker` process on the test's database and queue."""
    processes = []

    def start(**extra_env):
        number = len(processes) + 1
        env = {
            **os.environ,
            "ASSESSOR_INSTANCE": str(tmp_path / f"worker-{number}"),
            "DATABASE_URL": app_config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app_config["REDIS_URL"],
            "ASSESSOR_QUEUE": app_config["QUEUE_NAME"],
            "SECRET_KEY": "test-secret",
            **{key: str(value) for key, value in extra_env.items()},
        }
        log = open(tmp_path / f"worker-{number}.log", "w")
        process = subprocess.Popen([sys.executable, "-m", "assessor.cli", "worker"], env=env, stdout=log,
                                   stderr=subprocess.STDOUT, cwd=ROOT)
        processes.append((process, log))
        return process

    yield start
    for process, log in processes:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def worker(app, start_worker, worker_env):
    """A real `assessor worker` process on the test's database and queue; stopped after the test."""
    return start_worker(**worker_env)


def wait_for(predicate, timeout=60.0, interval=0.1):
    """Poll until predicate() is truthy; return its value or fail with a clear message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def grading_containers(docker_client, workers=None) -> list[dict]:
    """Grading containers on the Engine, as listed (not inspected: they may vanish meanwhile).

    With worker processes given: theirs (warm pools included). Without: the ones no worker owns
    (`assessor grade`, grade() called directly), so that other suites' workers sharing the Engine
    do not count."""
    listed = docker_client.api.containers(all=True, filters={"label": "io.assessor.sandbox"})
    if workers is None:
        return [c for c in listed if "io.assessor.worker" not in (c.get("Labels") or {})]
    names = {f"{socket.gethostname()}-{process.pid}" for process in workers}
    return [c for c in listed if (c.get("Labels") or {}).get("io.assessor.worker") in names]


def stop(process) -> None:
    """SIGTERM a worker process and wait for it: it finishes its job and removes its warm pool."""
    process.terminate()
    process.wait(timeout=60)
