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

from .engine import Engine
from .errors import SandboxUnavailable
from .limits import Limits

LABEL = "io.assessor.sandbox"
RUNNER_USER = "10001:10001"   # the unprivileged user of the runner images
_STDOUT, _STDERR = 1, 2


@dataclass(frozen=True)
class RunSpec:
    """What to run: an image, a command, the tar sent on stdin, limits and labels."""

    image: str
    command: list[str]
    stdin: bytes
    limits: Limits = Limits()
    labels: dict[str, str] = field(default_factory=dict)
    user: str = RUNNER_USER
    capabilities: tuple[str, ...] = ()     # added back after dropping all


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


def container_config(spec: RunSpec) -> dict:
    """The Engine API body of a hardened grading container (every rule of SPEC §6 that Docker applies)."""
    limits = spec.limits
    memory = (limits.memory_mb + limits.harness_mb) << 20
    fsize = limits.fsize_mb << 20
    return {
        "Image": spec.image,
        "Cmd": list(spec.command),
        "User": spec.user,
        "Env": [],                          # nothing from the host reaches the container
        "WorkingDir": "/tmp",
        "Labels": {LABEL: "1", **spec.labels},
        "Tty": False,
        # stdin stays open until we close our side once (StdinOnce): that is how the inputs end.
        "OpenStdin": True, "StdinOnce": True, "AttachStdin": True, "AttachStdout": True, "AttachStderr": True,
        "NetworkDisabled": True,
        "HostConfig": {
            "NetworkMode": "none",
            "ReadonlyRootfs": True,
            "CapDrop": ["ALL"],
            "CapAdd": list(spec.capabilities),
            "SecurityOpt": ["no-new-privileges"],
            "Init": True,                   # reaps zombies, forwards signals
            "Memory": memory,
            "MemorySwap": memory,           # equal to Memory: no swap at all
            "NanoCpus": int((limits.cpus + limits.harness_cpus) * 1e9),
            "PidsLimit": limits.pids,
            "Ulimits": [
                {"Name": "nofile", "Soft": limits.nofile, "Hard": limits.nofile},
                {"Name": "fsize", "Soft": fsize, "Hard": fsize},
                {"Name": "core", "Soft": 0, "Hard": 0},
            ],
            "Tmpfs": {"/tmp": f"rw,nosuid,nodev,size={limits.scratch_mb}m,mode=1777"},
            # Output is read live through attach; the log file only needs to stay small.
            "LogConfig": {"Type": "json-file", "Config": {"max-size": "1m", "max-file": "1"}},
        },
    }


@dataclass
class Launched:
    """A started container whose harness waits for its inputs on the attached stdin."""

    container: str
    sock: socket.socket
    early: bytes                 # bytes the attach handshake read past its headers
    launched_at: float = field(default_factory=time.monotonic)

    def unusable(self, engine: Engine) -> str:
        """Why this container must not grade anyone, or "" when it is still running and silent (a
        harness prints nothing before it has its inputs).

        Any byte already waiting, or end of stream, rules it out; so does the Engine saying it is
        not running (a killed container's attach stream stays open while our stdin does)."""
        if self.early:
            return f"it printed {self.early[:80]!r} before its inputs"
        timeout = self.sock.gettimeout()
        self.sock.settimeout(0)
        try:
            waiting = self.sock.recv(200, socket.MSG_PEEK)
            return f"it printed {waiting[:80]!r} before its inputs" if waiting else "its stream ended"
        except BlockingIOError:
            pass
        except OSError as error:
            return f"its stream failed: {error}"
        finally:
            self.sock.settimeout(timeout)
        try:
            state = engine.inspect(self.container)["State"]
        except SandboxUnavailable as error:
            return f"the Engine cannot inspect it: {error}"
        if not state.get("Running") or state.get("Paused") or state.get("Restarting"):
            return f"it is {state.get('Status', 'not running')}"
        return ""

    def discard(self, engine: Engine) -> None:
        """Close our end and remove the container, whatever state it is in."""
        self.sock.close()
        _remove(engine, self.container)


def launch(engine: Engine, config: dict) -> Launched:
    """Create, attach and start a container; on any failure nothing is left behind."""
    container = engine.create(f"assessor-run-{uuid.uuid4().hex[:12]}", config)
    try:
        sock, early = engine.attach(container)
        try:
            engine.start(container)
        except BaseException:
            sock.close()
            raise
    except BaseException:
        _remove(engine, container)
        raise
    return Launched(container, sock, early)


def run(spec: RunSpec, engine: Engine, pool=None) -> RunResult:
    """Run the spec in a fresh container and return what happened; the container is always removed.

    With a warm pool (sandbox.pool.WarmPool), a container it started ahead of time for this very
    configuration is used when one is ready; it has run nothing before, and is removed afterwards
    like any other (by the pool's thread, so the result does not wait for the removal)."""
    if pool is None:
        return _run(engine, None, spec, _discarder(engine))
    warm = pool.take(spec)
    try:
        result = _run(engine, warm, spec, pool.dispose)
    except SandboxUnavailable:
        if warm is None:
            raise
        result = None
    if warm is not None and (result is None or _stillborn(result)):
        # The waiting container died (the Engine restarted, someone killed it) before its harness
        # said a word: no fault of the submission's, so it runs again in a container of its own.
        return _run(engine, None, spec, _discarder(engine))
    return result


def _run(engine: Engine, launched: "Launched | None", spec: RunSpec, dispose) -> RunResult:
    """Feed the spec to a launched container (or a new one) and collect; dispose(launched) at the end."""
    try:
        if launched is None:
            launched = launch(engine, container_config(spec))
        return _feed_and_collect(engine, launched, spec)
    except OSError as error:
        raise SandboxUnavailable(f"Docker failed during a run: {error}") from error
    finally:
        dispose(launched)


def _discarder(engine: Engine):
    return lambda launched: launched.discard(engine) if launched is not None else None


def _stillborn(result: RunResult) -> bool:
    """Nothing at all came back, and no limit explains it: the harness never ran."""
    return not result.report and not result.timed_out and not result.oom_killed


def _feed_and_collect(engine: Engine, launched: Launched, spec: RunSpec) -> RunResult:
    limits, sock, container = spec.limits, launched.sock, launched.container
    started = time.monotonic()       # the harness starts its clocks when its inputs arrive
    sock.sendall(spec.stdin)
    sock.shutdown(socket.SHUT_WR)
    streams = _Streams(report_cap=limits.report_kb * 1024, output_cap=limits.output_kb * 1024)
    ended = streams.read(sock, launched.early, deadline=started + limits.container_s)
    sock.close()
    if not ended:
        engine.kill(container)
    duration_ms = round((time.monotonic() - started) * 1000)
    state = engine.inspect(container)["State"]
    if state.get("Running"):
        engine.wait(container, timeout=30)  # the streams closed a moment before the process was reaped
        state = engine.inspect(container)["State"]
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

    def read(self, sock, pending: bytes, deadline: float) -> bool:
        """Read until the container closes its streams (True) or a deadline or cap stops us (False)."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.timed_out = True
                return False
            while len(pending) >= 8:
                stream, size = pending[0], struct.unpack(">I", pending[4:8])[0]
                if len(pending) < 8 + size:
                    break
                if not self._keep(stream, pending[8:8 + size]):
                    return False
                pending = pending[8 + size:]
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                self.timed_out = True
                return False
            if not chunk:
                return True
            pending += chunk

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


def _remove(engine: Engine, container: str) -> None:
    try:
        engine.remove(container)
    except SandboxUnavailable:
        pass  # the sweeper removes it later by its label


def sweep(engine: Engine, older_than_s: float | None = None, abandoned=None) -> int:
    """Remove grading containers left behind by a dead worker; returns how many were removed.

    A container goes when it is older than `older_than_s`, or when `abandoned(labels)` says its
    owner is gone. With neither given, every grading container goes (for a host with no worker).
    """
    removed = 0
    now = time.time()
    for container in engine.containers(LABEL):
        labels = container.get("Labels") or {}
        old = older_than_s is not None and now - container.get("Created", now) > older_than_s
        orphan = abandoned is not None and abandoned(labels)
        if old or orphan or (older_than_s is None and abandoned is None):
            _remove(engine, container["Id"])
            removed += 1
    return removed
