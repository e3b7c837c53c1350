"""The side-by-side view of a similarity match: both solutions, line by line, matching regions marked."""

from dataclasses import dataclass, field

from ..integrity.sources import challenge_sources
from ..models import SimilarityMatch
from . import challenges as challenge_versions
from .similarity import swapped

MARKS = 6          # distinct colours; regions beyond cycle through them


@dataclass
class Line:
    """One source line and the matching region it belongs to (None: no match)."""

    number: int
    text: str
    region: int | None = None


@dataclass
class File:
    """A file of one side, as lines."""

    name: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Side:
    """One side of the comparison: what it is, and its files."""

    label: str
    files: list[File]
    attempt_id: int | None = None      # a candidate's side links to that candidate's report
    submission_id: int | None = None


@dataclass
class Comparison:
    """What the page shows: the two sides and the regions (as listed under the code)."""

    match: SimilarityMatch
    left: Side
    right: Side
    regions: list[dict]


def build(match: SimilarityMatch, for_attempt: int | None = None) -> Comparison:
    """Both sides of a match with each line marked by the region it is part of; the side of
    `for_attempt` (the report the manager came from) on the left."""
    mine = match.submission
    left = (f"Final submission #{mine.id} (attempt #{mine.attempt_id})", dict(mine.files), mine.attempt_id, mine.id)
    if match.other_submission is not None:
        other = match.other_submission
        right = (f"Final submission #{other.id} (attempt #{other.attempt_id})", dict(other.files),
                 other.attempt_id, other.id)
    else:
        right = (_source_label(match.other_source), _source_files(match), None, None)
    stored = match.regions
    if for_attempt is not None and right[2] == for_attempt:
        left, right, stored = right, left, [swapped(r) for r in stored]
    regions = [{"number": n, "mark": (n - 1) % MARKS, "a_file": r[0], "a_lines": r[1], "b_file": r[2],
                "b_lines": r[3], "tokens": r[4]} for n, r in enumerate(stored, 1)]
    return Comparison(match=match, left=Side(left[0], _files(left[1], regions, "a"), left[2], left[3]),
                      right=Side(right[0], _files(right[1], regions, "b"), right[2], right[3]), regions=regions)


def _files(files: dict[str, str], regions: list[dict], side: str) -> list[File]:
    shown = []
    for name in sorted(files):
        marks: dict[int, int] = {}
        for region in regions:
            if region[f"{side}_file"] == name:
                first, last = region[f"{side}_lines"]
                for number in range(first, last + 1):
                    marks.setdefault(number, region["number"])
        lines = files[name].splitlines() or [""]
        shown.append(File(name, [Line(n, text, marks.get(n)) for n, text in enumerate(lines, 1)]))
    return shown


def _source_label(source: str) -> str:
    if source == "reference":
        return "The challenge's reference solution"
    return f"A known public solution: {source.split(':', 1)[1]}"


def _source_files(match: SimilarityMatch) -> dict[str, str]:
    """The reference or public solution the match was computed against (the current version's)."""
    loaded = challenge_versions.load_version(match.challenge.current_version)
    documents, _base = challenge_sources(loaded.path, match.language)
    return next((dict(d.files) for d in documents if d.id == match.other_source), {})
