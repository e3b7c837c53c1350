"""Run one grading in a fresh, hardened, throwaway container.

Lifecycle: create → attach → start → send the inputs (a tar) on stdin → read stdout and stderr
as they come, from the first byte, up to caps → stop at our own wall-clock deadline (kill; `docker
wait(timeout=)` is only an HTTP timeout) → remove in `finally`, whatever happened.

Nothing is mounted: no host path, no volume. Inputs arrive on stdin, the harness's report leaves
on stdout (JSON lines), anything else the code prints leaves on stderr.
"""

import json
import socket
import struct
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import docker
import requests

from .errors import ImageMissing, SandboxUnavailable
from .limits import Limits

LABEL = "io.assessor.sandbox"
RUNNER_USER = "10001:10001"
_STDOUT, _STDERR = 1, 2


@dataclass(frozen=True)
class RunSpec:
    """What to run: an image, a command, the tar sent on stdin, limits and labels."""

    image: str
    command: list[str]
    stdin: bytes
    limits: Limits = Limits()
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class RunResult:
    """What happened in the container; judging it is the grader's business."""

    exit_code: int | None
    timed_out: bool
    oom_killed: bool
    output: str                  # stderr: what the code printed outside the tests' capture
    output_truncated: bool       # it printed more than the cap allows
    report: list[dict]
    report_error: str
    duration_ms: int


def container_options(spec: RunSpec, name: str) -> dict:
    """Keyword arguments of `containers.create` for a hardened grading container."""
    limits = spec.limits
    memory = f"{limits.memory_mb}m"
    return dict(
        image=spec.image,
        command=spec.command,
        name=name,
        labels={LABEL: "1", **spec.labels},
        user=RUNNER_USER,
        environment={},           # nothing from the host reaches the container
        working_dir="/tmp",
        network_mode="none",
        read_only=True,
        cap_drop=["ALL"],
        security_opt=["no-new-privileges"],
        init=True,                # reaps zombies, forwards signals
        mem_limit=memory,
        memswap_limit=memory,     # equal to mem_limit: no swap at all
        nano_cpus=int(limits.cpus * 1e9),
        pids_limit=limits.pids,
        ulimits=[
            docker.types.Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile),
            docker.types.Ulimit(name="fsize", soft=limits.fsize_mb << 20, hard=limits.fsize_mb << 20),
            docker.types.Ulimit(name="core", soft=0, hard=0),
        ],
        tmpfs={"/tmp": f"rw,nosuid,nodev,size={limits.scratch_mb}m,mode=1777"},
        # Output is read live through attach; the log file only needs to stay small.
        log_config=docker.types.LogConfig(type="json-file", config={"max-size": "1m", "max-file": "1"}),
        stdin_open=True,          # with detach=False: StdinOnce, so closing our side ends stdin
        detach=False,
        tty=False,
    )


def run(spec: RunSpec, client: docker.DockerClient) -> RunResult:
    """Run the spec in a new container and return what happened; the container is always removed."""
    name = f"assessor-run-{uuid.uuid4().hex[:12]}"
    try:
        container = client.containers.create(**container_options(spec, name))
    except docker.errors.ImageNotFound as error:
        raise ImageMissing(f"runner image {spec.image} is missing: run `assessor sandbox build`") from error
    except (docker.errors.DockerException, requests.RequestException) as error:
        raise SandboxUnavailable(f"cannot create a container: {error}") from error
    try:
        return _run_created(client, container, spec)
    except (docker.errors.DockerException, requests.RequestException, OSError) as error:
        raise SandboxUnavailable(f"Docker failed during a run: {error}") from error
    finally:
        _remove(container)


def _run_created(client: docker.DockerClient, container, spec: RunSpec) -> RunResult:
    limits = spec.limits
    attached = client.api.attach_socket(container.id, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
    sock = getattr(attached, "_sock", attached)
    try:
        container.start()
        started = time.monotonic()
        sock.sendall(spec.stdin)
        sock.shutdown(socket.SHUT_WR)
        streams = _Streams(report_cap=limits.report_kb * 1024, output_cap=limits.output_kb * 1024)
        ended = streams.read(sock, deadline=started + limits.time_s)
    finally:
        sock.close()
    if not ended:
        _kill(container)
    duration_ms = round((time.monotonic() - started) * 1000)
    state = client.api.inspect_container(container.id)["State"]
    if state.get("Running"):
        container.wait(timeout=30)  # the streams closed a moment before the process was reaped
        state = client.api.inspect_container(container.id)["State"]
    report, report_error = streams.report()
    return RunResult(
        exit_code=state.get("ExitCode"),
        timed_out=streams.timed_out,
        oom_killed=bool(state.get("OOMKilled")),
        output=streams.output.decode("utf-8", errors="replace"),
        output_truncated=streams.output_truncated,
        report=report,
        report_error=report_error or streams.report_overflow,
        duration_ms=duration_ms,
    )


class _Streams:
    """Reads the multiplexed attach stream into a capped report (stdout) and capped output (stderr)."""

    def __init__(self, report_cap: int, output_cap: int):
        self.stdout, self.output = bytearray(), bytearray()
        self.report_cap, self.output_cap = report_cap, output_cap
        self.timed_out = self.output_truncated = False
        self.report_overflow = ""

    def read(self, sock, deadline: float) -> bool:
        """Read until the container closes its streams (True) or a deadline or cap stops us (False)."""
        pending = b""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.timed_out = True
                return False
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, TimeoutError):
                self.timed_out = True
                return False
            if not chunk:
                return True
            pending += chunk
            while len(pending) >= 8:
                stream, size = pending[0], struct.unpack(">I", pending[4:8])[0]
                if len(pending) < 8 + size:
                    break
                if not self._keep(stream, pending[8:8 + size]):
                    return False
                pending = pending[8 + size:]

    def _keep(self, stream: int, data: bytes) -> bool:
        if stream == _STDOUT:
            if len(self.stdout) + len(data) > self.report_cap:
                self.report_overflow = f"report over the {self.report_cap}-byte cap"
                return False
            self.stdout += data
        else:
            room = self.output_cap - len(self.output)
            self.output += data[:max(room, 0)]
            if len(data) > room:
                self.output_truncated = True
                return False
        return True

    def report(self) -> tuple[list[dict], str]:
        """The JSON-lines report; a line that is not a JSON object makes the report unusable."""
        events = []
        lines = bytes(self.stdout).decode("utf-8", errors="replace").split("\n")
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                # A cut-off last line is expected when the run was stopped mid-write.
                return events, f"report line {number} is not JSON"
            if not isinstance(event, dict):
                return events, f"report line {number} is not an object"
            events.append(event)
        return events, ""


def _kill(container) -> None:
    try:
        container.kill()
    except docker.errors.APIError:
        pass  # it exited between the deadline and the kill


def _remove(container) -> None:
    try:
        container.remove(force=True, v=True)
    except (docker.errors.DockerException, requests.RequestException):
        pass  # already gone, or the sweeper removes it later by its label


def sweep(client: docker.DockerClient, older_than_s: float = 0) -> int:
    """Remove grading containers left behind (by a dead worker); returns how many were removed."""
    removed = 0
    now = time.time()
    for container in client.containers.list(all=True, filters={"label": LABEL}):
        if older_than_s and _age_s(container.attrs.get("Created", ""), now) < older_than_s:
            continue
        _remove(container)
        removed += 1
    return removed


def _age_s(created: str, now: float) -> float:
    try:
        stamp = datetime.fromisoformat(created[:26].rstrip("Z") + "+00:00")
    except ValueError:
        return float("inf")
    return now - stamp.timestamp()
