"""Candidate endpoints, authenticated by the invitation token of the candidate's link."""

from flask import abort, g, jsonify

from ..errors import ServiceError
from ..extensions import db
from ..models import Submission
from ..services import attempts, behaviour, candidate_view, invitations, submissions
from . import bp, serialize
from .auth import candidate_required
from .staff import _boolean, body


@bp.get("/candidate")
@candidate_required
def candidate_overview():
    """The candidate's assessment: set, rules, challenges, and the attempt once started."""
    return jsonify(candidate_view.overview(g.invitation))


@bp.post("/candidate/start")
@candidate_required
def candidate_start():
    """Start the clock (idempotent)."""
    attempt = invitations.start_attempt(g.invitation)
    return jsonify(serialize.attempt(attempt)), 201


@bp.get("/candidate/challenges/<slug>")
@candidate_required
def candidate_challenge(slug):
    """A challenge of the set: statement, allowed languages, starter code, the latest draft."""
    attempt = _attempt()
    return jsonify(candidate_view.challenge_page(attempt, candidate_view.challenge_in_set(g.invitation, slug)))


@bp.put("/candidate/challenges/<slug>/draft")
@candidate_required
def candidate_draft(slug):
    """Autosave the code of a challenge in a language."""
    data = body()
    attempt = _attempt()
    draft = attempts.save_draft(attempt, candidate_view.challenge_in_set(g.invitation, slug),
                                str(data.get("language", "")), data.get("files"))
    return jsonify(saved_at=serialize.iso(draft.updated_at))


@bp.post("/candidate/challenges/<slug>/submissions")
@candidate_required
def candidate_submit(slug):
    """Queue code for grading: `visible: true` runs the examples, otherwise the hidden tests."""
    data = body()
    files = data.get("files")
    if not isinstance(files, dict):
        raise ServiceError("bad_request", "Expected JSON with 'language' and 'files'.")
    submission = submissions.submit(_attempt(), candidate_view.challenge_in_set(g.invitation, slug),
                                    str(data.get("language", "")), files,
                                    visible=_boolean(data.get("visible", False), "visible"))
    return jsonify(submissions.public_status(submission)), 202


@bp.get("/candidate/submissions/<int:submission_id>")
@candidate_required
def candidate_submission(submission_id):
    """Poll one of the candidate's own submissions."""
    attempt = _attempt()
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.attempt_id != attempt.id:
        abort(404)
    return jsonify(submissions.public_status(submission))


@bp.post("/candidate/signals")
@candidate_required
def candidate_signals():
    """Record behaviour events: pastes into the editor (their size) and times away from the page."""
    data = body()
    return jsonify(recorded=behaviour.record(_attempt(), data.get("events"), page_now=data.get("sent_at")))


@bp.post("/candidate/finish")
@candidate_required
def candidate_finish():
    """Finish: the last draft of each challenge is submitted if it is newer than its last submission."""
    made = attempts.finish(_attempt())
    return jsonify(finished=True, submitted=[s.id for s in made])


def _attempt():
    attempt = g.invitation.attempt
    if attempt is None:
        raise ServiceError("not_started", "Start the assessment first (POST /api/v1/candidate/start).", 409)
    return attempt
