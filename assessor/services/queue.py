"""The RQ queues: grading jobs, and webhook deliveries and similarity checks beside them."""

from flask import current_app
from redis import Redis
from rq import Queue


def redis_connection() -> Redis:
    """A Redis client for the configured REDIS_URL."""
    return Redis.from_url(current_app.config["REDIS_URL"])


def grading_queue(connection: Redis | None = None) -> Queue:
    """The queue the workers take grading jobs from."""
    return Queue(current_app.config["QUEUE_NAME"], connection=connection or redis_connection())


def webhook_queue(connection: Redis | None = None) -> Queue:
    """The queue of webhook deliveries: the same workers take it, after grading (RQ drains queues in order)."""
    return Queue(f"{current_app.config['QUEUE_NAME']}-webhooks", connection=connection or redis_connection())


def integrity_queue(connection: Redis | None = None) -> Queue:
    """The queue of similarity checks (seconds of CPU each): taken by the same workers, after the rest."""
    return Queue(f"{current_app.config['QUEUE_NAME']}-integrity", connection=connection or redis_connection())


def job_id(submission_id: int) -> str:
    """The RQ job id of a submission: one job per submission, whoever enqueues it. Job ids are global
    in Redis, so the queue's name is part of it: deployments sharing a Redis never collide."""
    return f"grade-{current_app.config['QUEUE_NAME']}-{submission_id}"
