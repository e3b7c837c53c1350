"""The `webhooks` section of the OpenAPI document: what assessor POSTs to a webhook's URL
(services/webhook_payloads.py builds these bodies, services/webhook_delivery.py signs and sends them)."""

SIGNATURE = ("Verify before trusting: `X-Assessor-Signature` is `sha256=` and the hex HMAC-SHA256, keyed with the "
             "webhook's secret, of `<X-Assessor-Timestamp>.<raw body>`; refuse old timestamps (e.g. over 5 minutes) "
             "and de-duplicate on `X-Assessor-Delivery`, which stays the same when a delivery is retried or "
             "redelivered. Any 2xx answer within 10 s ends the delivery; anything else (redirects are not "
             "followed) is retried with backoff.")

_TEXT, _INT, _TIME = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "date-time"}


def _header(name: str, description: str, **schema) -> dict:
    return {"name": name, "in": "header", "required": True, "description": description,
            "schema": {"type": "string", **schema}}


HEADERS = [
    _header("X-Assessor-Event", "The event: attempt.submitted, attempt.graded or ping.",
            enum=["attempt.submitted", "attempt.graded", "ping"]),
    _header("X-Assessor-Delivery", "The delivery's id (a UUID), the same on every retry.", format="uuid"),
    _header("X-Assessor-Timestamp", "When this try was sent, in Unix seconds (part of the signed text).",
            pattern="^[0-9]+$"),
    _header("X-Assessor-Signature", "`sha256=<hex HMAC-SHA256 of \"<timestamp>.<raw body>\">` with the secret.",
            pattern="^sha256=[0-9a-f]{64}$"),
]

SCHEMAS = {
    "WebhookAttempt": {"type": "object", "required": ["id", "status", "candidate", "challenge_set", "score",
                                                      "max_score", "challenges", "links"], "properties": {
        "id": _INT, "status": {"type": "string", "enum": ["submitted", "graded"]},
        "started_at": _TIME, "deadline_at": _TIME, "finished_at": _TIME,
        "finish_reason": {"type": "string", "enum": ["finished", "deadline"]},
        "candidate": {"type": "object", "properties": {"name": _TEXT, "email": _TEXT}},
        "challenge_set": {"type": "object", "properties": {"id": _INT, "name": _TEXT}},
        "score": _INT, "max_score": _INT, "percent": {"type": "number"},
        "challenges": {"type": "array", "items": {"type": "object", "properties": {
            "slug": _TEXT, "title": _TEXT, "score": _INT, "max_score": _INT,
            "submission": {"type": ["object", "null"], "description": "the final submission, if any", "properties": {
                "id": _INT, "status": {"type": "string", "enum": ["queued", "running", "graded", "error"]},
                "verdict": {"type": ["string", "null"]}, "language": _TEXT, "score": {"type": ["integer", "null"]},
                "max_score": {"type": ["integer", "null"]}, "graded_at": {"type": ["string", "null"]}}}}}},
        "links": {"type": "object", "properties": {
            "report": {"type": "string", "description": "the candidate's report (staff sign-in)"},
            "api": {"type": "string", "description": "GET it with a staff API token for every submission's result"}}},
    }},
    "AttemptEvent": {"type": "object", "required": ["event", "delivery", "occurred_at", "attempt"], "properties": {
        "event": {"type": "string", "enum": ["attempt.submitted", "attempt.graded"]},
        "delivery": {"type": "string", "format": "uuid"}, "occurred_at": _TIME,
        "attempt": {"$ref": "#/components/schemas/WebhookAttempt"}}},
    "PingEvent": {"type": "object", "required": ["event", "delivery", "occurred_at", "webhook"], "properties": {
        "event": {"const": "ping"}, "delivery": {"type": "string", "format": "uuid"}, "occurred_at": _TIME,
        "webhook": {"type": "object", "properties": {"id": _INT, "url": _TEXT,
                                                      "events": {"type": "array", "items": _TEXT}}}}},
}


def _event(summary: str, schema: str) -> dict:
    return {"post": {"summary": summary, "description": SIGNATURE, "parameters": HEADERS,
                     "requestBody": {"required": True, "content": {"application/json": {
                         "schema": {"$ref": f"#/components/schemas/{schema}"}}}},
                     "responses": {"2XX": {"description": "Received: the delivery is done."}}}}


WEBHOOKS = {
    "attempt.submitted": _event("An attempt ended (Finish, or the deadline); its last drafts were submitted",
                                "AttemptEvent"),
    "attempt.graded": _event("Every final submission of an ended attempt is graded (sent once per attempt)",
                             "AttemptEvent"),
    "ping": _event("A test sent from the Integrations page", "PingEvent"),
}
