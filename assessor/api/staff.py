"""Staff endpoints: the library, challenge sets, invitations, attempts."""

from flask import abort, g, jsonify, request

from ..errors import ServiceError
from ..extensions import db
from ..models import Attempt, ChallengeSet, Submission
from ..services import access, invitations, library_view, sets
from . import bp, serialize
from .auth import staff_required


def body() -> dict:
    """The JSON request body, or a 400."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ServiceError("bad_request", "Send a JSON object.")
    return data


@bp.get("/challenges")
@staff_required()
def list_challenges():
    """The library, filterable by skill, difficulty, language and kind."""
    filters = {key: request.args.get(key, "") for key in ("skill", "difficulty", "language", "kind")}
    return jsonify(challenges=[serialize.challenge(c) for c in library_view.search(**filters)])


@bp.get("/sets")
@staff_required()
def list_sets():
    """Every challenge set."""
    rows = db.session.scalars(db.select(ChallengeSet).order_by(ChallengeSet.id.desc())).all()
    return jsonify(sets=[serialize.challenge_set(s) for s in rows])


@bp.post("/sets")
@staff_required("admin", "interviewer")
def create_set():
    """Create a challenge set."""
    data = body()
    created = sets.save_set(None, name=_text(data, "name", 200), slugs=_strings(data.get("challenges")),
                            time_limit_min=_integer(data.get("time_limit_min", 90), "time_limit_min"),
                            languages=_strings(data.get("languages")) or None,
                            show_hidden_results=_boolean(data.get("show_hidden_results", False), "show_hidden_results"),
                            description=_text(data, "description", 2000, required=False), created_by=g.user)
    return jsonify(serialize.challenge_set(created)), 201


@bp.get("/sets/<int:set_id>")
@staff_required()
def get_set(set_id):
    """A challenge set with its invitations."""
    return jsonify(serialize.challenge_set(_set(set_id), with_invitations=True))


@bp.post("/sets/<int:set_id>/invitations")
@staff_required("admin", "interviewer")
def create_invitation(set_id):
    """Invite a candidate; the response carries their link (the only time it is shown)."""
    challenge_set = _set(set_id)
    if not access.can_manage_set(g.user, challenge_set):
        raise ServiceError("forbidden", "Only the set's interviewer or an admin may invite to it.", 403)
    data = body()
    invitation, token = invitations.invite(challenge_set, _text(data, "name", 200), _text(data, "email", 254),
                                           created_by=g.user,
                                           extra_minutes=_integer(data.get("extra_minutes", 0), "extra_minutes"),
                                           send=_boolean(data.get("send_email", True), "send_email"))
    return jsonify(serialize.invitation(invitation, link=invitations.candidate_link(token))), 201


@bp.get("/sets/<int:set_id>/shortlist")
@staff_required()
def get_shortlist(set_id):
    """The set's candidates ranked by score (the shortlist's filters as query parameters); ?format=csv for CSV."""
    from flask import Response

    from ..services import shortlist

    challenge_set = _set(set_id)
    rows = shortlist.all_rows(challenge_set, shortlist.Filters.from_args(request.args))
    if request.args.get("format") == "csv":
        return Response(shortlist.to_csv(challenge_set, rows), mimetype="text/csv")
    return jsonify(set_id=set_id, cutoff_percent=challenge_set.cutoff_percent,
                   candidates=shortlist.as_dicts(challenge_set, rows))


@bp.get("/attempts/<int:attempt_id>")
@staff_required()
def get_attempt(attempt_id):
    """An attempt with every submission, its code and its grading result."""
    attempt = db.session.get(Attempt, attempt_id) or abort(404)
    return jsonify(serialize.attempt(attempt, staff=True))


@bp.post("/submissions/<int:submission_id>/regrade")
@staff_required("admin", "manager")
def regrade_submission(submission_id):
    """Re-grade a submission on its challenge's current version; the grade it had is kept."""
    from ..services import regrades

    submission = db.session.get(Submission, submission_id) or abort(404)
    data = request.get_json(silent=True)
    reason = _text(data, "reason", 500, required=False) if isinstance(data, dict) else ""
    regrades.regrade(submission, g.user, reason)
    return jsonify(serialize.submission(submission)), 202


def _set(set_id) -> ChallengeSet:
    return db.session.get(ChallengeSet, set_id) or abort(404)


def _strings(value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ServiceError("bad_request", "Expected a list of strings.")
    return value


def _text(data: dict, name: str, longest: int, required: bool = True) -> str:
    value = data.get(name, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ServiceError("bad_request", f"{name} must be a non-empty string.")
    if len(value) > longest:
        raise ServiceError("bad_request", f"{name} is longer than {longest} characters.")
    return value


def _boolean(value, name) -> bool:
    if not isinstance(value, bool):
        raise ServiceError("bad_request", f"{name} must be true or false.")
    return value


def _integer(value, name) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ServiceError("bad_request", f"{name} must be an integer.")
    return value

