"""The `sql` kind: the candidate's SQL runs on each case's SQLite data set; result sets are compared outside."""

import io
import json
import shutil
import subprocess
import sys
import tarfile

import pytest

from assessor import library
from assessor.errors import ChallengeFormatError
from assessor.kinds.sql import judge_case
from sandbox.archive import build_archive
from tests.conftest import FIXTURE_LIBRARY, ROOT, SOLUTIONS

CHALLENGE = FIXTURE_LIBRARY / "top-customers"
SOLVED = SOLUTIONS / "top-customers"
LIBRARY = ROOT / "challenges"


def grade(path, challenge=CHALLENGE, *extra):
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(challenge), *extra,
                              str(path)], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"]: t["outcome"] for t in result["tests"]}


def message_of(result, name):
    return next(t["message"] for t in result["tests"] if t["name"] == name)


ALL_PASSED = {"basic": "passed", "empty": "passed", "ties": "passed", "unpaid": "passed"}


@pytest.mark.parametrize("solution, verdict, score, outcomes", [
    (CHALLENGE / "solution" / "sql", "passed", 5, ALL_PASSED),
    (CHALLENGE / "starter" / "sql", "failed", 0, dict.fromkeys(ALL_PASSED, "failed")),
    (SOLVED / "wrong_ties", "failed", 3, {**ALL_PASSED, "ties": "failed"}),
    (SOLVED / "wrong_order", "failed", 2, {**ALL_PASSED, "basic": "failed", "ties": "failed"}),
    # Its own table and index first, then the query, whose columns come in another order.
    (SOLVED / "scratch_table", "passed", 5, ALL_PASSED),
])
def test_sql_verdicts(docker_client, solution, verdict, score, outcomes):
    result, seen = grade(solution)
    assert (result["verdict"], result["score"], result["max_score"]) == (verdict, score, 5)
    assert seen == outcomes


def test_a_wrong_row_is_named(docker_client):
    result, _ = grade(SOLVED / "wrong_ties")
    assert message_of(result, "ties") == 'row 2: expected ["Alice", 2, 100], got ["Yann", 2, 100]'
    starter, _ = grade(CHALLENGE / "starter" / "sql")
    assert message_of(starter, "unpaid").startswith("expected 2 rows, got 3")


def test_rows_in_any_order_pass_when_the_challenge_says_unordered(docker_client, tmp_path):
    unordered = tmp_path / "top-customers"
    shutil.copytree(CHALLENGE, unordered)
    toml = unordered / "challenge.toml"
    toml.write_text(toml.read_text().replace('order = "ordered"', 'order = "unordered"'))
    result, seen = grade(SOLVED / "wrong_order", unordered)
    assert (result["verdict"], result["score"]) == ("passed", 5)
    assert seen == ALL_PASSED


def test_a_syntax_error_is_a_compile_error_with_sqlites_message(docker_client):
    result, seen = grade(SOLVED / "syntax_error")
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    assert result["message"] == 'statement 2 (line 3): near "SELEC": syntax error'
    assert set(seen.values()) == {"error"}


def test_a_runaway_recursive_query_times_out(docker_client):
    result, seen = grade(SOLVED / "runaway")
    assert (result["verdict"], result["score"]) == ("timeout", 0)
    assert set(seen.values()) == {"timeout"}
    assert "stopped: the SQL ran longer than" in message_of(result, "basic")


@pytest.mark.parametrize("attempt, refusal", [
    ("attach", "not allowed: ATTACH, DETACH and VACUUM are not allowed: your SQL cannot open files"),
    ("vacuum_into", "not allowed: ATTACH, DETACH and VACUUM are not allowed: your SQL cannot open files"),
    ("load_extension", "not allowed: load_extension() is not allowed: your SQL cannot load extensions"),
    ("files", "no such function: readfile"),
])
def test_files_and_extensions_are_out_of_reach(docker_client, attempt, refusal):
    result, seen = grade(SOLVED / attempt)
    assert (result["verdict"], result["score"]) == ("failed", 0)
    assert set(seen.values()) == {"error"}
    assert message_of(result, "basic").endswith(refusal)


def test_the_example_run_shows_the_query_plan(docker_client):
    result, seen = grade(CHALLENGE / "solution" / "sql", CHALLENGE, "--visible")
    assert seen == {"example": "passed"}
    assert result["tests"][0]["output"].startswith("query plan:\nSCAN o")


def test_expected_results_never_enter_the_container():
    challenge = library.load(CHALLENGE)
    archive = build_archive(challenge.solution("sql"), challenge.tests_dir(), {},
                            test_files=lambda path: challenge.kind_entry.sends(path, "sql"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        names = tar.getnames()
    assert {"tests/schema.sql", "tests/ties.sql", "submission/solution.sql"} <= set(names)
    assert all(name.endswith(".sql") for name in names if name.startswith("tests/"))   # no .expected.json


# ---------------------------------------------------------------- the library's SQL challenges


def test_revenue_report_reference_earns_every_point_and_the_starter_none(docker_client):
    folder = LIBRARY / "sql-revenue-report"
    reference, _ = grade(folder / "solution" / "sql", folder)
    assert (reference["verdict"], reference["score"], reference["max_score"]) == ("passed", 12, 12)
    starter, _ = grade(folder / "starter" / "sql", folder)
    assert (starter["verdict"], starter["score"]) == ("failed", 0)


def test_slow_query_needs_an_index_on_events(docker_client):
    folder = LIBRARY / "sql-slow-query-index"
    reference, _ = grade(folder / "solution" / "sql", folder)
    assert (reference["verdict"], reference["score"], reference["max_score"]) == ("passed", 12, 12)
    starter, seen = grade(folder / "starter" / "sql", folder)
    assert (starter["verdict"], starter["score"]) == ("failed", 0)
    assert set(seen.values()) == {"failed"}        # the right rows, but through a full scan
    assert message_of(starter, "few").startswith("the query scans events without an index (plan: ")


# ---------------------------------------------------------------- judging, outside the sandbox

EXPECTED = {"columns": ["name", "total"], "rows": [["Ada", 12.5], ["Grace", None], ["Linus", 3]]}
OPTIONS = {"order": "ordered", "columns": "name", "tolerance": 1e-6, "forbid_scan": []}


def case(columns=("name", "total"), rows=(("Ada", 12.5), ("Grace", None), ("Linus", 3)), **fields):
    return {"name": "c", "columns": list(columns), "rows": [list(r) for r in rows], "rows_truncated": False,
            "error": "", "timed_out": False, "plan": [], "scans": [], "reads": [], **fields}


@pytest.mark.parametrize("reported, options, outcome, message", [
    (case(), {}, "passed", ""),
    (case(rows=[("Ada", 12.5000000001), ("Grace", None), ("Linus", 3.0)]), {}, "passed", ""),
    (case(columns=("TOTAL", "Name"), rows=[(12.5, "Ada"), (None, "Grace"), (3, "Linus")]), {}, "passed", ""),
    (case(columns=("a", "b")), {"columns": "position"}, "passed", ""),
    (case(rows=[("Ada", 12.5), ("Grace", None)]), {}, "failed", 'expected 3 rows, got 2 (missing row ["Linus", 3])'),
    (case(rows=[("Ada", 12.5), ("Grace", 0), ("Linus", 3)]), {}, "failed",
     'row 2: expected ["Grace", null], got ["Grace", 0]'),
    (case(rows=[("Ada", 12.5), ("Grace", None), ("Linus", "3")]), {}, "failed",
     'row 3: expected ["Linus", 3], got ["Linus", "3"]'),
    (case(rows=[("Linus", 3), ("Ada", 12.5), ("Grace", None)]), {}, "failed",
     'row 1: expected ["Ada", 12.5], got ["Linus", 3]'),
    (case(rows=[("Linus", 3), ("Ada", 12.5), ("Grace", None)]), {"order": "unordered"}, "passed", ""),
    (case(rows=[("Linus", 3), ("Ada", 12.5), ("Ada", 12.5)]), {"order": "unordered"}, "failed",
     'missing row ["Grace", null]; unexpected row ["Ada", 12.5]'),
    (case(columns=("name", "sum(amount)")), {}, "failed", "missing column total (the result has: name, sum(amount))"),
    (case(columns=("name", "total", "id")), {}, "failed", "unexpected column id (expected: name, total)"),
    (case(columns=("a", "b", "c")), {"columns": "position"}, "failed", "expected 2 columns, got 3"),
    (case(error="statement 1 (line 1): no such column: totl"), {}, "error",
     "statement 1 (line 1): no such column: totl"),
    (case(timed_out=True, error="stopped"), {}, "timeout", "stopped"),
    (case(rows_truncated=True), {}, "failed",
     "the result is too large to compare (over 10,000 rows or the size limit)"),
])
def test_result_sets_are_compared_outside(reported, options, outcome, message):
    assert judge_case(reported, EXPECTED, {**OPTIONS, **options}) == (outcome, message)


@pytest.mark.parametrize("plan, scans, reads, message", [
    (["SEARCH o USING INDEX by_customer (customer_id=?)"], [], ["orders"], ""),
    (["SCAN o"], [{"table": "orders", "index": None}], ["orders"],
     "the query scans orders without an index (plan: SCAN o)"),
    (["SCAN c", "SEARCH o USING AUTOMATIC COVERING INDEX (customer_id=?)"], [{"table": "orders", "index": None}],
     ["customers", "orders"], "the query scans orders without an index (SQLite builds a throwaway automatic index "
     "from it each run) (plan: SCAN c; SEARCH o USING AUTOMATIC COVERING INDEX (customer_id=?))"),
    (["SCAN orders USING COVERING INDEX wide"], [{"table": "orders", "index": "wide"}], ["orders"],
     "the query reads the whole index wide of orders instead of searching it "
     "(plan: SCAN orders USING COVERING INDEX wide)"),
    (["SCAN copy"], [], [], "the query does not read orders: it must query orders itself, through an index "
     "(plan: SCAN copy)"),
])
def test_forbid_scan_reads_the_final_querys_plan(plan, scans, reads, message):
    expected = {"columns": ["total"], "rows": [[1]]}
    reported = case(columns=["total"], rows=[[1]], plan=plan, scans=scans, reads=reads)
    outcome = "failed" if message else "passed"
    assert judge_case(reported, expected, {**OPTIONS, "forbid_scan": ["orders"]}) == (outcome, message)


def test_a_kind_of_sql_needs_no_languages_line():
    challenge = library.load(CHALLENGE)
    assert (challenge.kind, challenge.languages) == ("sql", ("sql",))
    assert challenge.hidden_tests == ("basic", "empty", "ties", "unpaid")
    assert challenge.options == {"order": "ordered", "columns": "name", "tolerance": 1e-6, "forbid_scan": []}


@pytest.mark.parametrize("change, error", [
    (lambda folder: (folder / "tests" / "hidden" / "ties.expected.json").unlink(),
     r"tests/hidden/ties.expected.json: missing"),
    (lambda folder: (folder / "tests" / "hidden" / "ties.expected.json").write_text(
        '{"columns": ["a"], "rows": [[1, 2]]}'),
     r"ties.expected.json: field 'rows': must be a list of rows of 1 values each"),
    (lambda folder: (folder / "tests" / "hidden" / "ties.expected.json").write_text("[1, 2"),
     r"ties.expected.json: invalid JSON"),
    (lambda folder: _edit_toml(folder, 'order = "ordered"', 'order = "sorted"'),
     r"field 'sql.order': must be one of unordered, ordered"),
    (lambda folder: _edit_toml(folder, 'order = "ordered"', 'order = "ordered"\nforbid_scan = "orders"'),
     r"field 'sql.forbid_scan': must be a list of table names"),
    (lambda folder: _edit_toml(folder, 'order = "ordered"', 'order = "ordered"\nrequire_index = true'),
     r"field 'sql.require_index': unknown option"),
])
def test_a_malformed_sql_challenge_names_the_file_and_field(tmp_path, change, error):
    broken = tmp_path / "top-customers"
    shutil.copytree(CHALLENGE, broken)
    change(broken)
    with pytest.raises(ChallengeFormatError, match=error):
        library.load(broken)


def _edit_toml(folder, old, new):
    toml = folder / "challenge.toml"
    toml.write_text(toml.read_text().replace(old, new))
