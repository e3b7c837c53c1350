"""Limits: defaults from the environment, a challenge's own values within the ceilings."""

from sandbox.limits import MAX_MEMORY_MB, MAX_TIME_S, Limits


def test_environment_overrides_defaults():
    """ASSESSOR_LIMIT_<FIELD> changes a default, typed like the field."""
    limits = Limits.from_env({"ASSESSOR_LIMIT_PIDS": "256", "ASSESSOR_LIMIT_CPUS": "2",
                              "ASSESSOR_LIMIT_TEST_TIMEOUT_S": "3"})
    assert (limits.pids, limits.cpus, limits.test_timeout_s) == (256, 2.0, 3.0)
    assert Limits.from_env({}) == Limits()


def test_challenge_values_are_clamped_to_the_ceilings():
    """A challenge cannot ask for more than the platform's maximum time and memory."""
    limits = Limits().for_challenge(10_000, 1_000_000, 9_999)
    assert (limits.time_s, limits.memory_mb) == (MAX_TIME_S, MAX_MEMORY_MB)
    assert limits.per_test_s == MAX_TIME_S


def test_per_test_time_defaults_to_a_third_of_the_run_with_a_floor():
    """Without test_timeout_s one test gets a third of the run, never less than 2 s."""
    assert Limits().for_challenge(12, 128).per_test_s == 4
    assert Limits().for_challenge(3, 128).per_test_s == 2
    assert Limits().for_challenge(1, 128).per_test_s == 1


def test_the_harness_gets_its_own_time_and_settings():
    """The container outlives the tests' time by the start-up allowance; the harness learns the limits."""
    limits = Limits().for_challenge(5, 128)
    assert limits.container_s == 5 + limits.startup_s
    settings = limits.harness_settings()
    assert settings["time_limit_s"] == 5 and settings["test_timeout_s"] == 2
    assert settings["output_bytes"] == limits.output_kb * 1024
    assert settings["nproc"] < limits.pids
