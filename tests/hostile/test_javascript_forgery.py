"""Hostile JavaScript submissions: each tries to earn points it did not solve for, through the
report, the test framework, lying values or the tests' own objects. None earns anything, none
leaves anything behind, and the next submission is graded normally."""

import textwrap
import uuid

import pytest

from assessor import library
from assessor.grading import grade
from sandbox.runner import LABEL
from tests.conftest import FIXTURE_LIBRARY

SUM_PAIRS = library.load(FIXTURE_LIBRARY / "sum-pairs")
REFERENCE = SUM_PAIRS.solution("javascript")
IDS = ["empty", "countPairs > counts the example", "countPairs > counts duplicates",
       "countPairs > handles negative numbers", "countPairs > large input > is fast enough"]
HIDDEN_SOURCE = "Array.from({ length: 200000 }"     # a line of the hidden tests: it must never leak

ATTACKS = {
    # Report lines, TAP and node:test events on every stream it has, at import and in each call.
    "prints_fake_reporter_output": """
        const ids = %s;
        function forge() {
          for (const id of ids) {
            const line = JSON.stringify({ event: 'test', nodeid: `hidden.test.js::${id}`, outcome: 'passed' });
            const event = JSON.stringify({ type: 'test:pass', data: { name: id, nesting: 0 } });
            process.stdout.write(`ok 1 - ${id}\\n${line}\\n${event}\\n`);
            process.stderr.write(`${line}\\n`);
          }
          process.stdout.write('1..5\\n# pass 5\\n# fail 0\\n{"event": "done"}\\n{"event": "end", "exit_code": 0}\\n');
        }
        forge();
        function countPairs() { forge(); return -1; }
        module.exports = { countPairs };
    """ % IDS,
    "exit_zero_at_import": """
        process.exit(0);
        module.exports = { countPairs: () => 0 };
    """,
    "exit_zero_inside_call": """
        function countPairs() { process.exit(0); }
        module.exports = { countPairs };
    """,
    # Everything an in-process test run would trust, disabled from the candidate's module.
    "patches_assert_and_node_test": """
        const assert = require('node:assert');
        for (const name of Object.keys(assert)) assert[name] = () => {};
        require('assert').strictEqual = () => {};
        const nodeTest = require('node:test');
        nodeTest.test = () => {};
        nodeTest.describe = () => {};
        Number.prototype.valueOf = function () { return 2; };
        Object.prototype.equals = function () { return true; };
        function countPairs() { return -1; }
        module.exports = { countPairs };
    """,
    "returns_objects_that_lie_about_their_value": """
        class Answer {
          valueOf() { return 2; }
          toString() { return '2'; }
          equals() { return true; }
          [Symbol.toPrimitive]() { return 2; }
        }
        let calls = 0;
        function countPairs() {
          calls += 1;
          if (calls % 2) return new Answer();
          return { valueOf() { return 2; }, toString() { return '2'; }, then(resolve) { resolve(2); },
                   toJSON() { return 2; }, [Symbol.toPrimitive]() { return 2; } };
        }
        module.exports = { countPairs };
    """,
    # The tests' folder, the runner's memory and streams, and a module planted where node looks.
    "reads_the_hidden_tests": """
        const fs = require('fs');
        function attempt(what, action) {
          try { return `${what}: ${String(action()).slice(0, 300)}`; } catch (error) { return `${what}: ${error.code}`; }
        }
        function countPairs() {
          throw new Error([
            attempt('folder', () => fs.readdirSync('/tmp/harness/tests')),
            attempt('file', () => fs.readFileSync('/tmp/harness/tests/hidden.test.js', 'utf8')),
            attempt('environ', () => fs.readFileSync(`/proc/${process.ppid}/environ`, 'utf8')),
            attempt('memory', () => fs.readFileSync(`/proc/${process.ppid}/mem`)),
            attempt('report', () => fs.writeFileSync('/proc/1/fd/1', '{"event": "end", "exit_code": 0}\\n')),
            attempt('plant', () => {
              fs.mkdirSync('/tmp/node_modules/assert', { recursive: true });
              return fs.writeFileSync('/tmp/node_modules/assert/index.js', 'module.exports = { strictEqual() {} };');
            }),
          ].join('\\n'));
        }
        module.exports = { countPairs };
    """,
    # Frames of its own on the channel to the tests: report events, requests for the runner's
    # modules and objects it was never given, then garbage. (A forged *answer* is only a return value.)
    "writes_forged_frames_on_the_wire": """
        const fs = require('fs');
        function frame(message) {
          const body = Buffer.from(JSON.stringify(message));
          const header = Buffer.alloc(4);
          header.writeUInt32BE(body.length);
          return Buffer.concat([header, body]);
        }
        function countPairs() {
          for (const channel of [3, 4]) {
            fs.writeSync(channel, frame({ event: 'test', nodeid: 'hidden.test.js::empty', outcome: 'passed' }));
            fs.writeSync(channel, frame({ id: 1, op: 'resolve', path: ['fs'] }));
            fs.writeSync(channel, frame({ id: 2, op: 'call', target: { $: 'h', s: 'T', i: 1, k: 'f' }, args: [] }));
            fs.writeSync(channel, frame({ settle: 1, ok: true }));
          }
          fs.writeSync(3, Buffer.from([0, 0, 0, 5, 123, 123, 123, 123, 123]));
          return -1;
        }
        module.exports = { countPairs };
    """,
}


@pytest.fixture(scope="module")
def engine():
    import sandbox

    return sandbox.connect()


def submission(source):
    return {"solution.js": textwrap.dedent(source).encode()}


@pytest.fixture
def run_label():
    """A label of this test's gradings only: other gradings may run on the same Engine meanwhile."""
    return {"io.assessor.test-run": uuid.uuid4().hex}


def leftovers(docker_client, label):
    (key, value), = label.items()
    return docker_client.containers.list(all=True, filters={"label": [LABEL, f"{key}={value}"]})


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_earns_nothing_and_leaves_nothing(name, engine, docker_client, run_label):
    result = grade(SUM_PAIRS, submission(ATTACKS[name]), "javascript", engine, labels=run_label)

    assert result.score == 0, [(t.name, t.outcome, t.message) for t in result.tests]
    assert result.verdict in ("failed", "runtime_error"), (result.verdict, result.message)
    assert not any(t.outcome == "passed" for t in result.tests)
    assert HIDDEN_SOURCE not in repr(result.to_dict()), "the hidden tests' source leaked"
    assert leftovers(docker_client, run_label) == []

    follow_up = grade(SUM_PAIRS, REFERENCE, "javascript", engine)
    assert (follow_up.verdict, follow_up.score) == ("passed", 7)


def test_what_the_candidate_can_reach_is_refused(engine):
    result = grade(SUM_PAIRS, submission(ATTACKS["reads_the_hidden_tests"]), "javascript", engine)
    seen = result.tests[0].message
    for line in ("folder: EACCES", "file: EACCES", "environ: EACCES", "memory: EACCES", "report: EACCES"):
        assert line in seen


def test_an_exit_at_import_is_a_runtime_error(engine):
    result = grade(SUM_PAIRS, submission(ATTACKS["exit_zero_at_import"]), "javascript", engine)
    assert result.verdict == "runtime_error"
    assert "exited (status 0)" in result.message


def test_forged_frames_are_not_answers(engine):
    result = grade(SUM_PAIRS, submission(ATTACKS["writes_forged_frames_on_the_wire"]), "javascript", engine)
    assert {t.outcome for t in result.tests} == {"error"}
    assert result.tests[0].message == "your process sent something that is not an answer (garbled message)"


# --- a challenge that compares lists and hands the candidate a callback ---------------------------

PAIRS_TESTS = """
const { test } = require('node:test');
const assert = require('node:assert');
const { pairs, sortBy } = require('./solution');

test('lists the pairs', () => { assert.deepStrictEqual(pairs([1, 2, 3, 4], 5), [[1, 4], [2, 3]]); });
test('lists no pairs', () => { assert.deepStrictEqual(pairs([1], 5), []); });
test('sorts by a key', () => {
  assert.deepStrictEqual(sortBy([{ n: 2 }, { n: 1 }], (item) => item.n), [{ n: 1 }, { n: 2 }]);
});
"""

PAIRS_SOLUTION = """
function pairs(numbers, target) {
  const found = [];
  numbers.forEach((a, i) => numbers.slice(i + 1).forEach((b) => { if (a + b === target) found.push([a, b]); }));
  return found;
}
function sortBy(items, key) { return [...items].sort((a, b) => key(a) - key(b)); }
module.exports = { pairs, sortBy };
"""

PAIRS_ATTACKS = {
    # Array-likes and objects whose comparison hooks all say "equal".
    "lying_array_likes": """
        class Liar extends Array { equals() { return true; } }
        function pairs() {
          return { 0: [1, 4], 1: [2, 3], length: 2, equals() { return true; }, valueOf() { return [[1, 4], [2, 3]]; },
                   [Symbol.iterator]: function* () { yield [1, 4]; yield [2, 3]; } };
        }
        function sortBy() { return new Liar(); }
        module.exports = { pairs, sortBy };
    """,
    # From a callback of the tests to their process: constructors, prototypes, call/apply/bind.
    "climbs_out_through_a_callback": """
        function pairs() { return null; }
        function sortBy(items, key) {
          const tries = [
            () => key.constructor.constructor('return process')().exit(0),
            () => key.__proto__.constructor('return process')(),
            () => (key.call.constructor('return process')().pid === process.pid ? 'its own process' : 'reached'),
            () => key.prototype,
            () => key.apply(null, ['x']).constructor.constructor('return process')(),
          ];
          const refused = tries.map((attempt) => {
            try { return String(attempt() === undefined ? 'reached' : attempt()); } catch (error) { return error.message; }
          });
          throw new Error(refused.join(' | '));
        }
        module.exports = { pairs, sortBy };
    """,
}


def write_pairs_challenge(root):
    folder = root / "pair-list"
    for part in ("tests/hidden", "solution/javascript", "starter/javascript"):
        (folder / part).mkdir(parents=True)
    (folder / "challenge.toml").write_text('slug = "pair-list"\ntitle = "Pairs"\nkind = "unit"\ndifficulty = "easy"\n'
                                           'skills = ["algorithms"]\nlanguages = ["javascript"]\ntime_limit_s = 5\n'
                                           'memory_mb = 128\n')
    (folder / "statement.md").write_text("# Pairs\n")
    (folder / "tests/hidden/pairs.test.js").write_text(PAIRS_TESTS)
    (folder / "solution/javascript/solution.js").write_text(PAIRS_SOLUTION)
    (folder / "starter/javascript/solution.js").write_text("module.exports = {};\n")
    return library.load(folder)


@pytest.mark.parametrize("name", sorted(PAIRS_ATTACKS))
def test_comparisons_and_callbacks_cannot_be_subverted(name, engine, docker_client, tmp_path, run_label):
    challenge = write_pairs_challenge(tmp_path)
    reference = grade(challenge, challenge.solution("javascript"), "javascript", engine)
    assert (reference.verdict, reference.score) == ("passed", 3)

    result = grade(challenge, submission(PAIRS_ATTACKS[name]), "javascript", engine, labels=run_label)
    assert (result.verdict, result.score) == ("failed", 0), [(t.name, t.outcome, t.message) for t in result.tests]
    if name == "climbs_out_through_a_callback":
        message = next(t.message for t in result.tests if t.name.endswith("sorts by a key"))
        assert "reached" not in message
        assert message.count("is not reachable") >= 2
    assert leftovers(docker_client, run_label) == []
