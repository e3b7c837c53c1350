"""Admin pages: staff accounts, integrations (webhooks)."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import integrations, routes  # noqa: E402,F401
