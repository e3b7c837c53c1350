"""A test may hand the candidate's code an object of its own that counts how it is used (an
operation that must run once, a callback). The code may call it, but never rewrite it: if it could
set the counter, running the operation three times and then writing `calls = 1` would pass. Only an
object the test made `writable()` (a response the code fills in) takes the code's writes."""

import textwrap

import pytest

from assessor import library
from assessor.grading import grade

CHALLENGE_TOML = """\
slug = "run-once"
title = "Run the operation once"
kind = "unit"
difficulty = "easy"
skills = ["correctness"]
languages = ["python", "javascript"]
time_limit_s = 10
memory_mb = 128
"""

PYTHON_TEST = '''\
from assessor_testing import writable
from solution import respond, run_once


class Response:
    """What the code fills in: a status and a body."""

    def __init__(self):
        self.status, self.body = 200, ""


class Operation:
    """Counts its calls; its counter is public, as a test author would write it."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def test_runs_the_operation_exactly_once():
    operation = Operation()
    assert run_once(operation) == 1
    assert operation.calls == 1


def test_fills_in_a_writable_response():
    response = writable(Response())
    respond(response)
    assert (response.status, response.body) == (201, "created")
'''

JAVASCRIPT_TEST = '''\
const { test } = require('node:test');
const assert = require('node:assert');
const { writable } = require('assessor-testing');
const { respond, runOnce } = require('./solution');

test('runs the operation exactly once', () => {
  const operation = { calls: 0, run() { this.calls += 1; return this.calls; } };
  assert.strictEqual(runOnce(operation), 1);
  assert.strictEqual(operation.calls, 1);
});

test('fills in a writable response', () => {
  const response = writable({ status: 200, body: '' });
  respond(response);
  assert.deepStrictEqual([response.status, response.body], [201, 'created']);
});
'''

HONEST = {"python": "def run_once(operation):\n    return operation()\n\n\n"
                    "def respond(response):\n    response.status, response.body = 201, 'created'\n",
          "javascript": "module.exports = { runOnce: (operation) => operation.run(),\n"
                        "  respond(response) { response.status = 201; response.body = 'created'; } };\n"}
# Runs the operation three times, then rewrites the test's counter and returns what it would have.
FORGED = {
    "python": """
        def run_once(operation):
            for _ in range(3):
                operation()
            try:
                operation.calls = 1
            except Exception:
                pass
            return 1

        def respond(response):
            response.status, response.body = 201, "created"
    """,
    "javascript": """
        function runOnce(operation) {
          for (let i = 0; i < 3; i += 1) operation.run();
          try { operation.calls = 1; } catch (error) { /* refused */ }
          try { Object.defineProperty(operation, 'calls', { value: 1 }); } catch (error) { /* refused */ }
          try { delete operation.calls; } catch (error) { /* refused */ }
          return 1;
        }
        function respond(response) { response.status = 201; response.body = 'created'; }
        module.exports = { runOnce, respond };
    """,
}
FILE = {"python": "solution.py", "javascript": "solution.js"}


@pytest.fixture(scope="module")
def challenge(tmp_path_factory):
    """A tiny unit challenge whose tests pass the code a counting object of theirs."""
    root = tmp_path_factory.mktemp("library") / "run-once"
    for folder in ("tests/hidden", "tests/visible"):
        (root / folder).mkdir(parents=True)
        (root / folder / "test_run_once.py").write_text(PYTHON_TEST)
        (root / folder / "run_once.test.js").write_text(JAVASCRIPT_TEST)
    for language, source in HONEST.items():
        for folder in ("starter", "solution"):
            (root / folder / language).mkdir(parents=True)
            (root / folder / language / FILE[language]).write_text(source)
    (root / "challenge.toml").write_text(CHALLENGE_TOML)
    (root / "statement.md").write_text("# Run once\n\nCall the operation exactly once and return its result.\n")
    return library.load(root)


@pytest.fixture(scope="module")
def engine():
    import sandbox

    return sandbox.connect()


@pytest.mark.parametrize("language", ["python", "javascript"])
def test_honest_code_that_calls_and_fills_in_the_objects_passes(challenge, engine, docker_client, language):
    result = grade(challenge, {FILE[language]: HONEST[language].encode()}, language, engine)
    assert (result.verdict, result.score) == ("passed", 2), [t.message for t in result.tests]


@pytest.mark.parametrize("language", ["python", "javascript"])
def test_code_cannot_rewrite_the_tests_counter(challenge, engine, docker_client, language):
    source = textwrap.dedent(FORGED[language]).encode()
    result = grade(challenge, {FILE[language]: source}, language, engine)
    assert (result.verdict, result.score) == ("failed", 1)              # the writable response still works
    counted = next(t for t in result.tests if "once" in t.name)
    assert counted.outcome == "failed" and "3" in counted.message, counted.message   # it saw all three calls
