"""`assessor challenges validate`: a challenge is only as good as the proof that it grades right.

For every challenge: the format (errors name the file and field), the statement renders safely,
and in every language it offers: the reference solution earns every hidden point and passes the
examples, the examples exist, and the starter code earns less than everything.
"""

import html
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from sandbox import Limits
from sandbox.errors import SandboxError

from . import grading, library
from .errors import ChallengeFormatError
from .rendering import render_markdown

_SPACE = re.compile(r"\s+")
SLOW_SHARE = 0.5      # a reference test slower than this share of its time limit is worth a note


@dataclass
class Validation:
    """What validating one challenge directory found."""

    name: str
    challenge: library.Challenge | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)    # worth a look, but not wrong

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong."""
        return not self.problems


def validate_all(directories: list[Path], engine, jobs: int = 2) -> list[Validation]:
    """Validate challenge directories (a few at a time: each grading waits on a container)."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda directory: validate_directory(directory, engine), directories))


def validate_directory(directory: Path, engine) -> Validation:
    """Load one challenge directory and, when it loads, validate it."""
    try:
        challenge = library.load(directory)
    except ChallengeFormatError as error:
        return Validation(Path(directory).name, None, [str(error)])
    notes: list[str] = []
    return Validation(challenge.slug, challenge, statement_problems(challenge) + validate(challenge, engine, notes),
                      notes)


def statement_problems(challenge: library.Challenge) -> list[str]:
    """The statement must render, and sanitising must not silently drop part of it."""
    raw = markdown.markdown(challenge.statement, extensions=["fenced_code", "tables"])
    if _normal(str(render_markdown(challenge.statement))) != _normal(raw):
        return [f"{challenge.slug}/statement.md: contains HTML that is removed when shown to candidates "
                "(scripts, styles, images or attributes); write it in Markdown"]
    return []


def _normal(html_text: str) -> str:
    """HTML without the differences sanitising makes on harmless markup (entities, white space)."""
    return _SPACE.sub("", html.unescape(html_text))


def validate(challenge: library.Challenge, engine, notes: list[str] | None = None) -> list[str]:
    """Problems with a loaded challenge: reference must earn every point, starter must not.

    Notes (when a list is given) say where the reference comes close to a test's time limit: on a
    busier grading host, or for a candidate's slower but acceptable code, that test may time out.
    """
    failures = []
    for language in challenge.languages:
        try:
            failures += _validate_language(challenge, language, engine, notes if notes is not None else [])
        except SandboxError as error:
            # A harness or image that cannot grade this language is the challenge's problem to report,
            # not a crash of the whole validation.
            # The last line of a harness traceback is the error itself.
            last_line = (str(error).strip().splitlines() or [type(error).__name__])[-1]
            failures.append(f"{language}: grading failed ({type(error).__name__}: {last_line[:300]})")
    return failures


def _validate_language(challenge: library.Challenge, language: str, engine, notes: list[str]) -> list[str]:
    """Problems of one language: the reference, the examples and the starter, graded for real."""
    failures = []
    reference = grading.grade(challenge, challenge.solution(language), language, engine)
    notes += _slow_tests(challenge, language, reference)
    if reference.verdict != "passed":
        failing = [t.name for t in reference.tests if t.outcome != "passed"]
        failures.append(f"solution/{language}/: reference earns {reference.score}/{reference.max_score} "
                        f"({reference.verdict}; failing: {', '.join(failing) or reference.message[:200]})")
    if not challenge.test_ids(True, language):
        failures.append(f"tests/visible/: no example tests for {language}")
    else:
        examples = grading.grade(challenge, challenge.solution(language), language, engine, visible=True)
        if examples.verdict != "passed":
            failures.append(f"tests/visible/: the {language} reference fails the examples ({examples.verdict}: "
                            f"{examples.message[:200] or ', '.join(t.name for t in examples.tests if t.outcome != 'passed')})")
    starter = grading.grade(challenge, challenge.starter(language), language, engine)
    if starter.score >= starter.max_score:
        failures.append(f"starter/{language}/: the starter code already earns every point")
    return failures


def _slow_tests(challenge: library.Challenge, language: str, reference) -> list[str]:
    """Notes on the reference's tests that took more than half of their time limit."""
    limit_s = Limits.from_env().for_challenge(challenge.time_limit_s, challenge.memory_mb,
                                              challenge.test_timeout_s).per_test_s
    return [f"solution/{language}/: {test.name} took {test.duration_ms / 1000:.1f} s of its {limit_s:.1f} s limit"
            for test in reference.tests if test.duration_ms > SLOW_SHARE * limit_s * 1000]
