"""`unit`: the challenge's tests, in the language's own test framework, call the candidate's code."""

import ast
import re
from pathlib import Path

from ..errors import ChallengeFormatError
from . import Kind, register
from .node_test import discover_node_tests, is_node_test_file


def discover_pytest(folder: Path, shown_as: str) -> list[str]:
    """pytest node ids of the test functions in a folder, found statically (nothing is imported)."""
    from ..library import read_text

    if not folder.is_dir():
        return []
    ids = []
    for path in sorted(folder.rglob("*.py")):
        if not is_pytest_file(path):
            continue
        relative = path.relative_to(folder).as_posix()
        try:
            tree = ast.parse(read_text(path, f"{shown_as}{relative}"), filename=str(path))
        except SyntaxError as error:
            raise ChallengeFormatError(f"{shown_as}{relative}", None, f"line {error.lineno}: {error.msg}") from None
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                ids.append(f"{relative}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                ids += [f"{relative}::{node.name}::{item.name}" for item in node.body
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test")]
    return ids


def is_pytest_file(path: Path) -> bool:
    """Whether pytest collects this file (conftest.py and helpers are sent along too)."""
    return path.suffix == ".py" and (path.name.startswith("test_") or path.name.endswith("_test.py"))


# JUnit test methods, as sandbox/images/harness/junit_build.py finds them (the two must agree).
_JUNIT_TEST = re.compile(r"@(?:Test|ParameterizedTest|RepeatedTest)\b(?:\s*\((?:[^()]|\([^()]*\))*\))?\s+"
                         r"(?:(?:public|protected|private|static|final|synchronized)\s+|"
                         r"@[\w.]+(?:\s*\((?:[^()]|\([^()]*\))*\))?\s+)*void\s+(\w+)\s*\(")
_JAVA_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def discover_junit(folder: Path, shown_as: str) -> list[str]:
    """JUnit 5 test ids (`File.java::method`) of the @Test methods in a folder, found statically."""
    from ..library import read_text

    if not folder.is_dir():
        return []
    ids = []
    for path in sorted(folder.rglob("*.java")):
        relative = path.relative_to(folder).as_posix()
        source = _JAVA_COMMENT.sub(" ", read_text(path, f"{shown_as}{relative}"))
        ids += [f"{relative}::{method}" for method in _JUNIT_TEST.findall(source)]
    return ids


class TestFramework:
    """How one language's unit tests are found and which files belong to them."""

    def __init__(self, discover, belongs):
        self.discover, self.belongs = discover, belongs


# Per language: its test framework's discovery. A language without an entry has no unit kind.
FRAMEWORKS: dict[str, TestFramework] = {
    "python": TestFramework(discover_pytest, lambda path: path.suffix == ".py"),
    "javascript": TestFramework(discover_node_tests, is_node_test_file),
    "java": TestFramework(discover_junit, lambda path: path.suffix == ".java"),
}


class UnitKind(Kind):
    """Hidden tests in the language's framework (pytest, node:test, JUnit, ...)."""

    name = "unit"
    title = "Unit tests"

    def discover(self, folder, shown_as, language):
        return self._framework(language, shown_as).discover(folder, shown_as)

    def sends(self, path, language):
        return self._framework(language, str(path)).belongs(path)

    def _framework(self, language: str, shown_as: str) -> TestFramework:
        if language not in FRAMEWORKS:
            raise ChallengeFormatError(shown_as, "languages", f"unit challenges cannot be written in {language!r} "
                                       f"(unit tests exist for: {', '.join(sorted(FRAMEWORKS))})")
        return FRAMEWORKS[language]


register(UnitKind())
