"""Faults during the load: SIGKILL a worker mid-grading (then start a replacement), restart Redis.

Each fault waits until a share of the submissions is graded, so it hits a system under load, and
for the previous fault's recovery (a Redis restart would delay judging the killed worker dead). The
kill waits for a worker that has held a `running` row for a moment (a `slow` solution if one is in
grading: its 0.8 s sleep makes "mid-grading" near certain), and checks afterwards, from the row,
whether it landed mid-grading. Recovery is timed from the database: when the last submission the
fault hit was graded.
"""

import threading
import time
from dataclasses import dataclass, field

from .solutions import marker_of

DONE = ("graded", "error")


@dataclass
class FaultEvent:
    """One injected fault: when (epoch), what it hit, and when the last of that was graded."""

    what: str
    at: float
    detail: str = ""
    hit: list[int] = field(default_factory=list)        # submission ids the fault interrupted or stranded
    back_at: float | None = None                        # Redis: when it answered again
    released_at: float | None = None                    # kill: when the dead worker's claims were given back
    recovered_at: float | None = None


def submissions(app, *where) -> list:
    """Submission rows (those matching `where`, else all), fresh from the database, detached."""
    from assessor.extensions import db
    from assessor.models import Submission

    with app.app_context():
        rows = db.session.scalars(db.select(Submission).where(*where).order_by(Submission.id)).all()
        for row in rows:
            db.session.expunge(row)
        return rows


def count_done(app) -> int:
    """How many submissions are graded (or failed on our side)."""
    from assessor.extensions import db
    from assessor.models import Submission

    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).where(Submission.status.in_(DONE)))


def epoch(moment) -> float | None:
    """A database timestamp as epoch seconds."""
    from assessor.models import as_utc

    return as_utc(moment).timestamp() if moment is not None else None


class Faults:
    """Runs the two faults in a thread while the candidates work."""

    def __init__(self, stack, total: int, kill_at: float = 0.25, redis_at: float = 0.55, redis_down_s: float = 2.0):
        self.stack, self.total = stack, total
        self.kill_at, self.redis_at, self.redis_down_s = kill_at, redis_at, redis_down_s
        self.events: list[FaultEvent] = []
        self.killed: dict[str, float] = {}               # worker name -> when it was killed
        self.errors: list[str] = []
        self.load_done = threading.Event()
        self.thread = threading.Thread(target=self._run, name="faults", daemon=True)

    def start(self) -> "Faults":
        """Start injecting in the background."""
        self.thread.start()
        return self

    def finish(self, timeout: float = 300) -> None:
        """Tell the faults the load is over and wait until their recoveries are timed."""
        self.load_done.set()
        self.thread.join(timeout)

    def _run(self) -> None:
        try:
            if self._wait_graded(self.kill_at):
                # Until a kill lands mid-grading (at most 3): one that lands after the result was stored tests less.
                for _ in range(3):
                    kill = self._kill_a_worker()
                    if kill is None or kill.hit:
                        break
                if kill is not None:
                    self._time_recovery(kill)
            if self._wait_graded(self.redis_at):
                self._time_recovery(self._restart_redis())
        except Exception as error:                       # noqa: BLE001 (the report shows it)
            self.errors.append(f"fault injection failed: {error!r}")

    def _wait_graded(self, share: float) -> bool:
        while not self.load_done.is_set():
            if count_done(self.stack.app) >= share * self.total:
                return True
            time.sleep(0.2)
        self.errors.append(f"the load ended before {share:.0%} of it was graded: a fault was not injected")
        return False

    def _kill_a_worker(self) -> FaultEvent | None:
        """SIGKILL a worker while it grades, start a replacement, and note what it held."""
        started = time.monotonic()
        while not self.load_done.is_set():
            found = self._victim(patient=time.monotonic() - started < 10)
            if found is None:
                time.sleep(0.05)
                continue
            victim, row = found
            self.stack.kill_worker(victim)
            event = FaultEvent("worker SIGKILLed", time.time())
            self.killed[victim.name] = event.at
            replacement = self.stack.start_worker()
            # The rows tell whether the kill landed mid-grading: a dead worker changes nothing.
            from assessor.models import Submission

            event.hit = [r.id for r in submissions(self.stack.app, Submission.status == "running",
                                                   Submission.claimed_by == victim.name)]
            event.detail = (f"{victim.name} (pid {victim.process.pid}) while grading submission {row.id} "
                            f"({'mid-grading' if event.hit else 'it had just stored its result'}); "
                            f"replacement pid {replacement.process.pid}")
            self.events.append(event)
            return event
        return None

    def _victim(self, patient: bool):
        """(worker, row) of a live worker that has held a running row for 0.3 s: a `slow` one while patient."""
        from assessor.models import Submission

        names = {worker.name: worker for worker in self.stack.workers}
        now = time.time()
        for row in submissions(self.stack.app, Submission.status == "running"):
            slow = (marker_of(row.files) or ("", ""))[1] == "slow"
            if row.claimed_by in names and now - epoch(row.updated_at) >= 0.3 and (slow or not patient):
                return names[row.claimed_by], row
        return None

    def _restart_redis(self) -> FaultEvent:
        """Stop Redis, keep it down a moment (submissions keep coming), start it on the same port."""
        from assessor.models import Submission

        pending = {row.id for row in submissions(self.stack.app, Submission.status.not_in(DONE))}
        down, up = self.stack.restart_redis(self.redis_down_s)
        during = [row.id for row in submissions(self.stack.app, Submission.id.not_in(pending))
                  if down <= epoch(row.created_at) <= up]
        event = FaultEvent(f"Redis restarted ({self.stack.redis.mode})", down, back_at=up,
                           hit=sorted(pending | set(during)),
                           detail=f"down {up - down:.1f} s; {len(pending)} submission(s) queued or grading at "
                                  f"the stop, {len(during)} submitted while it was down")
        self.events.append(event)
        return event

    def _time_recovery(self, event: FaultEvent, timeout: float = 300) -> None:
        """Wait until every submission the fault hit is graded; note when the last one was."""
        from assessor.models import Submission

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            hit = submissions(self.stack.app, Submission.id.in_(event.hit))
            if event.released_at is None and not any(row.claimed_by in self.killed and row.status == "running"
                                                     for row in hit):
                event.released_at = time.time()
            if all(row.status in DONE for row in hit):
                event.recovered_at = max((epoch(row.graded_at) or 0 for row in hit), default=event.back_at or event.at)
                return
            time.sleep(0.25)
        self.errors.append(f"{event.what}: not every submission it hit was graded within {timeout} s")
