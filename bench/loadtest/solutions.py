"""What the load test's candidates submit to sum-pairs (Python), and the grade each must get.

Every submission's code starts with a marker line, `# load-test c0007-s3 kind=correct`, so the
database rows can be matched to what was sent without trusting the HTTP responses.
"""

import random
import re
from dataclasses import dataclass

from .stack import FIXTURE_LIBRARY

CHALLENGE = "sum-pairs"
LANGUAGE = "python"
CORRECT = (FIXTURE_LIBRARY / CHALLENGE / "solution" / "python" / "solution.py").read_text()
MAX_SCORE = 7


@dataclass(frozen=True)
class Kind:
    """One kind of solution: its code, how often candidates send it, and its verdict and score."""

    name: str
    weight: float
    code: str
    verdict: str
    score: int


KINDS = {kind.name: kind for kind in [
    Kind("correct", 0.62, CORRECT, "passed", MAX_SCORE),
    # Correct, but its first call takes 0.8 s: a worker can be killed while grading it.
    Kind("slow", 0.08, "import time\n_first = [True]\n\n" + CORRECT.replace(
        "    seen = Counter()", "    if _first[0]:\n        _first[0] = False\n        time.sleep(0.8)\n"
                                "    seen = Counter()"), "passed", MAX_SCORE),
    # A set instead of a counter: every hidden test but test_duplicates passes (6 of 7 points).
    Kind("missed_duplicates", 0.12, "def count_pairs(numbers, target):\n    seen, pairs = set(), 0\n"
         "    for number in numbers:\n        pairs += (target - number) in seen\n        seen.add(number)\n"
         "    return pairs\n", "failed", 6),
    # Only test_empty passes (1 point).
    Kind("always_zero", 0.08, "def count_pairs(numbers, target):\n    return 0\n", "failed", 1),
    Kind("syntax_error", 0.06, "def count_pairs(numbers, target)\n    return 0\n", "compile_error", 0),
    # The module cannot be imported: the tests cannot run at all.
    Kind("import_crash", 0.04, "import no_such_module_anywhere\n", "runtime_error", 0),
]}
MARKER = re.compile(r"^# load-test (\S+) kind=(\S+)$", re.MULTILINE)


@dataclass(frozen=True)
class Planned:
    """One submission a candidate will make."""

    marker: str
    kind: Kind

    def files(self) -> dict[str, str]:
        """The files sent: the kind's code under its marker line."""
        return {"solution.py": f"# load-test {self.marker} kind={self.kind.name}\n{self.kind.code}"}


def plan(candidate: int, submissions: int, seed: int = 7) -> list[Planned]:
    """A candidate's submissions, drawn from the mix (the same for the same seed)."""
    rng = random.Random(f"{seed}-{candidate}")
    kinds = rng.choices(list(KINDS.values()), weights=[k.weight for k in KINDS.values()], k=submissions)
    return [Planned(f"c{candidate:04d}-s{n}", kind) for n, kind in enumerate(kinds, 1)]


def marker_of(files: dict) -> tuple[str, str] | None:
    """(marker, kind name) of a stored submission's files, or None for code the load test did not send."""
    found = MARKER.search((files or {}).get("solution.py", ""))
    return (found.group(1), found.group(2)) if found else None
