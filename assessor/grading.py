"""Grading: run a submission against a challenge's tests in the sandbox and judge the result (SPEC §5).

The sandbox reports what happened; this module decides what it is worth. A missing, partial or
garbled report is a failure, never a pass: every expected test id must be reported to earn points.
"""

import re
import time
from dataclasses import asdict, dataclass, field, replace

from sandbox import (LANGUAGES, PROGRAM_KINDS, HarnessError, Limits, RunResult, RunSpec, UnsupportedLanguage, build_archive,
                     run)

from .library import Challenge

VERDICTS = ("passed", "failed", "compile_error", "runtime_error", "timeout", "memory_limit",
            "output_limit", "internal_error")
OUTCOMES = ("passed", "failed", "error", "timeout", "skipped")
COMPILE_S = 30.0      # compiling is not charged to the candidate's time limit, but is bounded
# pytest's advice to its own user at the end of an assertion message; a candidate cannot act on it.
_PYTEST_HINT = re.compile(r"Use -v+ to get (?:more diff|the full diff)")
# When a parametrised test reports several cases, the worst case decides its outcome.
_SEVERITY = {"passed": 0, "skipped": 1, "failed": 2, "timeout": 3, "error": 4}


@dataclass
class TestResult:
    """One expected test's outcome and points."""

    name: str
    outcome: str
    points: int
    max_points: int
    message: str = ""
    output: str = ""
    duration_ms: int = 0          # as the harness measured it (0 when the test never ran)


@dataclass
class GradeResult:
    """The grading result of SPEC §5, stored as-is on a submission."""

    verdict: str
    score: int
    max_score: int
    duration_ms: int
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""
    output: str = ""

    def to_dict(self) -> dict:
        """The JSON object of the grading contract."""
        return asdict(self)

    @classmethod
    def internal_error(cls, challenge: Challenge | None, message: str) -> "GradeResult":
        """A result saying grading failed on our side; it never counts against the candidate."""
        return cls("internal_error", 0, challenge.max_score if challenge else 0, 0, [], message)


def grade(challenge: Challenge, files: dict[str, bytes], language: str, engine, *,
          visible: bool = False, limits: Limits | None = None, labels: dict[str, str] | None = None,
          pool=None) -> GradeResult:
    """Grade files against the challenge's hidden (or visible) tests in a fresh container (from the
    worker's warm pool when it has one ready)."""
    spec, settings = run_spec(challenge, language, limits, labels)
    kind = challenge.kind_entry
    spec = replace(spec, stdin=build_archive(files, challenge.tests_dir(visible), settings,
                                             test_files=lambda path: kind.sends(path, language)))
    started = time.monotonic()
    result = run(spec, engine, pool=pool)
    graded = judge(challenge, result, visible=visible, language=language)
    graded.duration_ms = round((time.monotonic() - started) * 1000)
    return graded


def run_spec(challenge: Challenge, language: str, limits: Limits | None = None,
             labels: dict[str, str] | None = None) -> tuple[RunSpec, dict]:
    """The container a grading of this challenge in this language runs in (inputs still empty), and
    the settings its harness is sent; a warm pool prepares containers from the spec alone."""
    if language not in challenge.languages:
        raise UnsupportedLanguage(f"{challenge.slug} is not offered in {language!r} "
                                  f"(offered: {', '.join(challenge.languages)})")
    runner = LANGUAGES.get(language)
    bounds = (limits or Limits.from_env()).for_challenge(challenge.time_limit_s, challenge.memory_mb, challenge.test_timeout_s)
    if runner.program is not None and runner.program.compile and challenge.kind in PROGRAM_KINDS:
        bounds = replace(bounds, compile_s=bounds.compile_s or COMPILE_S)
    settings = {**bounds.harness_settings(), **runner.settings(), "python": challenge.python,
                "options": challenge.options}
    spec = RunSpec(
        image=runner.image,
        command=runner.command(challenge.kind),
        stdin=b"",
        limits=bounds,
        labels={"io.assessor.challenge": challenge.slug, **(labels or {})},
        user=runner.harness_user,
        capabilities=runner.harness_capabilities,
    )
    return spec, settings


def judge(challenge: Challenge, result: RunResult, visible: bool = False, language: str | None = None) -> GradeResult:
    """Turn what happened in the container into a verdict, per-test outcomes and points."""
    expected = challenge.test_ids(visible, language)
    worth = (lambda name: 1) if visible else challenge.points_of
    events = result.report
    by_kind = _group(events)
    if "harness_error" in by_kind:
        raise HarnessError(str(by_kind["harness_error"][0].get("message", "harness failed"))[-500:])
    by_kind["test"] = challenge.kind_entry.tests(challenge, by_kind, visible, language)
    compile_error = by_kind.get("compile_error")
    collect_errors = by_kind.get("collect_error", [])
    message = ""

    if compile_error:
        message = compile_error[0].get("message", "compile error")
        tests = [TestResult(name, "error", 0, worth(name), "not run: the code does not compile") for name in expected]
        return GradeResult("compile_error", 0, sum(worth(n) for n in expected), result.duration_ms, tests,
                           message, result.output)

    trusted = not result.report_error or result.timed_out or result.oom_killed
    reported = _outcomes(by_kind.get("test", [])) if trusted else {}
    missing = _missing_reason(result, collect_errors)
    tests = []
    for name in expected:
        outcome = reported.get(name)
        if outcome is None:
            tests.append(TestResult(name, "timeout" if result.timed_out else "error", 0, worth(name), missing))
            continue
        kind, text, output, duration_ms = outcome
        tests.append(TestResult(name, kind, worth(name) if kind == "passed" else 0, worth(name), text, output,
                                duration_ms))

    score = sum(t.points for t in tests)
    max_score = sum(t.max_points for t in tests)
    verdict, message = _verdict(result, by_kind, collect_errors, trusted, tests, score, max_score)
    return GradeResult(verdict, score, max_score, result.duration_ms, tests, message, result.output)


def _verdict(result: RunResult, by_kind: dict, collect_errors: list, trusted: bool, tests: list[TestResult],
             score: int, max_score: int) -> tuple[str, str]:
    if result.timed_out:
        return "timeout", "the run was stopped at the time limit"
    if trusted and any(t.outcome == "timeout" for t in tests):
        return "timeout", "a test did not finish within its time limit"
    if result.oom_killed or "memory_limit" in by_kind:
        return "memory_limit", "the code was stopped at the memory limit"
    if result.output_truncated or "output_limit" in by_kind:
        return "output_limit", "the code printed more output than allowed"
    if not trusted:
        return "runtime_error", f"the test report is unusable: {result.report_error}"
    if "start" not in by_kind:
        return "runtime_error", "the tests did not start" + (f" (exit code {result.exit_code})" if result.exit_code else "")
    ran = any(t.outcome in ("passed", "failed") for t in tests)
    if collect_errors and not ran:
        return "runtime_error", str(collect_errors[0].get("message") or "the tests could not import the code")
    if "end" not in by_kind:
        return "runtime_error", f"the test process ended early (exit code {result.exit_code})"
    return ("passed" if score == max_score and max_score > 0 else "failed"), ""


def _group(events: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for event in events:
        grouped.setdefault(str(event.get("event")), []).append(event)
    return grouped


def _outcomes(test_events: list[dict]) -> dict[str, tuple[str, str, str, int]]:
    """Worst reported outcome per test id, and the time of all its cases; parametrised cases `id[...]`
    count under their `id`."""
    outcomes: dict[str, tuple[str, str, str, int]] = {}
    for event in test_events:
        name = str(event.get("nodeid", "")).split("[", 1)[0]
        outcome = event.get("outcome")
        if not isinstance(outcome, str) or outcome not in _SEVERITY:
            outcome = "error"
        duration = event.get("duration_ms")
        duration = duration if isinstance(duration, int) and not isinstance(duration, bool) and duration >= 0 else 0
        current = outcomes.get(name)
        if current is None or _SEVERITY[outcome] > _SEVERITY[current[0]]:
            entry = (outcome, _tidy(str(event.get("message", ""))[:2000]), str(event.get("output", ""))[:2000])
        else:
            entry = current[:3]
        outcomes[name] = (*entry, duration + (current[3] if current else 0))
    return outcomes


def _tidy(message: str) -> str:
    """A test's message without pytest's advice to its own user ("Use -v to get more diff")."""
    lines = [line for line in message.splitlines() if not _PYTEST_HINT.fullmatch(line.strip())]
    return "\n".join(lines).rstrip()


def _missing_reason(result: RunResult, collect_errors: list[dict]) -> str:
    if result.timed_out:
        return "not finished within the time limit"
    if result.oom_killed:
        return "not finished: memory limit reached"
    if collect_errors:
        return str(collect_errors[0].get("message") or "the tests could not import the code")[-1000:]
    return "no result was reported for this test"
