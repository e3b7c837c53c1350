"""RQ jobs of webhooks. They run on the `<queue>-webhooks` queue, which every `assessor worker` takes
after its grading queue, and take ids: the delivery row is the truth about a delivery."""

from .services import webhook_delivery


def deliver_webhook(delivery_id: int) -> str:
    """Try one delivery: POST it signed, log the try, and schedule the next one if it failed."""
    return webhook_delivery.attempt(delivery_id)
