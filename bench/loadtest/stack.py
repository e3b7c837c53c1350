"""The load test's own stack, started from scratch and torn down after: nothing shared but Docker.

    Stack(workdir, workers=2, database_url=None, redis_restart="empty")
      .start()         redis-server on a free port, the database migrated and seeded, gunicorn, workers
      .kill_worker(w)  SIGKILL, as the kernel's OOM killer or a lost host would
      .start_worker()  a replacement, as a supervisor would
      .restart_redis() stop and start the same redis-server port (its data kept or not, see RedisServer)
      .stop()          everything it started, and the PostgreSQL database it created
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import redis
import requests

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_LIBRARY = ROOT / "tests" / "fixtures" / "challenges"
# Quick chores, so a killed worker's submission is back in the queue within seconds (defaults: 15/10/20 s).
MAINTENANCE = {"ASSESSOR_MAINTENANCE_INTERVAL_S": "1", "ASSESSOR_RECONCILE_GRACE_S": "3",
               "ASSESSOR_HEARTBEAT_TTL_S": "10"}
SECRET = "load-test-secret"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, timeout: float, what: str, interval: float = 0.1):
    """Poll until predicate() is truthy and return it; RuntimeError naming `what` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise RuntimeError(f"{what}: not within {timeout:g} s")


class RedisServer:
    """A redis-server of our own on a fixed port, so it can be stopped and started again.

    `empty`: no persistence, stopped with SIGKILL: it comes back with nothing (the queue, the jobs and
    the workers' heartbeats are gone; only the database knows what is missing). `persisted`: an
    append-only file, stopped with SIGTERM (a clean shutdown): it comes back with its data, including
    jobs in RQ's started registry whose worker session died with the connection.
    """

    def __init__(self, workdir: Path, mode: str = "empty"):
        if mode not in ("empty", "persisted"):
            raise ValueError(f"redis restart mode must be empty or persisted, not {mode!r}")
        self.port, self.mode, self.dir = free_port(), mode, workdir / "redis"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        """Start it and wait until it answers."""
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is not installed")
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.mode == "persisted" \
            else ["--appendonly", "no"]
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--dir", str(self.dir), *persistence], stdout=subprocess.DEVNULL)
        wait_until(self._pings, 15, "redis-server to answer")

    def stop(self) -> None:
        """Stop it: a crash (SIGKILL) when empty, a clean shutdown (SIGTERM) when persisted."""
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM if self.mode == "persisted" else signal.SIGKILL)
            self.process.wait(timeout=30)
            self.process = None

    def _pings(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False


@dataclass
class Worker:
    """One `assessor worker` process and the file its JSON log goes to."""

    process: subprocess.Popen
    log_path: Path
    name: str = field(init=False)

    def __post_init__(self):
        self.name = f"{socket.gethostname()}-{self.process.pid}"   # services.workers.worker_name()


class Stack:
    """Redis, the database, gunicorn and N workers of one load-test run."""

    def __init__(self, workdir: Path, workers: int = 2, database_url: str | None = None,
                 redis_restart: str = "empty", web_workers: int = 3, web_threads: int = 8,
                 env: dict[str, str] | None = None):
        self.workdir, self.worker_count = Path(workdir), workers
        self.extra_env = {**MAINTENANCE, **(env or {})}      # e.g. the default chores back, a pool size
        self.web_workers, self.web_threads = web_workers, web_threads
        self.redis = RedisServer(self.workdir, redis_restart)
        self.queue = f"load-{uuid.uuid4().hex[:8]}"
        self.server_url = database_url
        self.database_url = None
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers: list[Worker] = []
        self.retired: list[Worker] = []
        self.web = None
        self.app = None
        self.staff_token = None

    def start(self) -> "Stack":
        """Start Redis, create and migrate the database, seed an admin, start gunicorn and the workers."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.redis.start()
        self.database_url = self._create_database()
        self._prepare_database()
        with open(self.workdir / "gunicorn.log", "w") as log:       # the child keeps its own descriptor
            self.web = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers",
                 str(self.web_workers), "--threads", str(self.web_threads), "--keep-alive", "30", "--timeout", "60",
                 "assessor:create_app()"], env=self._env("web"), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self._web_answers, 60, "gunicorn to serve")
        for _ in range(self.worker_count):
            self.start_worker()
        return self

    def _env(self, name: str) -> dict:
        return {**os.environ, "DATABASE_URL": self.database_url, "REDIS_URL": self.redis.url,
                "ASSESSOR_QUEUE": self.queue, "SECRET_KEY": SECRET, "ASSESSOR_LOG_FORMAT": "json",
                "ASSESSOR_INSTANCE": str(self.workdir / "instance" / name),
                "ASSESSOR_PUBLIC_URL": self.base_url, **self.extra_env}

    def _create_database(self) -> str:
        """A fresh database: a new one on the PostgreSQL server given, else a SQLite file."""
        if not self.server_url:
            return f"sqlite:///{self.workdir / 'load.db'}"
        import sqlalchemy as sa

        self.pg_name = f"assessor_load_{uuid.uuid4().hex[:10]}"
        self.pg_admin = self.server_url.replace("postgresql://", "postgresql+psycopg://", 1)
        engine = sa.create_engine(self.pg_admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{self.pg_name}"'))
        engine.dispose()
        return self.pg_admin.rsplit("/", 1)[0] + "/" + self.pg_name

    def _prepare_database(self) -> None:
        """Migrate, load the fixture library, and make an admin with an API token (service layer)."""
        from flask_migrate import upgrade

        from assessor import create_app
        from assessor.extensions import db
        from assessor.models import User
        from assessor.services import tokens
        from assessor.services.challenges import sync

        before = os.environ.get("ASSESSOR_INSTANCE")
        os.environ["ASSESSOR_INSTANCE"] = str(self.workdir / "instance" / "bench")   # create_app reads it
        try:
            self.app = create_app({"SQLALCHEMY_DATABASE_URI": self.database_url, "REDIS_URL": self.redis.url,
                                   "QUEUE_NAME": self.queue, "SECRET_KEY": SECRET, "PUBLIC_URL": self.base_url})
        finally:
            if before is None:
                del os.environ["ASSESSOR_INSTANCE"]
            else:
                os.environ["ASSESSOR_INSTANCE"] = before
        with self.app.app_context():
            upgrade()
            sync(FIXTURE_LIBRARY)
            admin = User(email="load-admin@example.com", name="Load Admin", role="admin")
            admin.set_password(uuid.uuid4().hex)
            db.session.add(admin)
            db.session.commit()
            _row, self.staff_token = tokens.create(admin, "load test")

    def _web_answers(self) -> bool:
        try:
            return requests.get(self.base_url + "/api/v1/openapi.json", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def start_worker(self) -> Worker:
        """Start one more `assessor worker` process (the first ones, or a replacement)."""
        number = len(self.workers) + len(self.retired) + 1
        log_path = self.workdir / f"worker-{number}.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen([sys.executable, "-m", "assessor.cli", "worker"], env=self._env(f"worker-{number}"),
                                       cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        worker = Worker(process, log_path)
        self.workers.append(worker)
        return worker

    def kill_worker(self, worker: Worker) -> None:
        """SIGKILL a worker: no warm shutdown, no cleanup, its claim and container left behind."""
        worker.process.send_signal(signal.SIGKILL)
        worker.process.wait()
        self.workers.remove(worker)
        self.retired.append(worker)

    def restart_redis(self, down_s: float = 2.0) -> tuple[float, float]:
        """Stop Redis, leave it down `down_s`, start it on the same port; returns (down at, up at) epochs."""
        self.redis.stop()
        down = time.time()
        time.sleep(down_s)
        self.redis.start()
        return down, time.time()

    def log_paths(self) -> list[Path]:
        """Every worker's log, the killed ones' included."""
        return [w.log_path for w in self.retired + self.workers]

    def stop(self) -> None:
        """Stop the workers (warm shutdown), gunicorn and Redis; drop the PostgreSQL database."""
        for process in [w.process for w in self.workers] + ([self.web] if self.web else []):
            process.terminate()
        for process in [w.process for w in self.workers] + ([self.web] if self.web else []):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.redis.stop()
        if self.app is not None:
            from assessor.extensions import db

            with self.app.app_context():
                db.session.remove()
                db.engine.dispose()
        if self.server_url and self.database_url:
            import sqlalchemy as sa

            engine = sa.create_engine(self.pg_admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)'))
            engine.dispose()
