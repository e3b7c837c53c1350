"""The JSON API, /api/v1: staff endpoints with bearer API tokens, candidate endpoints with the
invitation token. Errors are JSON: {"error": {"code": "...", "message": "..."}}."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import candidate, errors, openapi, staff  # noqa: E402,F401
