"""Text the database cannot store is refused at the door: a NUL character (PostgreSQL's text and
JSON columns reject it) in a form field or anywhere in a JSON body is a clear 400, not a 500 at
commit time. Code with NUL bytes is a binary file, which submissions refuse anyway (SPEC §9)."""

from flask import abort, jsonify, request

NUL = "\x00"
MESSAGE = ("the request holds a NUL character (\\u0000), which no text field accepts "
           "(a file of code holding one is binary, not text)")


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


def refuse_nul_characters():
    """A before_request hook: 400 for a NUL in the query, a form field or a JSON body (JSON errors
    `{"error": {"code": "invalid_text", ...}}` for JSON requests and the API, a page otherwise)."""
    found = (any(NUL in key or NUL in value for key, value in request.args.items(multi=True))
             or (request.form and any(NUL in key or NUL in value for key, value in request.form.items(multi=True)))
             or (request.is_json and _holds_nul(request.get_json(silent=True))))
    if not found:
        return None
    if request.is_json or request.path.startswith("/api/"):
        return jsonify(error={"code": "invalid_text", "message": MESSAGE}), 400
    abort(400, MESSAGE)
