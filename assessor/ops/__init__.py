"""Operations endpoints: /healthz for load balancers and /metrics for Prometheus."""

from flask import Blueprint

bp = Blueprint("ops", __name__)

from . import routes  # noqa: E402,F401
