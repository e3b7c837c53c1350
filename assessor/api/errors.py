"""JSON errors for every failure under /api/v1."""

from flask import jsonify, request
from werkzeug.exceptions import HTTPException

from ..errors import ServiceError
from . import bp


def error_response(code: str, message: str, status: int):
    """The API's error body."""
    return jsonify(error={"code": code, "message": message}), status


@bp.errorhandler(ServiceError)
def service_error(error: ServiceError):
    """A product rule said no."""
    return error_response(error.code, error.message, error.status)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    """404, 405, 413... as JSON."""
    code = (error.name or "error").lower().replace(" ", "_")
    body, status = error_response(code, error.description or error.name, error.code or 500)
    for name, value in error.get_headers():      # e.g. Allow on a 405
        if name.lower() != "content-type":
            body.headers[name] = value
    return body, status


@bp.errorhandler(Exception)
def unexpected(error: Exception):
    """Our bug: a JSON 500 that names no internals."""
    from flask import current_app

    current_app.logger.exception("API error")
    return error_response("internal_error", "Something went wrong on our side.", 500)


@bp.app_errorhandler(404)
@bp.app_errorhandler(405)
def routing_error(error: HTTPException):
    """No route or no method matched: JSON under /api/, Flask's page elsewhere."""
    if request.path.startswith(bp.url_prefix + "/") or request.path == bp.url_prefix:
        return http_error(error)
    return error
