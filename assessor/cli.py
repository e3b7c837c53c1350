"""The `assessor` command. Commands that need the web app are loaded only when called, so
`assessor grade` starts without importing Flask or SQLAlchemy."""

import importlib
import json
import sys

import click

# name -> "module:attribute" of commands that need the application (imported on use).
APP_COMMANDS = {
    "challenges": "assessor.commands:challenges",
    "db": "assessor.commands:db",
    "demo": "assessor.commands:demo",
    "doctor": "assessor.commands:doctor",
    "users": "assessor.commands:users",
    "worker": "assessor.commands:worker",
    "reconcile": "assessor.commands:reconcile",
    "standings": "assessor.commands:standings",
}


class LazyGroup(click.Group):
    """A click group whose app-bound commands are imported on first use."""

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *APP_COMMANDS])

    def get_command(self, ctx, name):
        if name in APP_COMMANDS:
            from flask.cli import ScriptInfo

            from . import create_app

            # Flask's `with_appcontext` (and Flask-Migrate's `db`) find the app through ScriptInfo.
            ctx.obj = ScriptInfo(create_app=lambda: create_app())
            module, attribute = APP_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup)
def main():
    """assessor: technical assessments for hiring backend developers."""


def fail(message: str, code: int) -> None:
    """Print a one-line error on stderr and exit with the given status."""
    click.echo(f"error: {message}".splitlines()[0], err=True)
    sys.exit(code)


@main.command()
@click.option("--challenge", "challenge_ref", required=True, help="Library slug or path to a challenge directory.")
@click.option("--language", default=None, help="Language of the solution (default: guessed from the files).")
@click.option("--visible", is_flag=True, help="Run the visible example tests instead of the hidden ones.")
@click.argument("path")
def grade(challenge_ref, language, visible, path):
    """Grade a solution file or directory synchronously and print the result as JSON."""
    import sandbox

    from . import library
    from .errors import AssessorError
    from .grading import GradeResult, grade as run_grade

    challenge = None
    try:
        challenge = library.find(challenge_ref)
        files = sandbox.read_directory(path)
        language = language or guess_language(files, challenge.languages)
        result = run_grade(challenge, files, language, sandbox.connect(check=False), visible=visible)
    except sandbox.InfrastructureError as error:
        click.echo(json.dumps(GradeResult.internal_error(challenge, str(error)).to_dict()))
        fail(str(error), 1)
    except (AssessorError, sandbox.SandboxError) as error:
        fail(str(error), 2)
    click.echo(json.dumps(result.to_dict()))


def guess_language(files: dict[str, bytes], offered: tuple[str, ...]) -> str:
    """The offered language whose file extension the submission uses; the first offered one otherwise."""
    from sandbox import LANGUAGES

    for name in offered:
        if any(path.endswith(LANGUAGES.get(name).extension) for path in files):
            return name
    return offered[0]


@main.group()
def sandbox():
    """Runner images and leftover containers."""


@sandbox.command("build")
@click.option("--language", "languages", multiple=True, help="Build only these languages (default: all).")
def sandbox_build(languages):
    """Build the runner images (making the Debian base with debootstrap if it cannot be pulled)."""
    import sandbox as sb
    from sandbox.build import build_all

    try:
        for tag in build_all(list(languages) or None, log=click.echo):
            click.echo(f"ready: {tag}")
    except sb.SandboxError as error:
        fail(str(error), 1)


@sandbox.command("sweep")
@click.option("--older-than", type=float, default=None, help="Only containers older than this many seconds.")
def sandbox_sweep(older_than):
    """Remove grading containers a dead worker left behind."""
    import sandbox as sb

    try:
        click.echo(f"removed {sb.sweep(sb.connect(), older_than)} container(s)")
    except sb.SandboxError as error:
        fail(str(error), 1)


if __name__ == "__main__":
    main()
