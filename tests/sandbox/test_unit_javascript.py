"""`unit` challenges in JavaScript: node:test files graded against a real Docker Engine.

The tests run in a trusted Node process; the submission runs in another, as the candidate's user,
and `require('./solution')` gives the tests proxies whose calls cross as data.
"""

import json
import subprocess
import sys
import textwrap

import pytest

from assessor import library
from assessor.errors import ChallengeFormatError
from assessor.kinds.node_test import declared_tests
from tests.conftest import FIXTURE_LIBRARY, ROOT

CHALLENGE = FIXTURE_LIBRARY / "sum-pairs"
REFERENCE = CHALLENGE / "solution" / "javascript"
STARTER = CHALLENGE / "starter" / "javascript"
EMPTY, EXAMPLE, DUPLICATES, NEGATIVE, LARGE = (
    "empty", "countPairs > counts the example", "countPairs > counts duplicates",
    "countPairs > handles negative numbers", "countPairs > large input > is fast enough")
SOLVES = """
function solve(numbers, target) {
  const seen = new Map();
  let pairs = 0;
  for (const number of numbers) {
    pairs += seen.get(target - number) || 0;
    seen.set(number, (seen.get(number) || 0) + 1);
  }
  return pairs;
}
"""


def grade(path, *options, challenge=CHALLENGE):
    """`assessor grade` of a folder: the result, and each test's outcome by name (without the file)."""
    process = subprocess.run([sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(challenge),
                              *options, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"].split("::", 1)[-1]: t["outcome"] for t in result["tests"]}


def submission(tmp_path, source, name="solution.js"):
    """A submission folder holding one JavaScript file."""
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / name).write_text(textwrap.dedent(source))
    return folder


def message_of(result, name):
    return next(t["message"] for t in result["tests"] if t["name"].endswith(f"::{name}"))


# --- grading the fixture --------------------------------------------------------------------------

def test_reference_passes_with_every_point(docker_client):
    result, outcomes = grade(REFERENCE)
    assert (result["verdict"], result["score"], result["max_score"]) == ("passed", 7, 7)
    assert outcomes == {EMPTY: "passed", EXAMPLE: "passed", DUPLICATES: "passed", NEGATIVE: "passed", LARGE: "passed"}
    assert next(t for t in result["tests"] if t["name"].endswith(LARGE))["max_points"] == 3


def test_visible_examples_run_on_their_own(docker_client):
    result, outcomes = grade(REFERENCE, "--visible")
    assert (result["verdict"], result["score"]) == ("passed", 1)
    assert [t["name"] for t in result["tests"]] == ["examples.test.js::example"]


def test_starter_scores_less_and_says_why(docker_client):
    result, outcomes = grade(STARTER)
    assert (result["verdict"], result["score"]) == ("failed", 0)
    assert set(outcomes.values()) == {"error"}
    assert message_of(result, EMPTY) == "Error: not implemented (at solution.js:3)"


def test_a_wrong_solution_fails_the_right_tests(docker_client, tmp_path):
    # Counts distinct values: right unless a number repeats.
    result, outcomes = grade(submission(tmp_path, """
        function countPairs(numbers, target) {
          const seen = new Set();
          let pairs = 0;
          for (const number of numbers) {
            if (seen.has(target - number)) pairs += 1;
            seen.add(number);
          }
          return pairs;
        }
        module.exports = { countPairs };
    """))
    assert (result["verdict"], result["score"]) == ("failed", 6)
    assert outcomes == {EMPTY: "passed", EXAMPLE: "passed", DUPLICATES: "failed", NEGATIVE: "passed", LARGE: "passed"}
    assert "2 !== 3" in message_of(result, DUPLICATES)


def test_a_syntax_error_is_a_compile_error_with_the_line(docker_client, tmp_path):
    result, outcomes = grade(submission(tmp_path, """
        function countPairs(numbers, target) {
          return numbers.length +;
        }
        module.exports = { countPairs };
    """))
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    assert result["message"].startswith("solution.js:3\n")
    assert "SyntaxError: Unexpected token ';'" in result["message"]
    assert "node:internal" not in result["message"]
    assert set(outcomes.values()) == {"error"}


def test_an_infinite_loop_times_out_that_test_only(docker_client, tmp_path):
    result, outcomes = grade(submission(tmp_path, SOLVES + """
        function countPairs(numbers, target) {
          if (numbers.length > 1000) for (;;) {}
          return solve(numbers, target);
        }
        module.exports = { countPairs };
    """))
    assert (result["verdict"], result["score"]) == ("timeout", 4)
    assert outcomes == {EMPTY: "passed", EXAMPLE: "passed", DUPLICATES: "passed", NEGATIVE: "passed", LARGE: "timeout"}
    assert message_of(result, LARGE) == "time limit exceeded: your code did not return in time"


def test_a_crash_inside_a_call_fails_that_test_and_the_next_runs(docker_client, tmp_path):
    result, outcomes = grade(submission(tmp_path, SOLVES + """
        function countPairs(numbers, target) {
          if (numbers.length === 3) process.exit(0);
          return solve(numbers, target);
        }
        module.exports = { countPairs };
    """))
    assert (result["verdict"], result["score"]) == ("failed", 6)
    assert outcomes == {EMPTY: "passed", EXAMPLE: "passed", DUPLICATES: "error", NEGATIVE: "passed", LARGE: "passed"}
    assert message_of(result, DUPLICATES) == "your process exited (status 0) before answering"


def test_what_the_code_prints_is_shown_with_its_test(docker_client, tmp_path):
    result, _ = grade(submission(tmp_path, SOLVES + """
        function countPairs(numbers, target) {
          console.log(`called with ${numbers.length} numbers`);
          return solve(numbers, target);
        }
        module.exports = { countPairs };
    """))
    assert result["verdict"] == "passed"
    example = next(t for t in result["tests"] if t["name"].endswith(EXAMPLE))
    assert example["output"] == "called with 4 numbers\n"


# --- io: the same language as a standalone program ------------------------------------------------

MEAN = FIXTURE_LIBRARY / "mean-of-numbers"


@pytest.mark.parametrize("folder, verdict, score", [
    (MEAN / "solution" / "javascript", "passed", 4),
    (MEAN / "starter" / "javascript", "failed", 0),
])
def test_io_programs_in_javascript(docker_client, folder, verdict, score):
    result, outcomes = grade(folder, "--language", "javascript", challenge=MEAN)
    assert (result["verdict"], result["score"], result["max_score"]) == (verdict, score, 4)


def test_an_io_program_that_does_not_parse_is_a_compile_error(docker_client, tmp_path):
    result, _ = grade(submission(tmp_path, "console.log(1 +);\n"), "--language", "javascript", challenge=MEAN)
    assert (result["verdict"], result["score"]) == ("compile_error", 0)
    assert "SyntaxError: Unexpected token ')'" in result["message"]


# --- what the proxies serve: an ordinary node:test file -------------------------------------------

FEATURES_TESTS = """
const { describe, it, test } = require('node:test');
const assert = require('node:assert');
const { writable } = require('assessor-testing');
const { ValidationError, Stack, parse, later, failLater, sortBy, retry, counter, stats, handle, range, LIMIT } =
  require('./solution');

test('constants', () => { assert.strictEqual(LIMIT, 5); });
describe('Stack', () => {
  it('keeps its state between calls', () => {
    const stack = new Stack();
    stack.push(1).push(2);
    assert.strictEqual(stack.size, 2);
    assert.strictEqual(stack.pop(), 2);
    assert.deepStrictEqual(stack.toArray(), [1]);
    assert.ok(stack instanceof Stack);
    assert.deepStrictEqual([...stack], [1]);
  });
});
test('errors keep their class, message and fields', () => {
  assert.throws(() => parse('x'), ValidationError);
  assert.throws(() => parse('x'), { name: 'ValidationError', code: 'E_INVALID', message: 'not a number: x' });
  assert.throws(() => parse('x'), Error);
  assert.strictEqual(parse('12'), 12);
});
test('promises settle', async () => {
  assert.strictEqual(await later(21), 42);
  await assert.rejects(failLater(), RangeError);
});
test('callbacks are called back', () => {
  assert.deepStrictEqual(sortBy([{ n: 3 }, { n: 1 }], (item) => item.n), [{ n: 1 }, { n: 3 }]);
  let calls = 0;
  assert.strictEqual(retry((attempt) => { calls += 1; if (attempt < 2) throw new Error('again'); return 'ok'; }, 5), 'ok');
  assert.strictEqual(calls, 3);
});
test('closures keep their state', () => {
  const tally = counter();
  tally.increment();
  tally.increment();
  assert.strictEqual(tally.value(), 2);
});
test('data crosses whole', () => {
  assert.deepStrictEqual(stats([3, 1, 2]), { min: 1, max: 3, seen: new Set([3, 1, 2]), when: new Date(0),
    big: 2n ** 70n, nan: NaN, nothing: undefined, nested: [[1], { a: [2] }] });
});
test('objects with methods are passed by reference', () => {
  const sent = [];
  const res = writable({ statusCode: 200, send(text) { sent.push(text); } });   // the code fills it in
  handle({ body: { a: 1 } }, res);
  assert.strictEqual(res.statusCode, 201);
  assert.deepStrictEqual(res.body, { echo: { a: 1 } });
  assert.deepStrictEqual(sent, ['done']);
});
test('generators iterate', () => { assert.deepStrictEqual([...range(3)], [0, 1, 2]); });
"""

FEATURES_SOLUTION = """
class ValidationError extends Error {
  constructor(message) { super(message); this.name = 'ValidationError'; this.code = 'E_INVALID'; }
}
class Stack {
  constructor() { this.items = []; }
  push(item) { this.items.push(item); return this; }
  pop() { return this.items.pop(); }
  get size() { return this.items.length; }
  toArray() { return [...this.items]; }
  *[Symbol.iterator]() { yield* this.items; }
}
function parse(text) {
  if (!/^\\d+$/.test(text)) throw new ValidationError(`not a number: ${text}`);
  return Number(text);
}
async function later(x) { await new Promise((resolve) => setTimeout(resolve, 20)); return x * 2; }
async function failLater() { await null; throw new RangeError('too far'); }
function sortBy(items, key) { return [...items].sort((a, b) => key(a) - key(b)); }
function retry(action, times) {
  let last;
  for (let attempt = 0; attempt < times; attempt++) {
    try { return action(attempt); } catch (error) { last = error; }
  }
  throw last;
}
function counter() { let count = 0; return { increment() { count += 1; }, value() { return count; } }; }
function stats(xs) {
  return { min: Math.min(...xs), max: Math.max(...xs), seen: new Set(xs), when: new Date(0), big: 2n ** 70n,
    nan: NaN, nothing: undefined, nested: [[1], { a: [2] }] };
}
function handle(req, res) { res.statusCode = 201; res.body = { echo: req.body }; res.send('done'); }
function* range(n) { for (let i = 0; i < n; i++) yield i; }
module.exports = { ValidationError, Stack, parse, later, failLater, sortBy, retry, counter, stats, handle, range,
  LIMIT: 5 };
"""


def write_challenge(root, tests, solution, slug="js-features"):
    """A JavaScript-only unit challenge folder in the SPEC §4 format."""
    folder = root / slug
    for part in ("tests/hidden", "solution/javascript", "starter/javascript"):
        (folder / part).mkdir(parents=True)
    (folder / "challenge.toml").write_text(f'slug = "{slug}"\ntitle = "Features"\nkind = "unit"\n'
                                           'difficulty = "easy"\nskills = ["testing"]\nlanguages = ["javascript"]\n'
                                           'time_limit_s = 10\nmemory_mb = 128\n')
    (folder / "statement.md").write_text("# Features\n")
    (folder / "tests/hidden/features.test.js").write_text(tests)
    (folder / "solution/javascript/solution.js").write_text(solution)
    (folder / "starter/javascript/solution.js").write_text("module.exports = {};\n")
    return folder


def test_ordinary_node_test_files_work_through_the_proxies(docker_client, tmp_path):
    challenge = write_challenge(tmp_path, FEATURES_TESTS, FEATURES_SOLUTION)
    result, outcomes = grade(challenge / "solution" / "javascript", challenge=challenge)
    assert result["verdict"] == "passed", [(t["name"], t["message"]) for t in result["tests"] if t["outcome"] != "passed"]
    assert len(outcomes) == 9


def test_a_broken_class_fails_only_its_own_test(docker_client, tmp_path):
    broken = FEATURES_SOLUTION.replace("pop() { return this.items.pop(); }", "pop() { return this.items.shift(); }")
    challenge = write_challenge(tmp_path, FEATURES_TESTS, broken)
    result, outcomes = grade(challenge / "solution" / "javascript", challenge=challenge)
    assert (result["verdict"], result["score"]) == ("failed", 8)
    assert outcomes["Stack > keeps its state between calls"] == "failed"
    assert "1 !== 2" in message_of(result, "Stack > keeps its state between calls")


def test_a_promise_that_never_settles_does_not_hold_the_run_open(docker_client, tmp_path):
    tests = """
const { test } = require('node:test');
const assert = require('node:assert');
const { never } = require('./solution');

test('races a promise that never settles', async () => {
  const winner = await Promise.race([never(), never(), new Promise((resolve) => setTimeout(resolve, 100, 'timer'))]);
  assert.strictEqual(winner, 'timer');
});
test('runs after it', () => { assert.strictEqual(1 + 1, 2); });
"""
    challenge = write_challenge(tmp_path, tests, "module.exports = { never: () => new Promise(() => {}) };\n")
    result, outcomes = grade(challenge / "solution" / "javascript", challenge=challenge)
    assert result["verdict"] == "passed", result["message"]
    assert outcomes == {"races a promise that never settles": "passed", "runs after it": "passed"}


# --- discovery (no Docker) ------------------------------------------------------------------------

def test_the_fixture_offers_javascript_with_equal_points():
    challenge = library.load(CHALLENGE)
    assert "javascript" in challenge.languages
    assert challenge.test_ids(language="javascript") == tuple(f"hidden.test.js::{name}" for name in
                                                              (EMPTY, EXAMPLE, DUPLICATES, NEGATIVE, LARGE))
    assert challenge.test_ids(visible=True, language="javascript") == ("examples.test.js::example",)
    assert sum(challenge.points_of(name) for name in challenge.test_ids(language="javascript")) == 7


def test_discovery_reads_names_without_running_the_file():
    source = textwrap.dedent("""
        const { describe, it, test } = require('node:test');
        // test('a comment', () => {});
        const text = "it('in a string')";
        const pattern = /test\\(/;
        test('top "quoted"', () => { assert.ok(/x/.test('x')); const ratio = a / b / c; });
        describe('outer', () => {
          it('inner', () => {});
          describe.skip("deeper", () => { it.only('deep \\'one\\'', () => {}); });
        });
        test('parent', async (t) => {
          await t.test('child', () => {});
        });
    """)
    assert declared_tests(source, "x.test.js") == [['top "quoted"'], ["outer", "inner"], ["outer", "deeper", "deep 'one'"],
                                               ["parent", "child"]]


@pytest.mark.parametrize("call", ["test(name, () => {})", "it(`case ${n}`, () => {})"])
def test_a_test_name_that_is_not_a_literal_is_refused_with_its_line(call):
    with pytest.raises(ChallengeFormatError, match=r"^x\.test\.js: line 3: the name of (test|it)\(\) must be a string literal"):
        declared_tests(f"const n = 1;\n\n{call};\n", "x.test.js")


def test_each_language_receives_only_its_own_test_files():
    challenge = library.load(CHALLENGE)
    kind = challenge.kind_entry
    hidden = challenge.tests_dir()
    assert kind.sends(hidden / "hidden.test.js", "javascript") and not kind.sends(hidden / "test_hidden.py", "javascript")
    assert kind.sends(hidden / "test_hidden.py", "python") and not kind.sends(hidden / "hidden.test.js", "python")
