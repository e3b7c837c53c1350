"""The warm pool against a real Docker Engine: each container grades once, in a state nobody touched,
a dead or mismatched one is never used, idle ones are retired, and nothing outlives the pool."""

import time
import uuid

import pytest

import sandbox
import sandbox.runner
from assessor import library
from assessor.grading import grade
from sandbox import Limits
from sandbox.pool import POOL_LABEL
from sandbox.runner import LABEL
from tests.conftest import FIXTURE_LIBRARY, wait_for

SUM_PAIRS = library.load(FIXTURE_LIBRARY / "sum-pairs")
CORRECT = (FIXTURE_LIBRARY / "sum-pairs" / "solution" / "python" / "solution.py").read_text()
# Correct only in a container no earlier grading touched: its first call leaves a mark in the
# scratch folder, and when that first call finds a mark already there, every answer is wrong.
MARKS_ITS_CONTAINER = """
import os
from collections import Counter

_MARK = "/tmp/graded-here-before"
_state = {}


def count_pairs(numbers, target):
    if not _state:
        _state["reused"] = os.path.exists(_MARK)
        open(_MARK, "w").close()
    if _state["reused"]:
        return -1
    seen = Counter()
    pairs = 0
    for number in numbers:
        pairs += seen[target - number]
        seen[number] += 1
    return pairs
"""


@pytest.fixture
def engine():
    return sandbox.connect()


@pytest.fixture
def pool(engine, docker_client):
    """A pool whose containers carry this test's own label; checked to leave nothing behind."""
    label = {"io.assessor.test": uuid.uuid4().hex}
    made = []

    def make(**options):
        made.append(sandbox.WarmPool(engine, labels=label, **options))
        return made[-1]

    yield make, label
    for warm_pool in made:
        warm_pool.close()
    assert mine(docker_client, label) == [], "a pool left a container behind"


def mine(docker_client, label) -> list[dict]:
    """The pool's containers as the Engine lists them (no inspect: they may vanish meanwhile)."""
    key, value = next(iter(label.items()))
    return docker_client.api.containers(all=True, filters={"label": [LABEL, f"{key}={value}"]})


def graded(engine, warm_pool, code=CORRECT, limits=None):
    return grade(SUM_PAIRS, {"solution.py": code.encode()}, "python", engine, pool=warm_pool, limits=limits)


def warm_count(warm_pool, at_least: int):
    return wait_for(lambda: warm_pool.stats()["warm"] >= at_least, timeout=60)


def test_gradings_use_warm_containers_once_each(engine, pool, docker_client):
    make, label = pool
    warm_pool = make(size=2)
    first = graded(engine, warm_pool)                   # a new configuration: started the ordinary way
    assert (first.verdict, first.score) == ("passed", 7)
    warm_count(warm_pool, 2)
    ready = {c["Id"] for c in mine(docker_client, label)}
    for _ in range(3):
        result = graded(engine, warm_pool, MARKS_ITS_CONTAINER)
        assert (result.verdict, result.score) == ("passed", 7), result.tests   # a container nobody used
    assert warm_pool.stats()["hits"] == 3 and warm_pool.stats()["misses"] == 1
    wait_for(lambda: not ready & {c["Id"] for c in mine(docker_client, label)}, timeout=30)   # used ones removed

    def settled():    # what stays: the pool's size in running, waiting containers
        idle = mine(docker_client, label)
        return len(idle) == 2 and all(c["Labels"].get(POOL_LABEL) == "1" and c["State"] == "running" for c in idle)

    wait_for(settled, timeout=30)


def test_a_mark_left_in_a_container_never_reaches_the_next_grading(engine, pool):
    """Without a fresh container per grading, the second and third runs would find the mark."""
    make, _ = pool
    warm_pool = make(size=1)
    scores = [graded(engine, warm_pool, MARKS_ITS_CONTAINER).score for _ in range(3)]
    assert scores == [7, 7, 7]


def test_another_configuration_is_not_served_from_the_pool(engine, pool):
    make, _ = pool
    warm_pool = make(size=1)
    graded(engine, warm_pool)
    warm_count(warm_pool, 1)
    bigger = Limits(pids=256)                            # another container configuration
    result = graded(engine, warm_pool, limits=bigger)
    assert (result.verdict, result.score) == ("passed", 7)
    assert warm_pool.stats()["misses"] == 2


def kill_waiting(docker_client, label):
    """Kill the pool's waiting containers and wait until the Engine sees them stopped."""
    for container in mine(docker_client, label):
        docker_client.api.kill(container["Id"])
    wait_for(lambda: all(c["State"] == "exited" for c in mine(docker_client, label)), timeout=30)


def test_a_container_that_died_while_waiting_is_not_used(engine, pool, docker_client):
    make, label = pool
    warm_pool = make(size=1)
    graded(engine, warm_pool)
    warm_count(warm_pool, 1)
    kill_waiting(docker_client, label)
    result = graded(engine, warm_pool)
    assert (result.verdict, result.score) == ("passed", 7)
    assert warm_pool.stats()["misses"] == 2               # it ran in a container of its own instead


def test_a_container_that_dies_as_it_is_taken_costs_the_candidate_nothing(engine, pool, docker_client,
                                                                           monkeypatch):
    """The container passes the check, then turns out dead: the grading runs again, cold."""
    make, label = pool
    warm_pool = make(size=1)
    graded(engine, warm_pool)
    warm_count(warm_pool, 1)
    kill_waiting(docker_client, label)
    monkeypatch.setattr(sandbox.runner.Launched, "unusable", lambda self, engine: "")
    result = graded(engine, warm_pool)
    assert (result.verdict, result.score) == ("passed", 7)
    assert warm_pool.stats()["hits"] == 1


def test_waiting_in_the_pool_is_not_charged_to_the_time_limit(engine, pool):
    make, _ = pool
    warm_pool = make(size=1)
    short = Limits(time_s=2, startup_s=1)                 # the container is killed 3 s after its inputs
    graded(engine, warm_pool, limits=short)
    warm_count(warm_pool, 1)
    time.sleep(4)
    result = graded(engine, warm_pool, limits=short)
    assert (result.verdict, result.score) == ("passed", 7)
    assert warm_pool.stats()["hits"] == 1


def test_idle_containers_are_replaced_after_their_time(engine, pool, docker_client):
    make, label = pool
    warm_pool = make(size=1, max_idle_s=1)
    graded(engine, warm_pool)
    warm_count(warm_pool, 1)
    first = {c["Id"] for c in mine(docker_client, label)}
    wait_for(lambda: (now := {c["Id"] for c in mine(docker_client, label)}) and not now & first, timeout=30)
    result = graded(engine, warm_pool)
    assert result.verdict == "passed"


def test_closing_removes_every_container_of_the_pool(engine, pool, docker_client):
    make, label = pool
    warm_pool = make(size=3)
    graded(engine, warm_pool)
    warm_count(warm_pool, 3)
    warm_pool.close()
    assert mine(docker_client, label) == []


def test_an_unreachable_engine_is_an_infrastructure_fault_as_without_a_pool(tmp_path):
    engine = sandbox.Engine(f"unix://{tmp_path / 'no-docker.sock'}")
    warm_pool = sandbox.WarmPool(engine, size=1)
    try:
        with pytest.raises(sandbox.SandboxUnavailable):
            grade(SUM_PAIRS, {"solution.py": CORRECT.encode()}, "python", engine, pool=warm_pool)
        assert warm_pool.stats()["warm"] == 0
    finally:
        warm_pool.close()
