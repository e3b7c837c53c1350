"""`assessor` commands that need the application: database, library, users, demo data, worker."""

import json
import secrets
import sys

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_migrate.cli import db  # noqa: F401  (re-exported as `assessor db`)

import sandbox

from . import library
from .errors import AssessorError
from .extensions import db as database


@click.group()
def challenges():
    """The challenge library."""


@challenges.command("list")
@click.option("--markdown", is_flag=True, help="Print a Markdown table (the README's library table).")
def challenges_list(markdown):
    """List the library's challenges."""
    from sandbox import LANGUAGES

    for challenge in library.load_all():
        if markdown:
            languages = ", ".join(LANGUAGES.get(name).title.split(" (")[0] for name in challenge.languages)
            click.echo(f"| {challenge.title} (`{challenge.slug}`) | {challenge.kind} | {challenge.difficulty} | "
                       f"{', '.join(challenge.skills)} | {languages} |")
        else:
            click.echo(f"{challenge.slug:28} {challenge.kind:5} {challenge.difficulty:7} "
                       f"{','.join(challenge.languages):12} {challenge.max_score:3} pts  {challenge.title}")


@challenges.command("sync")
@with_appcontext
def challenges_sync():
    """Load the library into the database, adding a version for every new or edited challenge."""
    from .services.challenges import sync

    try:
        for slug, version, added in sync():
            click.echo(f"{slug}: {version} {'(new version)' if added else '(unchanged)'}")
    except AssessorError as error:
        raise click.ClickException(str(error)) from None


@challenges.command("regrade")
@click.argument("slug")
@click.option("--reason", default="", help="Why (kept with the grades it replaces).")
@with_appcontext
def challenges_regrade(slug, reason):
    """Re-grade every scored submission of a challenge made on an older version (old grades are kept)."""
    from .extensions import db
    from .models import Challenge
    from .services.regrades import regrade_outdated

    challenge = db.session.scalar(db.select(Challenge).filter_by(slug=slug))
    if challenge is None:
        raise click.ClickException(f"no challenge {slug!r} in the database (run `assessor challenges sync`)")
    queued = regrade_outdated(challenge, None, reason or "re-graded from the command line")
    click.echo(f"{slug}: {len(queued)} submission(s) queued for a re-grade on version {challenge.current_version.version}")


@challenges.command("validate")
@click.argument("refs", nargs=-1)
@click.option("--jobs", type=int, default=2, show_default=True, help="Challenges validated at the same time.")
def challenges_validate(refs, jobs):
    """Check every challenge (or the given slugs/paths): format, statement, reference, starter, examples."""
    from .validation import validate_all

    directories = [_challenge_directory(ref) for ref in refs] if refs else \
        [path for path in sorted(library.library_path().iterdir()) if (path / "challenge.toml").exists()]
    results = validate_all(directories, sandbox.connect(), jobs=jobs)
    for result in results:
        click.echo(f"{'ok     ' if result.ok else 'INVALID'} {result.name}")
        for problem in result.problems:
            click.echo(f"    {problem}")
        for note in result.notes:
            click.echo(f"    note: {note}")
    loaded = [r.challenge for r in results if r.challenge is not None]
    kinds = sorted({c.kind for c in loaded})
    languages = sorted({language for c in loaded for language in c.languages})
    click.echo(f"{sum(r.ok for r in results)}/{len(results)} valid; kinds: {', '.join(kinds) or 'none'}; "
               f"languages: {', '.join(languages) or 'none'}")
    if not all(r.ok for r in results):
        sys.exit(1)


def _challenge_directory(ref: str):
    """The directory of a challenge given by slug or path (malformed ones included: validate names why)."""
    from pathlib import Path

    path = Path(ref)
    if path.is_dir():
        return path
    candidate = library.library_path() / ref
    if candidate.is_dir():
        return candidate
    click.echo(f"INVALID {ref}: no such challenge (not a library slug nor a directory)", err=True)
    sys.exit(1)


@click.group()
def users():
    """Staff accounts."""


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", default="")
@click.option("--role", type=click.Choice(["admin", "manager", "interviewer"]), required=True)
@click.password_option()
@with_appcontext
def users_create(email, name, role, password):
    """Create a staff account."""
    from .models import User

    user = User(email=email.strip().lower(), name=name or email.split("@")[0], role=role)
    user.set_password(password)
    database.session.add(user)
    database.session.commit()
    click.echo(f"created {role} {user.email}")


@click.command()
@click.option("--email", default="admin@example.com", show_default=True)
@click.option("--password", envvar="ASSESSOR_DEMO_PASSWORD", default=None,
              help="Password of the demo admin (default: a new random one).")
@with_appcontext
def demo(email, password):
    """Create a demo admin, a demo challenge set and one invitation; print how to use them."""
    from .services.challenges import sync
    from .services.demo import create_demo

    sync()
    password = password or secrets.token_urlsafe(9)
    link = create_demo(email, password)
    click.echo(json.dumps({"url": current_app.config["PUBLIC_URL"], "login": email, "password": password,
                           "candidate_link": link}))


@click.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker(burst):
    """Run an RQ grading worker (with its heartbeat, container sweeper and reconciler)."""
    import logging

    from .jobs import close_pool, pool_stats, prewarm
    from .logs import configure as configure_logging
    from .services.maintenance import Maintenance
    from .services.queue import grading_queue, integrity_queue, redis_connection, webhook_queue
    from .services.workers import forget_pool, work_until_stopped, worker_name

    configure_logging()
    log = logging.getLogger("assessor.worker")
    connection = redis_connection()
    maintenance = Maintenance(current_app._get_current_object(), connection, log=log.info, pool_stats=pool_stats)
    maintenance.run_once()
    maintenance.start()
    prewarm()
    log.info("grading", extra={"worker": worker_name(), "queue": current_app.config["QUEUE_NAME"]})
    try:
        queues = [grading_queue(connection), webhook_queue(connection), integrity_queue(connection)]
        work_until_stopped(connection, queues, burst=burst, log=log.warning)
    finally:
        close_pool()
        forget_pool(connection)


@click.command()
@click.option("--grace", type=float, default=None, help="Seconds a row must have waited (default: config).")
@with_appcontext
def reconcile(grace):
    """Re-queue submissions lost by Redis or by a dead worker, and webhook events and deliveries."""
    from .services.submissions import reconcile as requeue_lost
    from .services.webhooks import reconcile as catch_up_webhooks

    grace = grace if grace is not None else current_app.config["RECONCILE_GRACE_S"]
    click.echo(f"re-queued: {requeue_lost(grace)}")
    click.echo(f"webhooks: {catch_up_webhooks(grace)}")


@click.command()
@click.option("--set", "set_id", type=int, default=None, help="Only the attempts of this challenge set.")
@with_appcontext
def standings(set_id):
    """Recompute attempts' scores for the shortlist (after an upgrade or a re-grade)."""
    from .models import Attempt
    from .services.scoring import refresh

    statement = database.select(Attempt.id)
    if set_id is not None:
        statement = statement.where(Attempt.set_id == set_id)
    ids = database.session.scalars(statement).all()
    for attempt_id in ids:
        refresh(attempt_id)
    click.echo(f"recomputed {len(ids)} attempt(s)")


@click.command()
@with_appcontext
def doctor():
    """Check this deployment (configuration, database, Redis, Docker, images, workers, library) and say what to fix."""
    from .services.doctor import examine

    findings = examine()
    for finding in findings:
        click.echo(f"{finding.level:4}  {finding.subject:14} {finding.message}")
    failed = sum(f.level == "fail" for f in findings)
    warned = sum(f.level == "warn" for f in findings)
    click.echo(f"{failed} failed, {warned} warnings, {len(findings) - failed - warned} ok")
    if failed:
        sys.exit(1)
