"""Java: `unit` challenges graded with JUnit 5 in the Java runner image, and `io` programs in Java."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessor.kinds.unit import discover_junit
from tests.conftest import FIXTURE_LIBRARY, ROOT

SUM_PAIRS = FIXTURE_LIBRARY / "sum-pairs"
MEAN = FIXTURE_LIBRARY / "mean-of-numbers"
HIDDEN = ("HiddenTest.java::empty", "HiddenTest.java::example", "HiddenTest.java::duplicates",
          "HiddenTest.java::negative", "HiddenTest.java::largeInput")


def solution(body, imports=""):
    """Solution.java whose countPairs method runs body."""
    return (f"{imports}\npublic class Solution {{\n    public static long countPairs(int[] numbers, int target) {{\n"
            f"{body}\n    }}\n}}\n")


# Submissions a candidate might make, as Solution.java.
SOURCES = {
    # Counts each value once: right but for repeated numbers.
    "wrong": solution("        java.util.Set<Integer> seen = new java.util.HashSet<>();\n        long pairs = 0;\n"
                      "        for (int n : numbers) { if (seen.contains(target - n)) pairs++; seen.add(n); }\n"
                      "        return pairs;"),
    "compile_error": "public class Solution {\n    public static long countPairs(int[] n, int t) { return 0 }\n}\n",
    "wrong_signature": "public class Solution {\n    public static long countPairs(long[] n, int t) { return 0; }\n}\n",
    "loops_on_large_input": solution("        while (numbers.length > 1000) { }\n        return "
                                     "java.util.stream.IntStream.range(0, numbers.length).mapToLong(i -> "
                                     "java.util.stream.IntStream.range(i + 1, numbers.length).filter(j -> "
                                     "numbers[i] + numbers[j] == target).count()).sum();"),
    "exits": solution("        System.exit(0);\n        return 0;"),
    "memory_hog_on_large_input": solution(
        "        if (numbers.length > 1000) { java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
        "            while (true) hog.add(new long[1 << 20]); }\n"
        "        long pairs = 0;\n        for (int i = 0; i < numbers.length; i++)\n"
        "            for (int j = i + 1; j < numbers.length; j++) if (numbers[i] + numbers[j] == target) pairs++;\n"
        "        return pairs;"),
}


def grade(challenge, files, tmp_path, *extra):
    """Grade files (name -> text) with `assessor grade` in Java; returns the result and outcomes by test."""
    folder = tmp_path / "submission"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return grade_folder(challenge, folder, *extra)


def grade_folder(challenge, folder, *extra):
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(challenge),
                              "--language", "java", *extra, str(folder)],
                             capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"]: t["outcome"] for t in result["tests"]}


def messages(result):
    return {t["name"]: t["message"] for t in result["tests"]}


def test_the_reference_solution_earns_every_point(docker_client):
    result, outcomes = grade_folder(SUM_PAIRS, SUM_PAIRS / "solution" / "java")
    assert (result["verdict"], result["score"], result["max_score"]) == ("passed", 7, 7)
    assert outcomes == {name: "passed" for name in HIDDEN}


def test_the_starter_earns_nothing_and_says_why(docker_client):
    result, outcomes = grade_folder(SUM_PAIRS, SUM_PAIRS / "starter" / "java")
    assert (result["verdict"], result["score"]) == ("failed", 0)
    assert set(outcomes.values()) == {"error"}
    assert all("UnsupportedOperationException: not implemented" in m for m in messages(result).values())


def test_the_visible_examples_run_alone(docker_client):
    result, outcomes = grade_folder(SUM_PAIRS, SUM_PAIRS / "solution" / "java", "--visible")
    assert (result["verdict"], result["score"], outcomes) == ("passed", 1, {"ExamplesTest.java::example": "passed"})


def test_a_wrong_solution_fails_the_tests_it_gets_wrong(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["wrong"]}, tmp_path)
    assert (result["verdict"], result["score"]) == ("failed", 6)
    assert outcomes == {**{name: "passed" for name in HIDDEN}, "HiddenTest.java::duplicates": "failed"}
    assert messages(result)["HiddenTest.java::duplicates"].endswith("expected: <3> but was: <2>")


def test_a_compile_error_shows_javacs_message(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["compile_error"]}, tmp_path)
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    assert result["message"].startswith("Solution.java:2: error: ';' expected")
    assert set(outcomes.values()) == {"error"}


def test_tests_that_do_not_compile_against_the_code_name_the_mismatch_not_the_test_source(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["wrong_signature"]}, tmp_path)
    assert (result["verdict"], result["score"]) == ("runtime_error", 0)
    assert "HiddenTest.java:9: error: incompatible types: int[] cannot be converted to long[]" in result["message"]
    assert "IntStream" not in json.dumps(result), "a line of the hidden tests' source was shown"
    assert set(outcomes.values()) == {"error"}


def test_an_endless_loop_times_out_that_test_only(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["loops_on_large_input"]}, tmp_path)
    assert (result["verdict"], result["score"]) == ("timeout", 4)
    assert outcomes == {**{name: "passed" for name in HIDDEN}, "HiddenTest.java::largeInput": "timeout"}


def test_running_out_of_memory_fails_that_test_only(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["memory_hog_on_large_input"]}, tmp_path)
    assert result["score"] == 4
    assert outcomes == {**{name: "passed" for name in HIDDEN}, "HiddenTest.java::largeInput": "error"}
    assert "memory" in messages(result)["HiddenTest.java::largeInput"]


def test_exiting_the_jvm_from_the_code_passes_nothing(docker_client, tmp_path):
    result, outcomes = grade(SUM_PAIRS, {"Solution.java": SOURCES["exits"]}, tmp_path)
    assert (result["verdict"], result["score"]) == ("failed", 0)
    assert set(outcomes.values()) == {"error"}
    assert all('"exitVM.0"' in m for m in messages(result).values())


@pytest.mark.parametrize("folder, verdict, score", [("solution", "passed", 4), ("starter", "failed", 0)])
def test_io_programs_in_java(docker_client, folder, verdict, score):
    result, outcomes = grade_folder(MEAN, MEAN / folder / "java")
    assert (result["verdict"], result["score"], result["max_score"]) == (verdict, score, 4)
    assert set(outcomes) == {"big", "empty", "lines"}


def test_junit_discovery_finds_test_methods_and_skips_comments(tmp_path):
    (tmp_path / "PairsTest.java").write_text(
        "import org.junit.jupiter.api.*;\nclass PairsTest {\n"
        "    @Test void plain() {}\n"
        "    @Test\n    @DisplayName(\"named (with parentheses)\")\n    public void annotated() throws Exception {}\n"
        "    @ParameterizedTest @ValueSource(ints = {1, 2}) void parameterised(int value) {}\n"
        "    // @Test void commentedOut() {}\n"
        "    /* @Test void blockCommented() {} */\n"
        "    void helper() {}\n}\n")
    (tmp_path / "Helpers.java").write_text("class Helpers { static int two() { return 2; } }\n")
    assert discover_junit(Path(tmp_path), "x/") == ["PairsTest.java::plain", "PairsTest.java::annotated",
                                                    "PairsTest.java::parameterised"]


def test_the_harness_runs_exactly_the_tests_the_grader_expects():
    sys.path.insert(0, str(ROOT / "sandbox" / "images" / "harness"))
    try:
        import junit_build
    finally:
        sys.path.pop(0)
    for folder in (SUM_PAIRS / "tests" / "hidden", SUM_PAIRS / "tests" / "visible"):
        assert [test_id for _cls, _method, test_id in junit_build.test_methods(str(folder))] == \
            discover_junit(folder, "x/")
