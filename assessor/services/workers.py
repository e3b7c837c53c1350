"""Who is grading: worker identities and their heartbeats in Redis.

A submission `running` under a worker whose heartbeat has stopped was abandoned (the worker was
killed): the reconciler gives it back to the queue. A restarted Redis has lost the heartbeats (or
kept ones that expired while it was down) until every live worker has beaten again, so for one
heartbeat lifetime after Redis starts a missing heartbeat proves nothing.
"""

import itertools
import logging
import os
import signal
import socket
import time

from redis import Redis
from redis.exceptions import RedisError
from rq import SimpleWorker

HEARTBEAT_PREFIX = "assessor:worker:"
MEMBER_PREFIX = "assessor:member:"
MEMBER_TTL_S = 24 * 3600
POOL_PREFIX = "assessor:pool:"
POOL_FIGURES = ("warm", "hits", "misses")
_name = None


def worker_name() -> str:
    """This process's worker identity: host and pid."""
    global _name
    if _name is None:
        _name = f"{socket.gethostname()}-{os.getpid()}"
    return _name


def beat(connection: Redis, ttl_s: float, queue: str) -> None:
    """Say this worker is alive for the next ttl_s seconds, grading from `queue` (and that it is one of
    this queue's workers for a day: that outlives the heartbeat, so its death can be told apart from a
    stranger's containers)."""
    with connection.pipeline() as pipe:
        pipe.set(HEARTBEAT_PREFIX + worker_name(), queue, px=int(ttl_s * 1000))
        pipe.set(MEMBER_PREFIX + worker_name(), queue, ex=MEMBER_TTL_S)
        pipe.execute()


def died(connection: Redis, name: str, queue: str, ttl_s: float) -> bool:
    """Whether `name` was a worker of this queue whose heartbeat has stopped. A worker of another
    deployment sharing the Docker Engine (another Redis, or another queue) is not ours to judge:
    False, as on a Redis error."""
    try:
        member = connection.get(MEMBER_PREFIX + name)
    except RedisError:
        return False
    return member is not None and member.decode() == queue and name not in alive(connection, {name}, ttl_s)


def count_alive(connection: Redis, queue: str) -> int:
    """How many workers with a current heartbeat grade from this queue (a Redis may serve several)."""
    keys = list(connection.scan_iter(match=HEARTBEAT_PREFIX + "*", count=1000))
    return sum(1 for value in (connection.mget(keys) if keys else []) if value is not None and value.decode() == queue)


def publish_pool(connection: Redis, ttl_s: float, queue: str, stats: dict[str, int] | None) -> None:
    """Say how this worker's warm pool is doing, for /metrics; it expires with the heartbeat."""
    if stats is None:
        return
    key = POOL_PREFIX + worker_name()
    with connection.pipeline() as pipe:
        pipe.hset(key, mapping={"queue": queue, **{name: int(stats[name]) for name in POOL_FIGURES}})
        pipe.pexpire(key, int(ttl_s * 1000))
        pipe.execute()


def forget_pool(connection: Redis) -> None:
    """Take this worker's pool figures out at once (it stopped and removed its pool)."""
    try:
        connection.delete(POOL_PREFIX + worker_name())
    except RedisError:
        pass  # they expire with the heartbeat anyway


def pool_totals(connection: Redis, queue: str) -> dict[str, int]:
    """The warm pools' figures summed over the live workers of this queue."""
    totals = dict.fromkeys(POOL_FIGURES, 0)
    for key in connection.scan_iter(match=POOL_PREFIX + "*", count=1000):
        figures = {k.decode(): v.decode() for k, v in connection.hgetall(key).items()}
        if figures.get("queue") == queue:
            for name in POOL_FIGURES:
                totals[name] += int(figures.get(name, 0))
    return totals


def alive(connection: Redis, names: set[str], ttl_s: float) -> set[str]:
    """The names among these whose heartbeat is current. All of them (assume alive) on a Redis error,
    and while Redis has been up for less than a heartbeat's lifetime `ttl_s`: then the live workers
    may not have beaten again since it restarted, and judging them dead would take their work away."""
    names = sorted(n for n in names if n)
    if not names:
        return set()
    try:
        if connection.info("server")["uptime_in_seconds"] < ttl_s:
            return set(names)
        found = connection.mget([HEARTBEAT_PREFIX + n for n in names])
    except RedisError:
        # Not current_app.logger: the container sweeper asks outside any application context.
        logging.getLogger("assessor.worker").warning("cannot read worker heartbeats: assuming the workers are alive")
        return set(names)
    return {name for name, value in zip(names, found) if value is not None}


def work_until_stopped(connection: Redis, queues: list, *, burst: bool = False, log=print,
                       pause_s: float = 2.0) -> None:
    """Run RQ work sessions until a stop is asked for (SIGTERM/SIGINT) or, in burst mode, the queue empties.

    RQ ends its work loop when Redis vanishes at an awkward moment (finishing a job, heartbeating);
    a grading worker must outlive that, so a new session starts once Redis answers again. Nothing
    is lost meanwhile: the database is the truth and the reconciler re-queues what Redis forgot.
    """
    for session in itertools.count(1):
        # A fresh RQ name per session: a registration a lost Redis left behind must not block us.
        rq_worker = _GradingWorker(queues, connection=connection, name=f"{worker_name()}.{session}")
        try:
            rq_worker.work(burst=burst, with_scheduler=True)
        except (RedisError, OSError) as error:
            log(f"worker: lost Redis ({error})")
        if burst or rq_worker.stop_asked:
            return
        log(f"worker: the RQ session ended without a stop request; starting another in {pause_s:g} s")
        # Idle between sessions: a stop now needs no warm shutdown, so the default handlers serve.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        time.sleep(pause_s)


class _GradingWorker(SimpleWorker):
    """RQ's in-process worker that remembers whether a stop was asked for (SIGTERM or SIGINT)."""

    stop_asked = False

    def request_stop(self, signum, frame):
        """Note the request, then let RQ finish the current job and stop (warm shutdown)."""
        self.stop_asked = True
        super().request_stop(signum, frame)
