"""Hiring-manager pages: graded submissions."""

from flask import Blueprint

bp = Blueprint("manager", __name__, url_prefix="/manager")

from . import routes  # noqa: E402,F401
