"""Resource limits of one grading run.

Defaults are the fields below; a deployment changes any of them with an environment variable
ASSESSOR_LIMIT_<FIELD> (e.g. ASSESSOR_LIMIT_PIDS=256); a challenge sets its own time, memory and
per-test time in challenge.toml, within MAX_TIME_S and MAX_MEMORY_MB.
"""

import os
from dataclasses import dataclass, fields, replace

# Ceilings a challenge may not exceed, whatever its challenge.toml asks for.
MAX_TIME_S = 120
MAX_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Bounds applied to the container of one grading run."""

    time_s: float = 10.0          # wall clock of the tests, enforced by us, not by `docker wait`
    test_timeout_s: float | None = None   # one test; None: a third of time_s, at least 2 s
    startup_s: float = 5.0        # allowance for container and interpreter start, not charged to the code
    compile_s: float = 0.0        # allowance for compiling the code (compiled languages), not charged either
    memory_mb: int = 256          # the code's memory; with no swap at all
    harness_mb: int = 128         # added for the trusted harness's own process, which shares the container
    cpus: float = 1.0             # the code's CPU share
    harness_cpus: float = 0.5     # added for the harness, so its work does not slow the code down
    pids: int = 128               # stops fork bombs (threads count too)
    nofile: int = 256             # open files
    fsize_mb: int = 16            # largest file a process may write
    scratch_mb: int = 64          # size of the writable /tmp
    output_kb: int = 64           # container stdout+stderr kept; more is output_limit
    report_kb: int = 1024         # largest test report accepted from the harness

    @classmethod
    def from_env(cls, environ=None) -> "Limits":
        """The defaults, with any ASSESSOR_LIMIT_<FIELD> override from the environment."""
        environ = os.environ if environ is None else environ
        values = {}
        for spec in fields(cls):
            raw = environ.get(f"ASSESSOR_LIMIT_{spec.name.upper()}")
            if raw:
                values[spec.name] = float(raw) if "float" in str(spec.type) else int(raw)
        return cls(**values)

    def for_challenge(self, time_s: float | None, memory_mb: int | None,
                      test_timeout_s: float | None = None) -> "Limits":
        """These limits with a challenge's own time and memory, clamped to the ceilings."""
        time_s = min(float(time_s or self.time_s), MAX_TIME_S)
        return replace(
            self,
            time_s=time_s,
            test_timeout_s=min(float(test_timeout_s), time_s) if test_timeout_s else None,
            memory_mb=min(int(memory_mb or self.memory_mb), MAX_MEMORY_MB),
        )

    @property
    def per_test_s(self) -> float:
        """Time one test may take before its call into the candidate's code is stopped."""
        return self.test_timeout_s or min(self.time_s, max(2.0, self.time_s / 3))

    @property
    def container_s(self) -> float:
        """Wall clock after which the whole container is killed (the harness stops tests before)."""
        return self.time_s + self.startup_s + self.compile_s

    def harness_settings(self) -> dict:
        """The limits the in-container harness enforces itself, sent to it in run.json."""
        return {"time_limit_s": self.time_s, "test_timeout_s": self.per_test_s,
                "output_bytes": self.output_kb * 1024, "nproc": max(self.pids - 32, 16),
                "compile_timeout_s": self.compile_s}
