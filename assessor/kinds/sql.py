"""`sql`: the candidate's SQL runs on each case's SQLite data set; result sets are compared here.

A challenge's tests folder (hidden or visible) holds, per case, `<case>.sql` (the data set: schema
and INSERTs, or any SQL that builds it) and `<case>.expected.json`, the expected result:

    {"columns": ["name", "total"], "rows": [["Ada", 12.5], ["Grace", null]]}

An optional `schema.sql` in the same folder runs before every case's script. Only the `.sql` files
enter the sandbox; the expected results never do. The `[sql]` table of challenge.toml says how to
compare:

    order = "unordered"      # or "ordered": the rows must come in the expected order
    columns = "name"         # or "position": names are ignored, only the columns' order counts
    tolerance = 1e-6         # floats equal within this absolute or relative difference
    forbid_scan = ["orders"] # the final query must SEARCH these tables through an index (or the
                             # primary key): a SCAN of the table, or of a whole index, fails
"""

import json
import math
from collections import Counter
from pathlib import Path

from ..errors import ChallengeFormatError
from . import Kind, register

ORDERS = ("unordered", "ordered")
COLUMN_MATCHING = ("name", "position")
SCHEMA = "schema.sql"
SHOWN_CHARS = 300


def discover_cases(folder: Path, shown_as: str) -> list[str]:
    """Names of the cases of a folder: every `<case>.sql` (but schema.sql) with a valid expected result."""
    if not folder.is_dir():
        return []
    names = []
    for path in sorted(folder.glob("*.sql")):
        if path.name == SCHEMA:
            continue
        read_expected(path.with_name(f"{path.stem}.expected.json"), f"{shown_as}{path.stem}.expected.json")
        names.append(path.stem)
    return names


def read_expected(path: Path, shown_as: str) -> dict:
    """A case's expected result, checked: {"columns": [names], "rows": [[values], ...]}."""
    from ..library import read_text

    try:
        expected = json.loads(read_text(path, shown_as))
    except ValueError as error:
        raise ChallengeFormatError(shown_as, None, f"invalid JSON: {error}") from None
    if not isinstance(expected, dict) or set(expected) != {"columns", "rows"}:
        raise ChallengeFormatError(shown_as, None, 'must be an object {"columns": [...], "rows": [[...], ...]}')
    columns, rows = expected["columns"], expected["rows"]
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) and c for c in columns):
        raise ChallengeFormatError(shown_as, "columns", "must be a non-empty list of column names")
    if not isinstance(rows, list) or not all(isinstance(row, list) and len(row) == len(columns) for row in rows):
        raise ChallengeFormatError(shown_as, "rows", f"must be a list of rows of {len(columns)} values each")
    for row in rows:
        if not all(value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool)
                   for value in row):
            raise ChallengeFormatError(shown_as, "rows", f"values must be numbers, text or null: {row!r:.100}")
    return expected


class SqlKind(Kind):
    """A data set per case, the candidate's query, the result set compared (ordered or not)."""

    name = "sql"
    title = "SQL"
    fixed_language = "sql"

    def discover(self, folder, shown_as, language):
        return discover_cases(folder, shown_as)

    def options(self, file, table):
        known = ("order", "columns", "tolerance", "forbid_scan")
        unknown = set(table) - set(known)
        if unknown:
            raise ChallengeFormatError(file, f"sql.{sorted(unknown)[0]}", f"unknown option (known: {', '.join(known)})")
        order, columns = table.get("order", "unordered"), table.get("columns", "name")
        if order not in ORDERS:
            raise ChallengeFormatError(file, "sql.order", f"must be one of {', '.join(ORDERS)}")
        if columns not in COLUMN_MATCHING:
            raise ChallengeFormatError(file, "sql.columns", f"must be one of {', '.join(COLUMN_MATCHING)}")
        tolerance = table.get("tolerance", 1e-6)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance <= 1:
            raise ChallengeFormatError(file, "sql.tolerance", "must be a number between 0 and 1")
        forbid_scan = table.get("forbid_scan", [])
        if not isinstance(forbid_scan, list) or not all(isinstance(t, str) and t for t in forbid_scan):
            raise ChallengeFormatError(file, "sql.forbid_scan", "must be a list of table names")
        return {"order": order, "columns": columns, "tolerance": float(tolerance),
                "forbid_scan": [t.lower() for t in forbid_scan]}

    def sends(self, path, language):
        return path.suffix == ".sql"          # the data sets; the expected results never enter the container

    def tests(self, challenge, events, visible, language):
        folder = challenge.tests_dir(visible)
        expected_ids = challenge.test_ids(visible, language)
        judged = []
        for case in events.get("case", []):
            name = str(case.get("name", ""))
            if name not in expected_ids:
                continue
            expected = read_expected(folder / f"{name}.expected.json", f"{name}.expected.json")
            outcome, message = judge_case(case, expected, challenge.options)
            plan = [str(line) for line in case.get("plan") or [] if isinstance(line, str)]
            judged.append({"event": "test", "nodeid": name, "outcome": outcome, "message": message,
                           "output": "query plan:\n" + "\n".join(plan) if visible and plan else "",
                           "duration_ms": case.get("duration_ms", 0)})
        return judged


def judge_case(case: dict, expected: dict, options: dict) -> tuple[str, str]:
    """The outcome and message of one case: what ran against what was expected."""
    if case.get("timed_out"):
        return "timeout", str(case.get("error") or "time limit exceeded")
    if case.get("error"):
        return "error", str(case["error"])
    if case.get("rows_truncated"):
        return "failed", "the result is too large to compare (over 10,000 rows or the size limit)"
    columns, rows = case.get("columns"), case.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        return "error", "no usable result was reported"
    order, problem = column_order(columns, expected["columns"], options.get("columns", "name"))
    if problem:
        return "failed", problem
    actual = [[row[i] if i < len(row) else None for i in order] for row in rows]
    problem = compare_rows(actual, expected["rows"], options.get("order", "unordered"), options.get("tolerance", 1e-6))
    if problem:
        return "failed", problem
    problem = scan_problem(case, options.get("forbid_scan", []))
    return ("failed", problem) if problem else ("passed", "")


def column_order(actual: list, expected: list[str], matching: str) -> tuple[list[int], str]:
    """Which result column answers each expected one, or what is wrong with the columns."""
    if matching == "position":
        if len(actual) != len(expected):
            return [], f"expected {len(expected)} columns, got {len(actual)}"
        return list(range(len(expected))), ""
    names = [str(name).lower() for name in actual]
    for name in expected:
        if names.count(name.lower()) > 1:
            return [], f"column {name} appears {names.count(name.lower())} times in the result"
        if name.lower() not in names:
            return [], f"missing column {name} (the result has: {', '.join(map(str, actual))})"
    wanted = {name.lower() for name in expected}
    extra = [str(name) for name in actual if str(name).lower() not in wanted]
    if extra:
        return [], f"unexpected column {extra[0]} (expected: {', '.join(expected)})"
    return [names.index(name.lower()) for name in expected], ""


def compare_rows(actual: list[list], expected: list[list], order: str, tolerance: float) -> str:
    """'' when the rows match (in order, or as a multiset), else what differs."""
    if len(actual) != len(expected):
        return f"expected {_rows(len(expected))}, got {len(actual)}" + _first_missing(actual, expected)
    if order == "unordered":
        actual, expected = sorted(actual, key=_sort_key), sorted(expected, key=_sort_key)
    for number, (got, want) in enumerate(zip(actual, expected), 1):
        if not all(same_value(g, w, tolerance) for g, w in zip(got, want)):
            if order == "ordered":
                return f"row {number}: expected {_shown(want)}, got {_shown(got)}"
            return _multiset_difference(actual, expected) or f"expected a row {_shown(want)}, got {_shown(got)}"
    return ""


def same_value(actual, expected, tolerance: float) -> bool:
    """Values equal as SQL results: numbers within the tolerance, text exactly, NULL only to NULL."""
    numbers = (int, float)
    if isinstance(actual, numbers) and isinstance(expected, numbers):
        if isinstance(actual, int) and isinstance(expected, int):
            return actual == expected
        return math.isclose(actual, expected, rel_tol=tolerance, abs_tol=tolerance)
    return type(actual) is type(expected) and actual == expected


def scan_problem(case: dict, forbid_scan: list[str]) -> str:
    """Why the final query's plan breaks the challenge's forbid_scan rule, or ''."""
    plan = "; ".join(str(line) for line in case.get("plan") or [])
    reads = {str(table).lower() for table in case.get("reads") or []}
    for table in forbid_scan:
        if table not in reads:
            return f"the query does not read {table}: it must query {table} itself, through an index (plan: {plan})"
        for scan in case.get("scans") or []:
            if not isinstance(scan, dict) or str(scan.get("table", "")).lower() != table:
                continue
            if scan.get("index"):
                return (f"the query reads the whole index {scan['index']} of {table} instead of searching it "
                        f"(plan: {plan})")
            automatic = " (SQLite builds a throwaway automatic index from it each run)" if "AUTOMATIC" in plan else ""
            return f"the query scans {table} without an index{automatic} (plan: {plan})"
    return ""


def _sort_key(row: list) -> tuple:
    # NULLs, then numbers, then text: a total order over mixed values.
    return tuple((0, 0) if v is None else (1, v) if isinstance(v, (int, float)) else (2, str(v)) for v in row)


def _multiset_difference(actual: list[list], expected: list[list]) -> str:
    have, want = Counter(map(_frozen, actual)), Counter(map(_frozen, expected))
    missing, extra = list((want - have).elements()), list((have - want).elements())
    parts = []
    if missing:
        parts.append(f"missing row {_shown(list(missing[0]))}")
    if extra:
        parts.append(f"unexpected row {_shown(list(extra[0]))}")
    return "; ".join(parts)


def _first_missing(actual: list[list], expected: list[list]) -> str:
    difference = _multiset_difference(actual, expected)
    return f" ({difference})" if difference else ""


def _frozen(row: list) -> tuple:
    return tuple(round(v, 9) if isinstance(v, float) else v if isinstance(v, (str, int, type(None)))
                 else json.dumps(v) for v in row)


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _shown(row: list) -> str:
    return json.dumps(row, ensure_ascii=False)[:SHOWN_CHARS]


register(SqlKind())
