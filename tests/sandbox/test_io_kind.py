"""The `io` kind: the program reads a case on stdin; its output is compared outside the sandbox."""

import io
import json
import shutil
import subprocess
import sys
import tarfile

import pytest

from assessor import library
from assessor.errors import ChallengeFormatError
from assessor.outputs import difference, same_output
from sandbox.archive import build_archive
from tests.conftest import FIXTURE_LIBRARY, ROOT, SOLUTIONS

CHALLENGE = FIXTURE_LIBRARY / "mean-of-numbers"


def grade(path):
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(CHALLENGE), str(path)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"]: t["outcome"] for t in result["tests"]}


@pytest.mark.parametrize("solution, verdict, score, outcomes", [
    (CHALLENGE / "solution" / "python", "passed", 4, {"big": "passed", "empty": "passed", "lines": "passed"}),
    (CHALLENGE / "starter" / "python", "failed", 0, {"big": "failed", "empty": "failed", "lines": "failed"}),
    (SOLUTIONS / "mean-of-numbers" / "wrong", "failed", 1, {"big": "failed", "empty": "passed", "lines": "failed"}),
    (SOLUTIONS / "mean-of-numbers" / "crash", "failed", 0, {"big": "error", "empty": "error", "lines": "error"}),
    (SOLUTIONS / "mean-of-numbers" / "slow", "timeout", 2, {"big": "timeout", "empty": "passed", "lines": "passed"}),
])
def test_io_verdicts(docker_client, solution, verdict, score, outcomes):
    result, seen = grade(solution)
    assert (result["verdict"], result["score"], result["max_score"]) == (verdict, score, 4)
    assert seen == outcomes


def test_a_wrong_output_says_which_line_differs(docker_client):
    result, _ = grade(SOLUTIONS / "mean-of-numbers" / "wrong")
    message = next(t["message"] for t in result["tests"] if t["name"] == "lines")
    assert message == "line 1: expected '6.5 2.1666666666667', got '6.5 0'"


def test_expected_outputs_never_enter_the_container():
    challenge = library.load(CHALLENGE)
    archive = build_archive(challenge.solution("python"), challenge.tests_dir(), {},
                            test_files=lambda path: path.suffix == ".in")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        names = tar.getnames()
    assert "tests/big.in" in names and not any(name.endswith(".out") for name in names)


@pytest.mark.parametrize("actual, expected, mode, same", [
    ("6 2\n", "6 2", "exact", True),
    ("6  2\n", "6 2", "exact", False),
    ("6  2\n\n", "6 2", "whitespace", True),
    ("6.0000001 2", "6 2", "float", True),
    ("6.1 2", "6 2", "float", False),
    ("6 2 3", "6 2", "float", False),
    ("abc", "abd", "float", False),
    ("nan", "nan", "float", True),
])
def test_output_comparison_modes(actual, expected, mode, same):
    assert same_output(actual, expected, mode, 1e-6) is same


def test_difference_names_the_line():
    assert difference("a\nb\n", "a\nc\n") == "line 2: expected 'c', got 'b'"
    assert difference("a\n", "a\nb\n") == "expected 2 line(s), got 1"


def test_io_challenges_need_an_expected_output_per_input(tmp_path):
    broken = tmp_path / "mean-of-numbers"
    shutil.copytree(CHALLENGE, broken)
    (broken / "tests" / "hidden" / "lines.out").unlink()
    with pytest.raises(ChallengeFormatError, match="lines.in.*no expected output lines.out"):
        library.load(broken)


def test_io_compare_option_is_checked(tmp_path):
    broken = tmp_path / "mean-of-numbers"
    shutil.copytree(CHALLENGE, broken)
    toml = broken / "challenge.toml"
    toml.write_text(toml.read_text().replace('compare = "float"', 'compare = "fuzzy"'))
    with pytest.raises(ChallengeFormatError, match=r"field 'io.compare'"):
        library.load(broken)
