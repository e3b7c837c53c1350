"""Resource limits of one grading run."""

from dataclasses import dataclass, replace

# Ceilings a challenge may not exceed, whatever its challenge.toml asks for.
MAX_TIME_S = 120
MAX_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Bounds applied to the container of one grading run."""

    time_s: float = 10.0          # wall clock, enforced by us, not by `docker wait`
    memory_mb: int = 256          # memory, and memory+swap: no swap at all
    cpus: float = 1.0
    pids: int = 64                # stops fork bombs
    nofile: int = 256             # open files
    fsize_mb: int = 16            # largest file a process may write
    scratch_mb: int = 64          # size of the writable /tmp
    output_kb: int = 64           # container stdout+stderr kept; more is output_limit
    report_kb: int = 1024         # largest test report accepted from the harness

    def for_challenge(self, time_s: float | None, memory_mb: int | None) -> "Limits":
        """These limits with a challenge's own time and memory, clamped to the ceilings."""
        return replace(
            self,
            time_s=min(float(time_s or self.time_s), MAX_TIME_S),
            memory_mb=min(int(memory_mb or self.memory_mb), MAX_MEMORY_MB),
        )
