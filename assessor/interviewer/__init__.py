"""Interviewer pages: challenge sets and their invitations."""

from flask import Blueprint

bp = Blueprint("interviewer", __name__, url_prefix="/interviewer")

from . import routes  # noqa: E402,F401
