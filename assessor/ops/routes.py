"""Views of the operations blueprint: thin, the figures come from services/operations.py."""

import hmac

from flask import Response, jsonify, request

from ..services import operations
from . import bp


@bp.get("/healthz")
def healthz():
    """200 when the database, Redis and the Docker Engine all answer, else 503; which one, and why."""
    checks = operations.health_checks()
    healthy = all(check.ok for check in checks)
    body = {"status": "ok" if healthy else "unavailable",
            "checks": {check.name: {"ok": check.ok, "detail": check.detail} for check in checks}}
    return jsonify(body), 200 if healthy else 503


@bp.get("/metrics")
def metrics():
    """Prometheus text format; behind a bearer token when ASSESSOR_METRICS_TOKEN is set."""
    token = operations.metrics_token()
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and not hmac.compare_digest(given.encode(), token.encode()):
        return Response("unauthorized\n", 401, {"WWW-Authenticate": "Bearer", "Content-Type": "text/plain"})
    return Response(operations.metrics_text(), 200, {"Content-Type": "text/plain; version=0.0.4; charset=utf-8"})
