"""The hostile suite: every attack earns nothing, harms nothing, leaves nothing, and the sandbox
grades the next submission normally."""

import pytest

from assessor import library
from assessor.grading import grade
from tests.conftest import FIXTURE_LIBRARY, grading_containers
from tests.hostile.attacks import ATTACKS

CHALLENGE = library.load(FIXTURE_LIBRARY / "sum-pairs")
REFERENCE = CHALLENGE.solution("python")
CANARY = "ASSESSOR_TEST_HOST_SECRET"


@pytest.fixture(scope="module")
def engine():
    import sandbox

    return sandbox.connect()


@pytest.fixture(autouse=True)
def host_secret(monkeypatch):
    """A secret in the grading process's environment that must never reach a container."""
    monkeypatch.setenv(CANARY, "hunter2-canary")


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_earns_nothing_and_leaves_nothing(name, engine, docker_client):
    source, verdicts, points = ATTACKS[name]
    files = {"solution.py": source.encode()}
    if name == "plants_a_conftest":
        files["conftest.py"] = (b"import pytest\n@pytest.fixture(autouse=True)\ndef cheat(request):\n"
                                b"    pytest.skip('cheating')\n"
                                b"def pytest_runtest_makereport(item, call):\n    pass\n")
    result = grade(CHALLENGE, files, "python", engine)

    assert result.verdict in verdicts, (result.verdict, result.message, [t.message for t in result.tests])
    assert result.score == points
    text = repr(result.to_dict())
    assert "hunter2-canary" not in text
    assert "def test_large_input" not in text, "the hidden tests' source leaked"
    assert grading_containers(docker_client) == []

    follow_up = grade(CHALLENGE, REFERENCE, "python", engine)
    assert (follow_up.verdict, follow_up.score) == ("passed", 7)


def test_secrets_and_reach_are_what_the_candidate_sees(engine):
    result = grade(CHALLENGE, {"solution.py": ATTACKS["reads_environment_and_host_secrets"][0].encode()},
                   "python", engine)
    seen = result.tests[1].message
    assert "PermissionError" in seen                          # /proc/1/environ, /proc/2/environ
    assert "FileNotFoundError" in seen                        # no Docker socket
    assert CANARY not in seen and "SECRET_KEY" not in seen and "REDIS_URL" not in seen
    network = grade(CHALLENGE, {"solution.py": ATTACKS["network_access"][0].encode()}, "python", engine)
    assert "['lo']" in network.tests[1].message                # loopback only
    assert "reached" not in network.tests[1].message.split("]")[-1]


def test_one_slow_test_does_not_hide_the_others(engine):
    result = grade(CHALLENGE, {"solution.py": ATTACKS["infinite_loop_on_one_input_only"][0].encode()},
                   "python", engine)
    outcomes = {t.name.split("::")[1]: t.outcome for t in result.tests}
    assert outcomes == {"test_empty": "passed", "test_example": "passed", "test_duplicates": "passed",
                        "test_negative": "passed", "test_large_input": "timeout"}
