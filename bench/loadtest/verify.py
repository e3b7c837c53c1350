"""The books of a load-test run, from the database and the workers' JSON logs, not from the clients.

Definitions (each submission is matched to what was sent by the marker line in its code):

- lost: a submission that was sent and got a 202, or that has a row, but whose row is missing or
  not `graded` at the end (an `error` row is a loss too: nothing here should fail on our side).
- graded twice: a second *stored* result, i.e. more than one row for one submission sent, or more
  than one "graded" event for one row (the worker logs it only after its conditional update
  stored the result); or a second *grading run*, i.e. the row was claimed again (grading_attempts > 1)
  although its first worker was alive and no infrastructure retry was logged. The one submission
  a SIGKILLed worker held is re-claimed by design and is not counted.
- wrong: a row's verdict or score is not what its solution gets (solutions.KINDS), or the
  "graded" event or the candidate API said a different verdict.
- unaccounted: a graded row with no "graded" event (allowed only when it was stored by the killed
  worker before its death, which took the log line with it), a stale standing on the attempt,
  a leftover container of a killed worker, an HTTP 5xx or a failed connection, a fault not injected.
"""

import json
import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .faults import epoch, submissions
from .solutions import KINDS, marker_of


@dataclass
class Report:
    """What a run did, and whether nothing was lost, twice or wrong."""

    planned: int = 0
    accepted: int = 0
    graded: int = 0
    lost: list[str] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unaccounted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    verdicts: Counter = field(default_factory=Counter)
    reclaimed: int = 0                        # rows claimed more than once, all explained
    started_at: float = 0.0                   # epoch of the first submit
    wall_s: float = 0.0
    latency_s: list[float] = field(default_factory=list)      # submit -> graded, from the rows
    submit_http_s: list[float] = field(default_factory=list)  # the submit call, as the client saw it
    faults: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing lost, nothing twice, nothing wrong, nothing unaccounted."""
        return not (self.lost or self.twice or self.wrong or self.unaccounted)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


def graded_events(log_paths) -> tuple[list[dict], set[int]]:
    """The workers' "graded" events, and the ids of gradings that failed on our side (retried)."""
    events, retried = [], set()
    for path in log_paths:
        for line in path.read_text(errors="replace").splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict) or "submission_id" not in event:
                continue
            if event.get("message") == "graded":
                events.append(event)
            elif event.get("message") == "grading failed on our side":
                retried.add(event["submission_id"])
    return events, retried


def verify(stack, candidates, faults=None) -> Report:
    """Check every submission sent against its row and its events; compute the figures."""
    report = Report(faults=list(faults.events) if faults else [])
    killed = dict(faults.killed) if faults else {}
    held_by_killed = {i for event in report.faults if event.what.startswith("worker") for i in event.hit}
    rows = submissions(stack.app)
    by_marker = defaultdict(list)
    for row in rows:
        found = marker_of(row.files)
        if found is None:
            report.unaccounted.append(f"row {row.id}: code the load test did not send")
        else:
            by_marker[found[0]].append(row)
    events, retried = graded_events(stack.log_paths())
    events_of = defaultdict(list)
    for event in events:
        events_of[event["submission_id"]].append(event)

    for candidate in candidates:
        report.unaccounted += candidate.errors
        sent = {s.planned.marker: s for s in candidate.sent}
        for planned in candidate.planned:
            report.planned += 1
            one = sent.get(planned.marker)
            stored = by_marker.get(planned.marker, [])
            if one is None:
                report.unaccounted.append(f"{planned.marker}: never sent (its candidate stopped)")
                continue
            report.submit_http_s.append(one.http_s)
            report.accepted += one.submission_id is not None
            if not stored:
                if one.submission_id is not None:
                    report.lost.append(f"{planned.marker}: accepted as {one.submission_id}, no row")
                continue
            if len(stored) > 1:
                report.twice.append(f"{planned.marker}: stored {len(stored)} times ({[r.id for r in stored]})")
            for row in stored:
                _check_row(report, planned, one, row, events_of[row.id], killed, held_by_killed, retried)
    if faults:
        report.unaccounted += faults.errors
        report.unaccounted += _leftover_containers(stack, killed)
    report.unaccounted += _stale_standings(stack.app)
    graded = [row for row in rows if row.status == "graded"]
    report.graded = len(graded)
    report.verdicts = Counter(row.verdict for row in graded)
    report.latency_s = [epoch(row.graded_at) - epoch(row.created_at) for row in graded]
    sent_times = [s.submitted_at for c in candidates for s in c.sent]
    if graded and sent_times:
        report.started_at = min(sent_times)
        report.wall_s = max(epoch(row.graded_at) for row in graded) - report.started_at
    return report


def _check_row(report, planned, sent, row, events, killed, held_by_killed, retried) -> None:
    """One row against its solution's grade, its events and its claims."""
    kind = KINDS[planned.kind.name]
    if sent.submission_id is not None and sent.submission_id != row.id:
        report.unaccounted.append(f"{planned.marker}: the API said id {sent.submission_id}, the row is {row.id}")
    if row.status != "graded":
        report.lost.append(f"{planned.marker} (#{row.id}): {row.status} at the end, never graded")
        return
    if (row.verdict, row.score) != (kind.verdict, kind.score):
        report.wrong.append(f"{planned.marker} (#{row.id}, {kind.name}): {row.verdict} {row.score}, "
                            f"expected {kind.verdict} {kind.score}")
    if sent.status == "graded" and sent.verdict != row.verdict:
        report.wrong.append(f"{planned.marker} (#{row.id}): the candidate API said {sent.verdict}, "
                            f"the row says {row.verdict}")
    if len(events) > 1:
        report.twice.append(f"#{row.id}: {len(events)} 'graded' events (workers {[e.get('worker') for e in events]})")
    elif not events:
        died = killed.get(row.claimed_by)
        if died is not None and epoch(row.graded_at) <= died + 1:
            report.notes.append(f"#{row.id}: stored by {row.claimed_by} just before its SIGKILL; "
                                f"its 'graded' log line died with it")
        else:
            report.unaccounted.append(f"#{row.id}: graded, but no worker logged a 'graded' event")
    elif events[0].get("verdict") != row.verdict:
        report.wrong.append(f"#{row.id}: logged {events[0].get('verdict')}, stored {row.verdict}")
    if row.grading_attempts > 1:
        if row.id in held_by_killed or row.id in retried:
            report.reclaimed += 1
        else:
            report.twice.append(f"#{row.id}: claimed {row.grading_attempts} times, its first worker alive "
                                f"and no infrastructure retry logged (now {row.claimed_by})")


def _stale_standings(app) -> list[str]:
    """Attempts whose score is not their last graded hidden submission's (one challenge per set)."""
    from assessor.extensions import db
    from assessor.models import Attempt

    problems = []
    latest = {}
    for row in submissions(app):
        if row.status == "graded" and not row.visible:
            latest[row.attempt_id] = row
    with app.app_context():
        for attempt in db.session.scalars(db.select(Attempt)):
            row = latest.get(attempt.id)
            if row is not None and attempt.score != row.score:
                problems.append(f"attempt {attempt.id}: standing {attempt.score}, its last graded "
                                f"submission #{row.id} scored {row.score}")
    return problems


def _leftover_containers(stack, killed: dict, timeout: float = 60) -> list[str]:
    """Containers a killed worker left behind must be swept by the live workers (label-filtered)."""
    import docker

    client = docker.from_env()
    deadline = time.monotonic() + timeout
    left = []
    while time.monotonic() < deadline:
        left = [(name, c.short_id) for name in killed
                for c in client.containers.list(all=True, filters={"label": f"io.assessor.worker={name}"})]
        if not left:
            return []
        time.sleep(1)
    return [f"container {cid} of killed worker {name} not swept within {timeout} s" for name, cid in left]
