"""The challenge library: loads and checks challenge directories in the SPEC §4 format.

Pure Python on purpose (no Flask, no database): `assessor grade` and the worker both use it.
"""

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from sandbox import LANGUAGES, read_directory
from sandbox.limits import MAX_MEMORY_MB, MAX_TIME_S

from .errors import ChallengeFormatError, UnknownChallenge
from .kinds import KINDS

DIFFICULTIES = ("easy", "medium", "hard")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
DEFAULT_LIBRARY = Path(__file__).resolve().parent.parent / "challenges"


@dataclass(frozen=True)
class Challenge:
    """One challenge directory, loaded and checked."""

    slug: str
    title: str
    kind: str
    difficulty: str
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    time_limit_s: float
    memory_mb: int
    path: Path
    statement: str
    version: str
    hidden_tests: tuple[str, ...]           # of the first language (the same for every language but unit)
    visible_tests: tuple[str, ...]
    points: dict[str, int] = field(default_factory=dict)
    test_timeout_s: float | None = None     # one test's limit; default: a third of time_limit_s, >= 2 s
    python: dict = field(default_factory=dict)   # [python] options for the candidate's interpreter
    options: dict = field(default_factory=dict)  # the kind's own table ([io], [sql], ...), checked
    tests_by_language: dict = field(default_factory=dict)   # language -> (hidden ids, visible ids)

    @property
    def max_score(self) -> int:
        """Points available from the hidden tests."""
        return sum(self.points_of(name) for name in self.hidden_tests)

    def points_of(self, test_id: str) -> int:
        """Points a hidden test is worth (1 unless challenge.toml says otherwise)."""
        return self.points.get(test_id, 1)

    def tests_dir(self, visible: bool = False) -> Path:
        """The folder of the visible or the hidden tests."""
        return self.path / "tests" / ("visible" if visible else "hidden")

    def test_ids(self, visible: bool = False, language: str | None = None) -> tuple[str, ...]:
        """Ids of the visible or hidden tests (of one language's test files), as the harness reports them."""
        if language in self.tests_by_language:
            return self.tests_by_language[language][1 if visible else 0]
        return self.visible_tests if visible else self.hidden_tests

    @property
    def kind_entry(self):
        """This challenge's entry of the kinds registry."""
        return KINDS.get(self.kind)

    def starter(self, language: str) -> dict[str, bytes]:
        """The starter files for a language."""
        return read_directory(self.path / "starter" / language)

    def solution(self, language: str) -> dict[str, bytes]:
        """The reference solution's files for a language."""
        return read_directory(self.path / "solution" / language)


def find(slug_or_path: str, library: Path | None = None) -> Challenge:
    """A challenge by library slug or by directory path, or UnknownChallenge."""
    candidate = Path(slug_or_path)
    if candidate.is_dir() and (candidate / "challenge.toml").exists():
        return load(candidate)
    directory = Path(library or library_path()) / str(slug_or_path)
    if SLUG.match(str(slug_or_path)) and directory.is_dir():
        return load(directory)
    raise UnknownChallenge(f"no challenge {slug_or_path!r} (not a library slug nor a challenge directory)")


def load_all(library: Path | None = None) -> list[Challenge]:
    """Every challenge of a library folder, sorted by slug; the first malformed one raises."""
    root = Path(library or library_path())
    return [load(path) for path in sorted(root.iterdir()) if (path / "challenge.toml").exists()]


def load(directory: Path) -> Challenge:
    """Load one challenge directory, raising ChallengeFormatError naming the file and field."""
    directory = Path(directory).resolve()
    meta = _read_toml(directory / "challenge.toml")
    toml_name = f"{directory.name}/challenge.toml"
    check = _Checker(toml_name, meta)
    slug = check.string("slug", pattern=SLUG)
    if slug != directory.name:
        raise ChallengeFormatError(toml_name, "slug", f"{slug!r} must equal the directory name {directory.name!r}")
    kind = KINDS.get(check.choice("kind", tuple(KINDS.names())))
    languages = _languages(directory, meta, check, kind)
    statement_path = directory / "statement.md"
    statement = read_text(statement_path, f"{directory.name}/statement.md")
    if not statement.strip():
        raise ChallengeFormatError(f"{directory.name}/statement.md", None, "missing or empty")
    tests = _tests_by_language(directory, kind, languages)
    hidden, visible = tests[languages[0]]
    points = check.points("points", [test_id for ids, _ in tests.values() for test_id in ids])
    totals = {language: sum(points.get(i, 1) for i in ids) for language, (ids, _) in tests.items()}
    if len(set(totals.values())) > 1:
        raise ChallengeFormatError(f"{directory.name}/tests/hidden/", None, "every language's hidden tests must be "
                                   f"worth the same points (now {', '.join(f'{k} {v}' for k, v in totals.items())})")
    return Challenge(
        slug=slug,
        title=check.string("title"),
        kind=kind.name,
        difficulty=check.choice("difficulty", DIFFICULTIES),
        skills=tuple(check.string_list("skills")),
        languages=tuple(languages),
        time_limit_s=check.number("time_limit_s", 1, MAX_TIME_S),
        memory_mb=int(check.number("memory_mb", 32, MAX_MEMORY_MB, integer=True)),
        path=directory,
        statement=statement,
        version=content_hash(directory),
        hidden_tests=tuple(hidden),
        visible_tests=tuple(visible),
        points=points,
        test_timeout_s=check.number("test_timeout_s", 0.1, MAX_TIME_S) if "test_timeout_s" in meta else None,
        python=check.python_options("python"),
        options=kind.options(toml_name, check.table(kind.name)),
        tests_by_language=tests,
    )


def content_hash(directory: Path) -> str:
    """The challenge version: a hash of every file's path and content."""
    digest = hashlib.sha256()
    for path in sorted(Path(directory).rglob("*")):
        relative = path.relative_to(directory)
        if path.is_file() and "__pycache__" not in relative.parts and not relative.name.startswith("."):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _languages(directory: Path, meta: dict, check: "_Checker", kind) -> list[str]:
    """The languages offered: as listed; for io, every language with a starter when none is listed."""
    toml_name = f"{directory.name}/challenge.toml"
    if "languages" not in meta and kind.fixed_language:
        languages = [kind.fixed_language]
    elif "languages" not in meta and kind.name == "io":
        languages = [name for name in LANGUAGES.names() if (directory / "starter" / name).is_dir()]
        if not languages:
            raise ChallengeFormatError(f"{directory.name}/starter/", None, "no starter folder for any language")
    else:
        languages = check.string_list("languages")
    for language in languages:
        if language not in LANGUAGES:
            raise ChallengeFormatError(toml_name, "languages", f"unsupported language {language!r} "
                                       f"(supported: {', '.join(LANGUAGES.names())})")
        if kind.name not in LANGUAGES.get(language).kinds:
            raise ChallengeFormatError(toml_name, "languages", f"{language!r} cannot be graded in kind {kind.name!r}")
        for folder in ("starter", "solution"):
            if not (directory / folder / language).is_dir():
                raise ChallengeFormatError(f"{directory.name}/{folder}/{language}/", None, "missing directory")
    return languages


def _tests_by_language(directory: Path, kind, languages: list[str]) -> dict[str, tuple[tuple, tuple]]:
    """Per language, the hidden and visible test ids; there must be hidden tests for each."""
    tests = {}
    for language in languages:
        hidden = kind.discover(directory / "tests" / "hidden", f"{directory.name}/tests/hidden/", language)
        if not hidden:
            raise ChallengeFormatError(f"{directory.name}/tests/hidden/", None, f"no hidden tests found for {language}")
        visible = kind.discover(directory / "tests" / "visible", f"{directory.name}/tests/visible/", language)
        tests[language] = (tuple(hidden), tuple(visible))
    return tests


def read_text(path: Path, shown_as: str) -> str:
    """A UTF-8 text file of the challenge, or ChallengeFormatError naming it."""
    if not path.is_file():
        raise ChallengeFormatError(shown_as, None, "missing")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ChallengeFormatError(shown_as, None, f"not UTF-8 (byte {error.start})") from None


def _read_toml(path: Path) -> dict:
    shown = f"{path.parent.name}/{path.name}"
    if not path.is_file():
        raise ChallengeFormatError(shown, None, "missing")
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ChallengeFormatError(shown, None, f"invalid TOML: {error}") from None
    except UnicodeDecodeError:
        raise ChallengeFormatError(shown, None, "not UTF-8") from None


class _Checker:
    """Reads typed fields from challenge.toml, raising ChallengeFormatError with the field's name."""

    def __init__(self, file: str, meta: dict):
        self.file, self.meta = file, meta

    def _get(self, name: str):
        if name not in self.meta:
            raise ChallengeFormatError(self.file, name, "missing")
        return self.meta[name]

    def string(self, name: str, pattern: re.Pattern | None = None) -> str:
        value = self._get(name)
        if not isinstance(value, str) or not value.strip():
            raise ChallengeFormatError(self.file, name, "must be a non-empty string")
        if pattern is not None and not pattern.match(value):
            raise ChallengeFormatError(self.file, name, f"{value!r} must match {pattern.pattern}")
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self._get(name)
        if value not in choices:
            raise ChallengeFormatError(self.file, name, f"{value!r} must be one of {', '.join(choices)}")
        return value

    def string_list(self, name: str) -> list[str]:
        value = self._get(name)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ChallengeFormatError(self.file, name, "must be a non-empty list of strings")
        return value

    def number(self, name: str, low: float, high: float, integer: bool = False) -> float:
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            raise ChallengeFormatError(self.file, name, f"must be {'an integer' if integer else 'a number'}")
        if not low <= value <= high:
            raise ChallengeFormatError(self.file, name, f"{value} must be between {low} and {high}")
        return value

    def python_options(self, name: str) -> dict:
        table = self.meta.get(name, {})
        if not isinstance(table, dict):
            raise ChallengeFormatError(self.file, name, "must be a table")
        for key, value in table.items():
            if key != "switch_interval_s":
                raise ChallengeFormatError(self.file, f"{name}.{key}", "unknown option (known: switch_interval_s)")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1e-7 <= value <= 0.1:
                raise ChallengeFormatError(self.file, f"{name}.{key}", "must be a number of seconds in [1e-7, 0.1]")
        return dict(table)

    def table(self, name: str) -> dict:
        value = self.meta.get(name, {})
        if not isinstance(value, dict):
            raise ChallengeFormatError(self.file, name, "must be a table")
        return value

    def points(self, name: str, hidden: list[str]) -> dict[str, int]:
        table = self.meta.get(name, {})
        if not isinstance(table, dict):
            raise ChallengeFormatError(self.file, name, "must be a table of test id = points")
        for test_id, value in table.items():
            if test_id not in hidden:
                raise ChallengeFormatError(self.file, f"{name}.{test_id}", "names no hidden test")
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ChallengeFormatError(self.file, f"{name}.{test_id}", "must be a non-negative integer")
        return dict(table)


def library_path() -> Path:
    """The library folder: ASSESSOR_CHALLENGES or the repository's challenges/."""
    return Path(os.environ.get("ASSESSOR_CHALLENGES") or DEFAULT_LIBRARY)
