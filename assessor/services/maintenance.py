"""What every worker does beside grading: heartbeat, sweep abandoned containers, re-queue lost work."""

import threading
import time

from flask import Flask
from redis.exceptions import RedisError

import sandbox
from sandbox.limits import MAX_TIME_S
from sandbox.pool import MAX_IDLE_S

from .attempts import close_expired
from .submissions import reconcile
from .webhooks import reconcile as catch_up_webhooks
from .workers import beat, died, publish_pool

WORKER_LABEL = "io.assessor.worker"
# A grading container older than this is garbage whoever made it (`assessor grade` labels no worker);
# a warm pool's container may have waited up to MAX_IDLE_S before its grading began.
MAX_CONTAINER_AGE_S = MAX_TIME_S + 120 + MAX_IDLE_S


class Maintenance:
    """Runs the chores once at start, then in a daemon thread every few seconds."""

    def __init__(self, app: Flask, connection, log=print, pool_stats=lambda: None):
        self.app, self.connection, self.log, self.pool_stats = app, connection, log, pool_stats
        self.interval = float(app.config["MAINTENANCE_INTERVAL_S"])
        self.ttl = float(app.config["HEARTBEAT_TTL_S"])

    def beat(self) -> None:
        """Refresh this worker's heartbeat (and its warm pool's figures); a Redis hiccup is logged, not fatal."""
        try:
            beat(self.connection, self.ttl, self.app.config["QUEUE_NAME"])
            publish_pool(self.connection, self.ttl, self.app.config["QUEUE_NAME"], self.pool_stats())
        except RedisError as error:
            self.log(f"maintenance: heartbeat failed: {error}")

    def run_once(self) -> tuple[int, list[int]]:
        """Sweep abandoned containers and re-queue lost submissions; returns (removed, re-queued ids)."""
        self.beat()
        removed = 0
        try:
            removed = sandbox.sweep(sandbox.connect(timeout=10), older_than_s=MAX_CONTAINER_AGE_S,
                                    abandoned=self._abandoned)
        except sandbox.SandboxUnavailable as error:
            self.log(f"maintenance: cannot sweep containers: {error}")
        requeued = []
        try:
            with self.app.app_context():
                requeued = reconcile(float(self.app.config["RECONCILE_GRACE_S"]))
                closed = close_expired()
                if closed:
                    self.log(f"maintenance: closed {closed} attempt(s) at their deadline")
                caught_up = catch_up_webhooks(float(self.app.config["RECONCILE_GRACE_S"]))
                if any(caught_up.values()):
                    self.log(f"maintenance: webhooks caught up {caught_up}")
        except RedisError as error:
            self.log(f"maintenance: cannot reconcile: {error}")
        if removed or requeued:
            self.log(f"maintenance: removed {removed} abandoned container(s), re-queued {requeued}")
        return removed, requeued

    def _abandoned(self, labels: dict) -> bool:
        owner = labels.get(WORKER_LABEL)
        return bool(owner) and died(self.connection, owner, self.app.config["QUEUE_NAME"], self.ttl)

    def start(self) -> threading.Thread:
        """Run the chores forever in a daemon thread (the heartbeat more often than the rest)."""
        thread = threading.Thread(target=self._loop, name="maintenance", daemon=True)
        thread.start()
        return thread

    def _loop(self) -> None:
        tick = min(5.0, self.interval, self.ttl / 4)
        last = time.monotonic()
        while True:
            time.sleep(tick)
            self.beat()
            if time.monotonic() - last >= self.interval:
                last = time.monotonic()
                try:
                    self.run_once()
                except Exception as error:  # keep the worker's chores alive whatever one round hit
                    self.log(f"maintenance: round failed: {error!r}")
