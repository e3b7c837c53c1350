"""Challenge kinds (SPEC §4), one registry entry each: how tests are found, sent and judged.

    Kind                       what a kind decides
     ├── discover()            the test ids of a tests folder, for one language (found statically)
     ├── options()             its own table of challenge.toml ([io], [sql], ...), checked
     ├── sends()               which test files enter the sandbox (io keeps expected outputs out)
     └── tests()               the report's events turned into test events (io compares here)

Adding a kind: a module here with a Kind subclass, registered below, and a harness script in
sandbox/images/harness/ (see docs/authoring.md).
"""

from pathlib import Path

from sandbox.registry import Registry

from ..errors import ChallengeFormatError, UnknownKind


class Kind:
    """The behaviour every kind shares; subclasses override what differs."""

    name = ""
    title = ""
    # The language a challenge of this kind is written in when it is not a general-purpose one (sql).
    fixed_language: str | None = None

    def discover(self, folder: Path, shown_as: str, language: str) -> list[str]:
        """Ids of the tests in a folder for a language, as the harness will report them."""
        raise NotImplementedError

    def options(self, file: str, table: dict) -> dict:
        """This kind's table of challenge.toml, checked; an empty table gives the defaults."""
        if table:
            raise ChallengeFormatError(file, self.name, f"kind {self.name!r} takes no options")
        return {}

    def sends(self, path: Path, language: str) -> bool:
        """Whether a test file enters the sandbox."""
        return True

    def tests(self, challenge, events: dict[str, list[dict]], visible: bool, language: str) -> list[dict]:
        """The `test` events that decide the score (by default exactly what the harness reported)."""
        return events.get("test", [])


KINDS: Registry[Kind] = Registry("kind", UnknownKind)


def register(kind: Kind) -> Kind:
    """Add a kind to the registry."""
    return KINDS.register(kind.name, kind)


from . import http, io, sql, unit  # noqa: E402,F401  (each module registers its kind)
