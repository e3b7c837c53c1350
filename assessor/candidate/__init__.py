"""Candidate pages, reached through an invitation link."""

from flask import Blueprint

bp = Blueprint("candidate", __name__, url_prefix="/c")

from . import routes  # noqa: E402,F401
