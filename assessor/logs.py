"""Logging for the web app, the workers and the CLI: plain text by default, JSON lines with
ASSESSOR_LOG_FORMAT=json (one object per event, for a log shipper), at ASSESSOR_LOG_LEVEL.

Events carry their facts as fields, not only in the message:

    log.info("graded", extra={"submission_id": 7, "verdict": "passed", "duration_ms": 512})
    {"time": "2026-12-01T08:00:00.123Z", "level": "info", "logger": "assessor.jobs",
     "message": "graded", "submission_id": 7, "verdict": "passed", "duration_ms": 512}
"""

import json
import logging
import os
from datetime import datetime, timezone

# Attributes every LogRecord has; anything else on a record came from `extra=` and is a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}
_configured = False


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, the extra fields, any exception."""

    def format(self, record: logging.LogRecord) -> str:
        event = {"time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds")
                 .replace("+00:00", "Z"),
                 "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        event.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, default=str)


class TextFormatter(logging.Formatter):
    """`time level logger: message key=value ...` for people reading a terminal."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{key}={value}" for key, value in vars(record).items() if key not in _STANDARD)
        return super().format(record) + (f" {fields}" if fields else "")


def configure() -> None:
    """Send the `assessor` and `rq` loggers' records to stderr in the configured format (once per process)."""
    global _configured
    if _configured:
        return
    _configured = True
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if os.environ.get("ASSESSOR_LOG_FORMAT") == "json" else TextFormatter())
    # RQ's worker logs through "rq.worker"; with a handler there already, it adds none of its own.
    for name in ("assessor", "rq"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(os.environ.get("ASSESSOR_LOG_LEVEL", "INFO").upper())
        logger.propagate = False
