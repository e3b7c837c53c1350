"""Unit tests of assessor.grading.judge: what a container run is worth, from hand-made RunResult values."""

from pathlib import Path

import pytest

from assessor import library
from assessor.grading import judge
from sandbox.errors import HarnessError
from sandbox.runner import RunResult

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "challenges" / "sum-pairs"
NAMES = ("test_empty", "test_example", "test_duplicates", "test_negative", "test_large_input")


@pytest.fixture(scope="module")
def challenge():
    """The sum-pairs fixture challenge: five hidden tests, test_large_input worth 3, 7 points in all."""
    return library.load(FIXTURE)


def case_event(name, outcome="passed", message="", file="test_hidden.py"):
    """One `test` event as the harness emits it."""
    return {"event": "test", "nodeid": f"{file}::{name}", "outcome": outcome, "phase": "call",
            "message": message, "output": "", "duration_ms": 1}


def report(outcomes=None, start=True, end=True, extra=()):
    """A harness report: start, one test event per {name: outcome}, extra events, end."""
    outcomes = {name: "passed" for name in NAMES} if outcomes is None else outcomes
    events = [{"event": "start"}] if start else []
    events += [case_event(name, outcome) for name, outcome in outcomes.items()]
    events += list(extra)
    return events + ([{"event": "end", "exit_code": 0}] if end else [])


def result(events, **overrides):
    """A RunResult of a run that ended normally, with some fields overridden."""
    values = dict(exit_code=0, timed_out=False, oom_killed=False, output="", output_truncated=False,
                  report=events, report_error="", duration_ms=120)
    values.update(overrides)
    return RunResult(**values)


def outcomes_of(graded):
    """{short test name: (outcome, points)} of a GradeResult."""
    return {t.name.split("::")[-1]: (t.outcome, t.points) for t in graded.tests}


def test_all_passed(challenge):
    """Every hidden test reported passed gives verdict passed and the full 7/7."""
    graded = judge(challenge, result(report()))
    assert (graded.verdict, graded.score, graded.max_score) == ("passed", 7, 7)
    assert [t.name for t in graded.tests] == list(challenge.hidden_tests)
    assert outcomes_of(graded)["test_large_input"] == ("passed", 3)
    assert graded.duration_ms == 120


def test_some_failed_gives_partial_points(challenge):
    """Failures make the verdict failed; the weighted test that passed still earns its 3 points."""
    events = report({name: "failed" for name in NAMES} | {"test_large_input": "passed"})
    graded = judge(challenge, result(events, exit_code=1))
    assert (graded.verdict, graded.score, graded.max_score) == ("failed", 3, 7)
    assert outcomes_of(graded)["test_empty"] == ("failed", 0)


def test_missing_test_is_an_error_never_a_pass(challenge):
    """A hidden test absent from the report is an error worth 0, and the run cannot be `passed`."""
    events = report({name: "passed" for name in NAMES if name != "test_empty"})
    graded = judge(challenge, result(events))
    assert graded.verdict == "failed"
    assert (graded.score, graded.max_score) == (6, 7)
    assert outcomes_of(graded)["test_empty"] == ("error", 0)


def test_forged_unexpected_ids_gain_nothing(challenge):
    """Reported ids that are not expected hidden tests earn nothing and do not appear in the result."""
    forged = [case_event("test_bonus"), case_event("test_empty", file="test_other.py"),
              case_event("TestX::test_empty")]
    events = report({name: "passed" for name in NAMES if name != "test_empty"}, extra=forged)
    graded = judge(challenge, result(events))
    assert (graded.verdict, graded.score, graded.max_score) == ("failed", 6, 7)
    assert [t.name for t in graded.tests] == list(challenge.hidden_tests)
    assert outcomes_of(graded)["test_empty"] == ("error", 0)


def test_compile_error(challenge):
    """A compile_error event gives verdict compile_error, every test an error and a score of 0/7."""
    events = [{"event": "compile_error", "file": "solution.py", "line": 3,
               "message": "solution.py, line 3: SyntaxError: invalid syntax"}]
    graded = judge(challenge, result(events))
    assert (graded.verdict, graded.score, graded.max_score) == ("compile_error", 0, 7)
    assert set(outcomes_of(graded).values()) == {("error", 0)}
    assert "line 3" in graded.message


def test_collect_error_with_no_tests_run(challenge):
    """An import failure at collection with no test run is a runtime_error scoring 0, with its message."""
    collect = {"event": "collect_error", "nodeid": "test_hidden.py",
               "message": "ImportError: cannot import name 'count_pairs' from 'solution'"}
    graded = judge(challenge, result(report({}, extra=[collect]), exit_code=2))
    assert (graded.verdict, graded.score) == ("runtime_error", 0)
    assert "cannot import name" in graded.message
    assert all(t.outcome == "error" and "cannot import name" in t.message for t in graded.tests)


def test_garbled_report_scores_nothing(challenge):
    """A report that could not be parsed (no timeout) is a runtime_error at 0 even if events claim passes."""
    graded = judge(challenge, result(report(), report_error="report line 8 is not JSON"))
    assert (graded.verdict, graded.score, graded.max_score) == ("runtime_error", 0, 7)
    assert "report line 8 is not JSON" in graded.message
    assert {outcome for outcome, _ in outcomes_of(graded).values()} == {"error"}


def test_timeout_keeps_earlier_passes(challenge):
    """On a timeout, tests reported passed keep their points; unreported tests are marked timeout."""
    events = report({"test_empty": "passed", "test_large_input": "passed"}, end=False)
    graded = judge(challenge, result(events, exit_code=137, timed_out=True, report_error="report line 4 is not JSON"))
    assert (graded.verdict, graded.score, graded.max_score) == ("timeout", 4, 7)
    outcomes = outcomes_of(graded)
    assert outcomes["test_large_input"] == ("passed", 3)
    assert outcomes["test_example"] == ("timeout", 0)


def test_oom_killed(challenge):
    """A run killed at the memory limit has verdict memory_limit, and unfinished tests earn nothing."""
    events = report({"test_empty": "passed"}, end=False)
    graded = judge(challenge, result(events, exit_code=137, oom_killed=True))
    assert (graded.verdict, graded.score) == ("memory_limit", 1)
    assert outcomes_of(graded)["test_example"] == ("error", 0)


def test_output_truncated(challenge):
    """A run that printed more than the cap has verdict output_limit."""
    graded = judge(challenge, result(report({"test_empty": "passed"}, end=False), exit_code=137,
                                     output_truncated=True, output="x" * 100))
    assert graded.verdict == "output_limit"
    assert graded.output == "x" * 100


def test_no_end_event(challenge):
    """A test process that died before the end event is a runtime_error, even if every test passed."""
    graded = judge(challenge, result(report(end=False), exit_code=139))
    assert graded.verdict == "runtime_error"
    assert "139" in graded.message


def test_no_start_event(challenge):
    """A report without a start event (the harness never ran the tests) is a runtime_error."""
    graded = judge(challenge, result([], exit_code=1))
    assert (graded.verdict, graded.score) == ("runtime_error", 0)


def test_parametrised_cases_worst_wins(challenge):
    """Cases test_example[1] and [2] count as test_example; one failing case fails the whole test."""
    cases = [case_event("test_example[1]", "passed"), case_event("test_example[2]", "failed"),
             case_event("test_empty[a-b]", "passed"), case_event("test_empty[c]", "passed")]
    others = {name: "passed" for name in NAMES if name not in ("test_example", "test_empty")}
    graded = judge(challenge, result(report(others, extra=cases)))
    outcomes = outcomes_of(graded)
    assert outcomes["test_example"] == ("failed", 0)
    assert outcomes["test_empty"] == ("passed", 1)
    assert (graded.verdict, graded.score) == ("failed", 6)


def test_later_pass_does_not_override_error(challenge):
    """A teardown error after a passing call leaves the test an error, whatever the event order."""
    teardown = dict(case_event("test_empty", "error"), phase="teardown")
    events = report(extra=[teardown, case_event("test_empty", "passed")])
    graded = judge(challenge, result(events))
    assert outcomes_of(graded)["test_empty"] == ("error", 0)
    assert (graded.verdict, graded.score) == ("failed", 6)


@pytest.mark.parametrize("outcome", ["bogus", "xpassed", "PASSED", None])
def test_unknown_outcome_counts_as_error(challenge, outcome):
    """An outcome the grader does not know is an error worth nothing."""
    graded = judge(challenge, result(report({name: "passed" for name in NAMES} | {"test_empty": outcome})))
    assert outcomes_of(graded)["test_empty"] == ("error", 0)
    assert graded.verdict == "failed"


def test_non_string_outcome_counts_as_error(challenge):
    """A garbled outcome that is valid JSON but not a string (a list) is an error, not a crash."""
    graded = judge(challenge, result(report({name: "passed" for name in NAMES} | {"test_empty": ["passed"]})))
    assert outcomes_of(graded)["test_empty"] == ("error", 0)


def test_harness_error_raises(challenge):
    """A harness_error event is our fault: judge raises HarnessError carrying its message."""
    events = [{"event": "harness_error", "message": "Traceback...\ntarfile.ReadError: empty file"}]
    with pytest.raises(HarnessError, match="ReadError: empty file"):
        judge(challenge, result(events, exit_code=3))


def test_visible_tests_are_one_point_each(challenge):
    """visible=True judges the visible test ids at 1 point each, ignoring hidden weights."""
    events = [{"event": "start"}, case_event("test_example", file="test_examples.py"),
              {"event": "end", "exit_code": 0}]
    graded = judge(challenge, result(events), visible=True)
    assert (graded.verdict, graded.score, graded.max_score) == ("passed", 1, 1)
    assert [t.name for t in graded.tests] == ["test_examples.py::test_example"]


def test_hidden_passes_do_not_count_for_visible_run(challenge):
    """Passes reported under hidden ids earn nothing when the visible tests are being judged."""
    graded = judge(challenge, result(report()), visible=True)
    assert (graded.verdict, graded.score, graded.max_score) == ("failed", 0, 1)
