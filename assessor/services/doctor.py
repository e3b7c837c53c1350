"""`assessor doctor`: check a deployment the way an operator would, and say what to do about it.

Each check gives findings: `ok`, `warn` (works, but not as production should) or `fail` (something
candidates or staff would notice). The command exits 1 when anything fails.
"""

import os
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import func, select

from ..extensions import db
from ..models import Challenge, ChallengeVersion, Submission, utcnow
from .operations import docker_check, health_checks
from .queue import redis_connection
from .workers import count_alive

STUCK_AFTER = timedelta(minutes=10)     # a queued submission older than this is stuck


@dataclass
class Finding:
    """One thing the doctor found."""

    level: str          # ok | warn | fail
    subject: str
    message: str


def examine() -> list[Finding]:
    """Every check, in the order an operator would look."""
    findings = _configuration()
    reachable = {check.name: check for check in health_checks()}
    reachable.setdefault("docker", docker_check())     # asked even where /healthz leaves it out
    for name, hint in (("database", "check DATABASE_URL and that the server runs"),
                       ("redis", "start redis-server or set REDIS_URL"),
                       ("docker", "start the Docker Engine (or set DOCKER_HOST) on this host")):
        check = reachable[name]
        findings.append(Finding("ok", name, f"reachable ({check.detail})" if check.detail else "reachable") if check.ok
                        else Finding("fail", name, f"{check.detail}: {hint}"))
    if reachable["database"].ok:
        migrations = _migrations()
        findings += migrations
        if migrations[0].level == "ok":          # the tables below exist only once migrated
            findings += _library() + _stuck_submissions()
    if reachable["docker"].ok:
        findings += _runner_images()
    if reachable["redis"].ok:
        findings += _workers()
    return findings


def _configuration() -> list[Finding]:
    config = current_app.config
    findings = []
    public = urlsplit(config["PUBLIC_URL"])
    if public.hostname in ("127.0.0.1", "localhost", "::1"):
        findings.append(Finding("warn", "public url", f"candidate links point at {config['PUBLIC_URL']}: set "
                                "ASSESSOR_PUBLIC_URL to the address candidates reach"))
    else:
        findings.append(Finding("ok", "public url", config["PUBLIC_URL"]))
    if public.scheme == "https" and not config.get("SESSION_COOKIE_SECURE"):
        findings.append(Finding("warn", "cookies", "served over https without secure cookies: set "
                                "ASSESSOR_SECURE_COOKIES=1"))
    if not os.environ.get("SECRET_KEY"):
        findings.append(Finding("warn", "secret key", "generated into the instance folder: set SECRET_KEY so that "
                                "every web process and host signs sessions alike"))
    if not config.get("SMTP_HOST"):
        findings.append(Finding("warn", "email", "SMTP_HOST is unset: invitations go to instance/outbox.txt, "
                                "not to candidates"))
    return findings


def _migrations() -> list[Finding]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from flask_migrate import Migrate

    migrate: Migrate = current_app.extensions["migrate"]
    heads = set(ScriptDirectory.from_config(migrate.migrate.get_config()).get_heads())
    with db.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current == heads:
        return [Finding("ok", "migrations", f"at head {', '.join(sorted(heads))}")]
    return [Finding("fail", "migrations", f"the database is at {', '.join(sorted(current)) or 'nothing'}, "
                    f"the code at {', '.join(sorted(heads))}: run `assessor db upgrade`")]


def _library() -> list[Finding]:
    from .. import library
    from ..errors import ChallengeFormatError

    try:
        challenges = library.load_all()
    except ChallengeFormatError as error:
        return [Finding("fail", "library", f"{error}: run `assessor challenges validate`")]
    versions = dict(db.session.execute(select(Challenge.slug, ChallengeVersion.version)
                                       .join(ChallengeVersion, Challenge.current_version_id == ChallengeVersion.id)).all())
    behind = sorted(c.slug for c in challenges if versions.get(c.slug) != c.version)
    if behind:
        return [Finding("warn", "library", f"{len(behind)} of {len(challenges)} challenges differ from the database "
                        f"({', '.join(behind[:5])}{', ...' if len(behind) > 5 else ''}): run `assessor challenges sync`")]
    return [Finding("ok", "library", f"{len(challenges)} challenges, all synced")]


def _stuck_submissions() -> list[Finding]:
    cutoff = utcnow() - STUCK_AFTER
    stuck = db.session.scalar(select(func.count()).select_from(Submission)
                              .where(Submission.status == "queued", Submission.updated_at < cutoff)) or 0
    if stuck:
        return [Finding("warn", "queue", f"{stuck} submissions queued for over {STUCK_AFTER.seconds // 60} minutes: "
                        "are workers running? (`assessor reconcile` re-queues lost ones)")]
    return [Finding("ok", "queue", "no submission waits too long")]


def _runner_images() -> list[Finding]:
    import sandbox

    engine = sandbox.connect(timeout=5, check=False)    # examine() has just seen it answer
    images = {language.image for language in (sandbox.LANGUAGES.get(name) for name in sandbox.LANGUAGES.names())}
    missing = sorted(image for image in images if not engine.has_image(image))
    if missing:
        return [Finding("fail", "runner images", f"missing on this host: {', '.join(missing)}: run "
                        "`assessor sandbox build`")]
    return [Finding("ok", "runner images", f"all {len(images)} built")]


def _workers() -> list[Finding]:
    queue = current_app.config["QUEUE_NAME"]
    alive = count_alive(redis_connection(), queue)
    if not alive:
        return [Finding("warn", "workers", f"no grading worker of queue {queue!r} has a current heartbeat: "
                        "start `assessor worker`")]
    return [Finding("ok", "workers", f"{alive} alive on queue {queue!r}")]

