"""The `http` kind: the candidate's service starts in the sandbox; the tests call it over loopback."""

import io
import json
import shutil
import subprocess
import sys
import tarfile

import pytest

from assessor import library
from assessor.errors import ChallengeFormatError
from sandbox.archive import build_archive
from tests.conftest import FIXTURE_LIBRARY, ROOT, SOLUTIONS

CHALLENGE = FIXTURE_LIBRARY / "notes-api"
REFERENCE = CHALLENGE / "solution" / "python" / "solution.py"
CREATE = "test_hidden.py::test_create_returns_201_with_location"
LIST = "test_hidden.py::test_list_shows_notes_oldest_first"
DELETE = "test_hidden.py::test_delete_then_the_note_is_gone"
INVALID_JSON = "test_hidden.py::test_invalid_json_is_400_with_a_json_error"
MISSING_TEXT = "test_hidden.py::test_missing_text_is_400"


def grade(path, challenge=CHALLENGE, visible=False):
    """The CLI's grading result of a solution, and its tests by name."""
    command = [sys.executable, "-m", "assessor.cli", "grade", "--challenge", str(challenge),
               *(["--visible"] if visible else []), str(path)]
    process = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert process.returncode == 0, process.stderr
    result = json.loads(process.stdout)
    return result, {t["name"]: t for t in result["tests"]}


def reference_with(tmp_path, old, new):
    """The reference solution with one piece of code replaced: a service that misbehaves in one place."""
    source = REFERENCE.read_text()
    assert old in source
    (tmp_path / "solution.py").write_text(source.replace(old, new, 1))
    return tmp_path


def test_the_reference_service_earns_every_point(docker_client):
    result, tests = grade(CHALLENGE / "solution" / "python")
    assert (result["verdict"], result["score"], result["max_score"]) == ("passed", 10, 10)
    assert {t["outcome"] for t in tests.values()} == {"passed"}
    assert tests[CREATE]["max_points"] == 2


def test_the_starter_fails_with_messages_that_show_the_answer(docker_client):
    result, tests = grade(CHALLENGE / "starter" / "python")
    assert (result["verdict"], result["score"], result["max_score"]) == ("failed", 0, 10)
    assert {t["outcome"] for t in tests.values()} == {"failed"}
    assert tests[CREATE]["message"].startswith("assert 501 == 201")
    assert "<POST /notes -> 501 '{\"error\": \"not implemented\"}'>" in tests[CREATE]["message"]
    assert all(t["output"] == "" for t in tests.values())      # the service's log of hidden requests stays out


def test_an_example_run_shows_the_service_log_of_a_failing_test(docker_client):
    result, tests = grade(CHALLENGE / "starter" / "python", visible=True)
    assert (result["verdict"], result["score"], result["max_score"]) == ("failed", 0, 1)
    assert '"POST /notes HTTP/1.1" 501' in tests["test_examples.py::test_create_and_fetch_a_note"]["output"]


def test_a_service_that_never_listens_errs_every_test_with_its_output(docker_client):
    result, tests = grade(SOLUTIONS / "notes-api" / "never_listens")
    assert (result["verdict"], result["score"]) == ("runtime_error", 0)
    assert "did not listen on port 8080" in result["message"]
    assert "notes service listening on port 9999" in result["message"]
    for test in tests.values():
        assert test["outcome"] == "error"
        assert "PORT environment variable" in test["message"] and "port 9999" in test["message"]


def test_a_service_that_dies_at_start_shows_its_traceback(docker_client):
    result, tests = grade(SOLUTIONS / "notes-api" / "crash_at_start")
    assert (result["verdict"], result["score"]) == ("runtime_error", 0)
    assert "exited (status 1) before listening" in result["message"]
    assert "KeyError: 'NOTES_PORT'" in result["message"]
    assert {t["outcome"] for t in tests.values()} == {"error"}


def test_a_syntax_error_is_a_compile_error(docker_client):
    result, tests = grade(SOLUTIONS / "notes-api" / "syntax_error")
    assert result["verdict"] == "compile_error"
    assert "solution.py, line 3" in result["message"]
    assert {t["outcome"] for t in tests.values()} == {"error"}


def test_a_crash_fails_one_test_and_the_service_is_started_again(docker_client, tmp_path):
    solution = reference_with(tmp_path, "    def do_DELETE(self):\n", "    def do_DELETE(self):\n        os._exit(3)\n")
    result, tests = grade(solution)
    assert tests[DELETE]["outcome"] == "error"
    assert "exited (status 3) while answering DELETE /notes/" in tests[DELETE]["message"]
    assert tests[INVALID_JSON]["outcome"] == tests[MISSING_TEXT]["outcome"] == "passed"
    assert (result["verdict"], result["score"]) == ("failed", 8)


def test_a_handler_that_never_answers_times_out_and_later_tests_still_run(docker_client, tmp_path):
    solution = reference_with(tmp_path, '        if self.path == "/notes":\n',
                              '        if self.path == "/notes":\n            threading.Event().wait()\n')
    result, tests = grade(solution)
    assert tests[LIST]["outcome"] == "timeout"
    assert "did not answer GET /notes in time" in tests[LIST]["message"]
    assert tests[DELETE]["outcome"] == tests[INVALID_JSON]["outcome"] == tests[MISSING_TEXT]["outcome"] == "passed"
    assert (result["verdict"], result["score"]) == ("timeout", 9)


def test_an_answer_dripped_byte_by_byte_is_cut_at_the_time_limit(docker_client, tmp_path):
    drip = ('        if self.path == "/notes":\n'
            '            self.send_response(200)\n'
            '            self.send_header("Content-Length", "1000")\n'
            '            self.end_headers()\n'
            '            while True:\n'
            '                self.wfile.write(b" ")\n'
            '                self.wfile.flush()\n'
            '                threading.Event().wait(0.5)\n')
    result, tests = grade(reference_with(tmp_path, '        if self.path == "/notes":\n', drip))
    assert tests[LIST]["outcome"] == "timeout"
    assert tests[MISSING_TEXT]["outcome"] == "passed"
    assert result["verdict"] == "timeout"


def test_a_service_that_logs_a_lot_is_not_stopped_for_it(docker_client, tmp_path):
    solution = reference_with(tmp_path, "    def do_POST(self):\n",
                              "    def do_POST(self):\n        print('x' * 200_000, flush=True)\n")
    result, _ = grade(solution)
    assert (result["verdict"], result["score"]) == ("passed", 10)


def test_the_service_runs_as_the_candidate_user_without_network(docker_client, tmp_path):
    challenge = tmp_path / "notes-api"
    shutil.copytree(CHALLENGE, challenge)
    (challenge / "tests" / "hidden" / "test_sandbox.py").write_text(
        "def test_what_the_service_reaches(service):\n"
        "    seen = service.get('/sandbox').json()\n"
        "    assert seen['uid'] == 10001\n"
        "    assert seen['network'].startswith('unreachable'), seen\n"
        "    assert seen['hidden_tests'].startswith('unreadable'), seen\n")
    result, tests = grade(SOLUTIONS / "notes-api" / "sandbox_probe", challenge=challenge)
    probe = tests["test_sandbox.py::test_what_the_service_reaches"]
    assert probe["outcome"] == "passed", probe["message"]


def test_only_the_python_test_files_enter_the_container(tmp_path):
    challenge = tmp_path / "notes-api"
    shutil.copytree(CHALLENGE, challenge)
    (challenge / "tests" / "hidden" / "expected.json").write_text('{"secret": true}')
    loaded = library.load(challenge)
    archive = build_archive(loaded.solution("python"), loaded.tests_dir(), {},
                            test_files=lambda path: loaded.kind_entry.sends(path, "python"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        names = tar.getnames()
    assert "tests/test_hidden.py" in names and "tests/expected.json" not in names


def test_http_tests_are_found_like_pytest_tests():
    loaded = library.load(CHALLENGE)
    assert loaded.kind == "http"
    assert loaded.hidden_tests[0] == CREATE and len(loaded.hidden_tests) == 7
    assert loaded.visible_tests == ("test_examples.py::test_create_and_fetch_a_note",)
    assert loaded.max_score == 10


def test_http_challenges_take_no_options(tmp_path):
    challenge = tmp_path / "notes-api"
    shutil.copytree(CHALLENGE, challenge)
    with open(challenge / "challenge.toml", "a") as toml:
        toml.write("[http]\nport = 9000\n")
    with pytest.raises(ChallengeFormatError, match="kind 'http' takes no options"):
        library.load(challenge)
