"""`io`: the program reads each hidden case on stdin; its stdout is compared here, outside the sandbox."""

from pathlib import Path

from ..errors import ChallengeFormatError
from ..outputs import difference, same_output
from . import Kind, register

COMPARISONS = ("exact", "whitespace", "float")


def discover_cases(folder: Path, shown_as: str) -> list[str]:
    """Names of the io cases of a folder: every `<name>.in` with its `<name>.out`."""
    if not folder.is_dir():
        return []
    names = []
    for path in sorted(folder.glob("*.in")):
        if not path.with_suffix(".out").is_file():
            raise ChallengeFormatError(f"{shown_as}{path.name}", None, f"no expected output {path.stem}.out")
        names.append(path.stem)
    return names


class IoKind(Kind):
    """stdin → stdout cases; any language with a program recipe."""

    name = "io"
    title = "Input/output"

    def discover(self, folder, shown_as, language):
        return discover_cases(folder, shown_as)

    def options(self, file, table):
        unknown = set(table) - {"compare", "tolerance"}
        if unknown:
            raise ChallengeFormatError(file, f"io.{sorted(unknown)[0]}", "unknown option (known: compare, tolerance)")
        compare = table.get("compare", "exact")
        if compare not in COMPARISONS:
            raise ChallengeFormatError(file, "io.compare", f"must be one of {', '.join(COMPARISONS)}")
        tolerance = table.get("tolerance", 1e-6)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance <= 1:
            raise ChallengeFormatError(file, "io.tolerance", "must be a number between 0 and 1")
        return {"compare": compare, "tolerance": float(tolerance)}

    def sends(self, path, language):
        return path.suffix == ".in"          # the expected outputs never enter the container

    def tests(self, challenge, events, visible, language):
        folder = challenge.tests_dir(visible)
        expected_ids = challenge.test_ids(visible, language)
        compared = []
        for case in events.get("case", []):
            name = str(case.get("name", ""))
            path = folder / f"{name}.out"
            if name not in expected_ids or not path.is_file():
                continue
            outcome, message = self._judge_case(case, path.read_text(encoding="utf-8"), challenge.options)
            compared.append({"event": "test", "nodeid": name, "outcome": outcome, "message": message,
                             "output": str(case.get("stderr", ""))[-2000:] if visible else "",
                             "duration_ms": case.get("duration_ms", 0)})
        return compared

    @staticmethod
    def _judge_case(case: dict, expected: str, options: dict) -> tuple[str, str]:
        stdout = str(case.get("stdout", ""))
        if case.get("timed_out"):
            return "timeout", "time limit exceeded"
        if case.get("exit_code") != 0:
            return "error", f"exit code {case.get('exit_code')}: {str(case.get('stderr', ''))[-1500:]}"
        if case.get("output_truncated"):
            return "failed", "the output is longer than allowed"
        if same_output(stdout, expected, options.get("compare", "exact"), options.get("tolerance", 1e-6)):
            return "passed", ""
        return "failed", difference(stdout, expected)


register(IoKind())
