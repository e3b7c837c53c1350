"""`assessor grade` against a real Docker Engine: verdicts, points, exit codes, nothing left behind."""

import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURE_LIBRARY, ROOT, SOLUTIONS, grading_containers

CHALLENGE = FIXTURE_LIBRARY / "sum-pairs"
CORRECT_DIR = CHALLENGE / "solution" / "python"   # the reference solution


def grade(*args):
    """Run `assessor grade` and return (exit status, parsed stdout or None, stderr)."""
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", *map(str, args)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    body = json.loads(process.stdout) if process.stdout.strip() else None
    return process.returncode, body, process.stderr


def outcomes(result):
    return {test["name"].split("::")[1]: test["outcome"] for test in result["tests"]}


@pytest.fixture(autouse=True)
def no_leftover_containers(docker_client):
    """Every test ends with no grading container left on the host."""
    yield
    assert grading_containers(docker_client) == []


def test_correct_solution_passes_with_every_point(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, CORRECT_DIR)
    assert status == 0
    assert (result["verdict"], result["score"], result["max_score"]) == ("passed", 7, 7)
    assert set(outcomes(result).values()) == {"passed"}
    assert result["duration_ms"] > 0
    assert {"name", "outcome", "points", "max_points", "message"} <= set(result["tests"][0])


def test_partial_solution_fails_with_partial_points(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "partial")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("failed", 2)
    assert outcomes(result) == {"test_empty": "passed", "test_example": "passed", "test_duplicates": "failed",
                                "test_negative": "failed", "test_large_input": "failed"}
    failing = next(t for t in result["tests"] if t["name"].endswith("test_duplicates"))
    assert "assert 0 == 3" in failing["message"]


def test_wrong_solution_scores_zero(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "wrong" / "solution.py")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("failed", 0)


def test_syntax_error_is_a_compile_error_with_the_line(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "syntax_error")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    assert "solution.py, line 1" in result["message"]


def test_crash_on_import_is_a_runtime_error(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "import_crash")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("runtime_error", 0)
    assert "crashed while importing" in result["message"]


def test_exception_in_code_is_a_test_error_not_a_crash(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "raises")
    assert (status, result["verdict"], result["score"]) == (0, "failed", 1)
    assert outcomes(result)["test_example"] == "error"
    assert "ValueError" in next(t["message"] for t in result["tests"] if t["name"].endswith("test_example"))


def test_exit_before_tests_report_is_never_a_pass(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "exit_early")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("runtime_error", 0)


def test_never_terminating_solution_times_out(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "infinite_loop")
    assert status == 0
    assert (result["verdict"], result["score"]) == ("timeout", 0)
    assert set(outcomes(result).values()) == {"timeout"}
    assert 5000 <= result["duration_ms"] < 15000   # the challenge's 5 s limit, enforced by us


def test_memory_hog_hits_the_memory_limit(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "memory_hog")
    assert status == 0
    assert result["verdict"] == "memory_limit"
    assert result["score"] == 0


def test_visible_flag_runs_the_examples(docker_client):
    status, result, _ = grade("--challenge", CHALLENGE, "--visible", CORRECT_DIR)
    assert status == 0
    assert [t["name"] for t in result["tests"]] == ["test_examples.py::test_example"]
    assert result["verdict"] == "passed"


def test_library_slug_is_accepted(docker_client):
    status, result, _ = grade("--challenge", "log-summary", ROOT / "challenges" / "log-summary" / "solution" / "python")
    assert status == 0
    assert result["verdict"] == "passed" and result["score"] == result["max_score"] > 0


@pytest.mark.parametrize("args, message", [
    (["--challenge", "no-such-challenge", CORRECT_DIR], "no challenge"),
    (["--challenge", CHALLENGE, "--language", "cobol", CORRECT_DIR], "cobol"),
    (["--challenge", CHALLENGE, SOLUTIONS / "sum-pairs" / "does-not-exist"], "no such file"),
])
def test_bad_input_exits_2_with_one_line(args, message):
    status, result, stderr = grade(*args)
    assert status == 2
    assert result is None
    assert message in stderr and len(stderr.strip().splitlines()) == 1


def test_binary_submission_exits_2(tmp_path):
    (tmp_path / "solution.py").write_bytes(b"def count_pairs(a, b):\n    return 0\n\x00\x01")
    status, _, stderr = grade("--challenge", CHALLENGE, tmp_path)
    assert status == 2
    assert "solution.py" in stderr and "binary" in stderr


def test_docker_unreachable_is_an_infrastructure_failure(monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    status, result, stderr = grade("--challenge", CHALLENGE, CORRECT_DIR)
    assert status == 1
    assert result["verdict"] == "internal_error"
    assert "Docker" in stderr
