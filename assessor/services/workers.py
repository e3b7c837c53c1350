"""Who is grading: worker identities and their heartbeats in Redis.

A submission `running` under a worker whose heartbeat has stopped was abandoned (the worker was
killed): the reconciler gives it back to the queue. Heartbeats live a few intervals, so a flushed
or restarted Redis is repopulated by the live workers before anything is judged abandoned.
"""

import os
import socket

from flask import current_app
from redis import Redis
from redis.exceptions import RedisError

HEARTBEAT_PREFIX = "assessor:worker:"
_name = None


def worker_name() -> str:
    """This process's worker identity: host and pid."""
    global _name
    if _name is None:
        _name = f"{socket.gethostname()}-{os.getpid()}"
    return _name


def beat(connection: Redis, ttl_s: float) -> None:
    """Say this worker is alive for the next ttl_s seconds."""
    connection.set(HEARTBEAT_PREFIX + worker_name(), "1", px=int(ttl_s * 1000))


def alive(connection: Redis, names: set[str]) -> set[str]:
    """The names among these whose heartbeat is current; on a Redis error, all of them (assume alive)."""
    names = sorted(n for n in names if n)
    if not names:
        return set()
    try:
        found = connection.mget([HEARTBEAT_PREFIX + n for n in names])
    except RedisError:
        current_app.logger.warning("cannot read worker heartbeats: assuming the workers are alive")
        return set(names)
    return {name for name, value in zip(names, found) if value is not None}
