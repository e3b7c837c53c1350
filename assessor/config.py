"""Configuration, read from the environment, with safe defaults for one machine."""

import os


def _database_url() -> str | None:
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith(("postgres://", "postgresql://")):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; we ship psycopg 3.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Config:
    """Settings of the app, the worker and the CLI."""

    SECRET_KEY = os.environ.get("SECRET_KEY")          # unset: generated once into the instance folder
    SQLALCHEMY_DATABASE_URI = _database_url()          # unset: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    QUEUE_NAME = os.environ.get("ASSESSOR_QUEUE", "grading")
    PUBLIC_URL = os.environ.get("ASSESSOR_PUBLIC_URL", "http://127.0.0.1:5000")
    INVITATION_TTL_DAYS = int(os.environ.get("ASSESSOR_INVITATION_TTL_DAYS", "7"))
    GRADING_JOB_TIMEOUT_S = int(os.environ.get("ASSESSOR_JOB_TIMEOUT_S", "300"))
    GRADING_RETRIES = int(os.environ.get("ASSESSOR_GRADING_RETRIES", "3"))
    MAINTENANCE_INTERVAL_S = float(os.environ.get("ASSESSOR_MAINTENANCE_INTERVAL_S", "15"))
    RECONCILE_GRACE_S = float(os.environ.get("ASSESSOR_RECONCILE_GRACE_S", "10"))
    HEARTBEAT_TTL_S = float(os.environ.get("ASSESSOR_HEARTBEAT_TTL_S", "20"))
    # Each worker keeps POOL_SIZE containers started for each of the POOL_SHAPES run configurations it
    # used last (a challenge's image, command and limits); 0 turns the warm pool off.
    POOL_SIZE = int(os.environ.get("ASSESSOR_POOL_SIZE", "2"))
    POOL_SHAPES = int(os.environ.get("ASSESSOR_POOL_SHAPES", "4"))
    # Webhooks: how long one POST may take, and the waits before each retry of a failed one (seconds).
    WEBHOOK_TIMEOUT_S = float(os.environ.get("ASSESSOR_WEBHOOK_TIMEOUT_S", "10"))
    WEBHOOK_RETRY_SCHEDULE_S = tuple(float(wait) for wait in os.environ.get(
        "ASSESSOR_WEBHOOK_RETRIES_S", "30,120,600,3600,21600").split(",") if wait.strip())
    # Two final submissions of a challenge sharing at least this share of the smaller one's
    # fingerprints flag both attempts; unset: assessor.integrity.DEFAULT_THRESHOLD (chosen on samples).
    SIMILARITY_THRESHOLD = float(os.environ["ASSESSOR_SIMILARITY_THRESHOLD"]) if os.environ.get(
        "ASSESSOR_SIMILARITY_THRESHOLD") else None
    METRICS_TOKEN = os.environ.get("ASSESSOR_METRICS_TOKEN")   # unset: /metrics is open (keep it internal)
    # Web processes that never grade (docker-compose's web has no Docker socket) leave Docker out of /healthz.
    HEALTH_CHECKS_DOCKER = os.environ.get("ASSESSOR_HEALTHZ_DOCKER", "1") == "1"
    SMTP_HOST = os.environ.get("SMTP_HOST")              # unset: emails go to instance/outbox.txt
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_USER = os.environ.get("SMTP_USER")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "1") == "1"
    MAIL_FROM = os.environ.get("MAIL_FROM", "assessor@localhost")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("ASSESSOR_SECURE_COOKIES", "0") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None                          # tied to the session, not to a clock
