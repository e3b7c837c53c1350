"""The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json."""

from flask import jsonify

from . import bp
from .openapi_webhooks import SCHEMAS as WEBHOOK_SCHEMAS
from .openapi_webhooks import WEBHOOKS


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _op(summary, security, response, status="200", body=None, params=()):
    operation = {"summary": summary, "security": [{security: []}] if security else [],
                 "parameters": [{"name": p, "in": "path", "required": True,
                                 "schema": {"type": "integer" if p.endswith("_id") else "string"}} for p in params],
                 "responses": {status: {"description": "OK", "content": {"application/json": {"schema": response}}},
                               "default": {"description": "Error",
                                           "content": {"application/json": {"schema": _ref("Error")}}}}}
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return operation


OBJECT = {"type": "object"}
EVENT_ID = {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,40}$",
            "description": "the client's id of the event: an event sent again with the same id is counted once"}
SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
    "Challenge": {"type": "object", "properties": {
        "slug": {"type": "string"}, "title": {"type": "string"}, "kind": {"type": "string"},
        "difficulty": {"type": "string"}, "skills": {"type": "array", "items": {"type": "string"}},
        "languages": {"type": "array", "items": {"type": "string"}}, "max_score": {"type": "integer"},
        "version": {"type": "string"}}},
    "SetInput": {"type": "object", "required": ["name", "challenges"], "properties": {
        "name": {"type": "string", "maxLength": 200}, "challenges": {"type": "array", "items": {"type": "string"}},
        "time_limit_min": {"type": "integer", "minimum": 1, "maximum": 480},
        "languages": {"type": "array", "items": {"type": "string"}},
        "show_hidden_results": {"type": "boolean"}, "description": {"type": "string"}}},
    "Set": OBJECT,
    "InvitationInput": {"type": "object", "required": ["name", "email"], "properties": {
        "name": {"type": "string"}, "email": {"type": "string"},
        "extra_minutes": {"type": "integer", "minimum": 0, "maximum": 480}, "send_email": {"type": "boolean"}}},
    "Invitation": {"type": "object", "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"}, "email": {"type": "string"},
        "status": {"type": "string", "enum": ["invited", "opened", "in progress", "submitted", "expired", "revoked"]},
        "link": {"type": "string", "description": "only in the response that created the invitation"}}},
    "Attempt": OBJECT,
    "CodeInput": {"type": "object", "required": ["language", "files"], "properties": {
        "language": {"type": "string"}, "files": {"type": "object", "additionalProperties": {"type": "string"}},
        "visible": {"type": "boolean", "description": "true: run the visible examples only"}}},
    "BehaviourInput": {"type": "object", "required": ["events"], "properties": {
        "sent_at": {"type": "string", "format": "date-time",
                    "description": "the client's clock when it sent the batch: corrects the events' times"},
        "events": {"type": "array", "maxItems": 200, "items": {"oneOf": [
            {"type": "object", "required": ["kind", "challenge", "at", "chars", "lines"],
             "additionalProperties": False, "description": "a paste into the editor: its size, never its text",
             "properties": {"id": EVENT_ID, "kind": {"const": "paste"}, "challenge": {"type": "string", "description": "slug"},
                            "at": {"type": "string", "format": "date-time"},
                            "chars": {"type": "integer", "minimum": 1, "maximum": 1000000},
                            "lines": {"type": "integer", "minimum": 1}}},
            {"type": "object", "required": ["kind", "at", "duration_ms"], "additionalProperties": False,
             "description": "a time away from the assessment page (another tab or window): when it began, how long",
             "properties": {"id": EVENT_ID, "kind": {"const": "away"}, "challenge": {"type": "string", "description": "slug"},
                            "at": {"type": "string", "format": "date-time"},
                            "duration_ms": {"type": "integer", "minimum": 0, "maximum": 86400000}}}]}}}},
    "SubmissionStatus": {"type": "object", "properties": {
        "id": {"type": "integer"}, "status": {"type": "string", "enum": ["queued", "running", "graded", "error"]},
        "verdict": {"type": "string"}, "passed": {"type": "integer"}, "total": {"type": "integer"}}},
}


def document() -> dict:
    """The OpenAPI document."""
    staff, candidate = "staffToken", "invitationToken"
    return {
        "openapi": "3.1.0",
        "info": {"title": "assessor API", "version": "1",
                 "description": "Staff endpoints take a staff API token, candidate endpoints the invitation token "
                                "of the candidate's link, both as `Authorization: Bearer <token>`."},
        "servers": [{"url": "/api/v1"}],
        "components": {"securitySchemes": {staff: {"type": "http", "scheme": "bearer"},
                                           candidate: {"type": "http", "scheme": "bearer"}},
                       "schemas": {**SCHEMAS, **WEBHOOK_SCHEMAS}},
        "webhooks": WEBHOOKS,
        "paths": {
            "/challenges": {"get": _op("List the challenge library", staff, {
                "type": "object", "properties": {"challenges": {"type": "array", "items": _ref("Challenge")}}})},
            "/sets": {"get": _op("List challenge sets", staff, OBJECT),
                      "post": _op("Create a challenge set", staff, _ref("Set"), "201", _ref("SetInput"))},
            "/sets/{set_id}": {"get": _op("A challenge set with its invitations", staff, _ref("Set"),
                                          params=["set_id"])},
            "/sets/{set_id}/invitations": {"post": _op("Invite a candidate (returns their link)", staff,
                                                       _ref("Invitation"), "201", _ref("InvitationInput"),
                                                       params=["set_id"])},
            "/sets/{set_id}/shortlist": {"get": _op("The shortlist: candidates ranked by score (JSON, or CSV "
                                                    "with ?format=csv); filters: status, min, max, decision, "
                                                    "skill, skill_min, sort", staff, OBJECT, params=["set_id"])},
            "/attempts/{attempt_id}": {"get": _op("An attempt with its submissions and results", staff,
                                                  _ref("Attempt"), params=["attempt_id"])},
            "/submissions/{submission_id}/regrade": {"post": _op(
                "Re-grade a submission on the challenge's current version (its grade is kept in past_grades)",
                staff, OBJECT, "202", {"type": "object", "properties": {"reason": {"type": "string", "maxLength": 500}}},
                params=["submission_id"])},
            "/candidate": {"get": _op("The candidate's assessment", candidate, OBJECT)},
            "/candidate/start": {"post": _op("Start the clock", candidate, _ref("Attempt"), "201")},
            "/candidate/challenges/{slug}": {"get": _op("A challenge: statement, languages, starter code, drafts",
                                                        candidate, OBJECT, params=["slug"])},
            "/candidate/challenges/{slug}/draft": {"put": _op("Autosave code", candidate, OBJECT, "200",
                                                              _ref("CodeInput"), params=["slug"])},
            "/candidate/challenges/{slug}/submissions": {"post": _op("Submit code (or run the examples)", candidate,
                                                                     _ref("SubmissionStatus"), "202",
                                                                     _ref("CodeInput"), params=["slug"])},
            "/candidate/submissions/{submission_id}": {"get": _op("Poll a submission", candidate,
                                                                  _ref("SubmissionStatus"),
                                                                  params=["submission_id"])},
            "/candidate/signals": {"post": _op(
                "Record behaviour events (disclosed to the candidate): pastes' sizes, times away; a bad "
                "event refuses the whole batch", candidate,
                {"type": "object", "properties": {"recorded": {"type": "integer"}}}, "200", _ref("BehaviourInput"))},
            "/candidate/finish": {"post": _op("Finish the assessment", candidate, OBJECT)},
            "/openapi.json": {"get": _op("This document", None, OBJECT)},
        },
    }


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document of this API."""
    return jsonify(document())
