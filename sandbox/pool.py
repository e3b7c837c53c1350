"""A warm pool: grading containers started ahead of time, so a submission does not wait for one.

A container is created, attached and started with exactly the configuration a grading would give
it (image, command, user, limits: `runner.container_config`); its harness then blocks reading its
inputs on stdin. A grading of that configuration takes one (`take`), sends its tar and reads the
report as usual, and the container is removed afterwards: each is still used for exactly one
grading, and has run nothing of anyone's before. Idle ones are retired after `max_idle_s`, so none
outlives the sweeper's age limit.

The pool learns what to keep warm from what it is asked for: the `shapes` most recently used
configurations get `size` containers each; a configuration nobody asked for lately is let go. A
take that finds nothing ready (a new configuration, or a burst faster than refilling) returns None
and the run starts a container the ordinary way: the pool only ever saves time.
"""

import hashlib
import json
import threading
import time
from collections import OrderedDict

from .engine import Engine
from .errors import SandboxUnavailable
from .runner import LABEL, Launched, RunSpec, container_config, launch

POOL_LABEL = "io.assessor.pool"
MAX_IDLE_S = 60.0                 # an idle container is replaced after this long
RETRY_S = (1, 2, 5, 10, 30)       # pauses after failed launches (the Engine is down, an image is missing)


def shape_of(config: dict) -> str:
    """What makes two containers interchangeable: their whole configuration but the labels."""
    return hashlib.sha256(json.dumps({k: v for k, v in config.items() if k != "Labels"}, sort_keys=True)
                          .encode()).hexdigest()[:16]


class WarmPool:
    """Containers kept started for the recently used run configurations of one worker process."""

    def __init__(self, engine: Engine, size: int = 2, shapes: int = 4, labels: dict[str, str] | None = None,
                 max_idle_s: float = MAX_IDLE_S, log=None):
        self.engine, self.size, self.shapes, self.max_idle_s = engine, size, shapes, max_idle_s
        self.labels = {LABEL: "1", POOL_LABEL: "1", **(labels or {})}
        self.log = log or (lambda message: None)
        self.hits = self.misses = 0
        self._running = 0                        # gradings between take() and dispose()
        self._configs: OrderedDict[str, dict] = OrderedDict()   # shape → config, most recent last
        self._idle: dict[str, list[Launched]] = {}
        self._used: list[Launched] = []          # graded in: removed by the thread, off the grading's path
        self._condition = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._fill_forever, name="warm-pool", daemon=True)
        self._thread.start()

    def take(self, spec: RunSpec) -> Launched | None:
        """A ready container for this spec's configuration, or None; either way, refilling begins."""
        config = container_config(spec)
        shape = shape_of(config)
        stale = []
        with self._condition:
            self._configs[shape] = {**config, "Labels": self.labels}
            self._configs.move_to_end(shape)
            while len(self._configs) > self.shapes:
                forgotten, _ = self._configs.popitem(last=False)
                stale += self._idle.pop(forgotten, [])
            found = None
            idle = self._idle.get(shape, [])
            while idle and found is None:
                candidate = idle.pop(0)          # the oldest first: fewer reach their retirement age
                reason = candidate.unusable(self.engine)
                if reason:
                    self.log(f"warm pool: container {candidate.container[:12]} not used: {reason}")
                    stale.append(candidate)
                else:
                    found = candidate
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
            self._running += 1
            self._condition.notify_all()
        self._discard(stale)
        return found

    def prepare(self, spec: RunSpec) -> None:
        """Keep containers warm for this spec's configuration before anyone asks (a worker's start)."""
        config = container_config(spec)
        with self._condition:
            shape = shape_of(config)
            if shape not in self._configs and len(self._configs) < self.shapes:
                self._configs[shape] = {**config, "Labels": self.labels}
                self._configs.move_to_end(shape, last=False)    # behind anything really used
                self._condition.notify_all()

    def dispose(self, launched: Launched | None) -> None:
        """The end of a run that called take(): its container (if it got as far as having one) is
        removed soon, by the pool's thread, and refilling may go on at full speed."""
        if launched is not None:
            launched.sock.close()
        with self._condition:
            self._running = max(self._running - 1, 0)
            self._condition.notify_all()
            if launched is None:
                return
            if not self._closed:
                self._used.append(launched)
                return
        self._discard([launched])

    def stats(self) -> dict[str, int]:
        """How many containers wait warm, and how many takes found one (hits) or did not (misses)."""
        with self._condition:
            return {"warm": sum(len(idle) for idle in self._idle.values()), "hits": self.hits,
                    "misses": self.misses}

    def close(self) -> None:
        """Stop refilling and remove every idle container (a worker's last act)."""
        with self._condition:
            self._closed = True
            idle = [launched for group in self._idle.values() for launched in group] + self._used
            self._idle.clear()
            self._used = []
            self._condition.notify_all()
        self._thread.join(timeout=30)
        self._discard(idle)

    # ------------------------------------------------------------ the refilling thread

    def _fill_forever(self) -> None:
        failures = 0
        while True:
            with self._condition:
                work = self._next_work()
                while work is None and not self._closed:
                    self._condition.wait(timeout=self._seconds_to_next_retirement())
                    work = self._next_work()
                closed = self._closed
            shape, config, retired = work or ("", None, [])
            self._discard(retired)
            if closed:
                return
            if config is None:
                continue
            try:
                launched = launch(self.engine, config)
            except (SandboxUnavailable, OSError) as error:
                pause = RETRY_S[min(failures, len(RETRY_S) - 1)]
                failures += 1
                self.log(f"warm pool: cannot start a container ({error}); next try in {pause} s")
                with self._condition:
                    self._condition.wait_for(lambda: self._closed, timeout=pause)
                continue
            failures = 0
            with self._condition:
                keep = not self._closed and shape in self._configs
                if keep:
                    self._idle.setdefault(shape, []).append(launched)
            if not keep:
                self._discard([launched])

    def _next_work(self) -> tuple[str, dict | None, list[Launched]] | None:
        """(shape, config to launch or None, containers to retire) or None when all is as it should be."""
        now = time.monotonic()
        retired, self._used = self._used, []
        for group in self._idle.values():
            while group and now - group[0].launched_at > self.max_idle_s:
                retired.append(group.pop(0))
        for shape in reversed(self._configs):    # the most recently used shape is filled first
            ready = len(self._idle.get(shape, []))
            # While a grading runs, starting a container would take CPU from it: wait for it to end
            # unless nothing at all is ready for the next one.
            if ready < self.size and (ready == 0 or not self._running):
                return shape, self._configs[shape], retired
        return ("", None, retired) if retired else None

    def _seconds_to_next_retirement(self) -> float:
        oldest = [group[0].launched_at for group in self._idle.values() if group]
        if not oldest:
            return self.max_idle_s
        return max(0.05, min(oldest) + self.max_idle_s - time.monotonic() + 0.01)

    def _discard(self, containers: list[Launched]) -> None:
        for launched in containers:
            try:
                launched.discard(self.engine)
            except OSError:
                pass  # the sweeper removes it by its labels
