"""Candidate pages: welcome, start, the challenge page with its editor, drafts, submit, poll, signals, finish."""

from flask import abort, jsonify, redirect, render_template, request, url_for

from ..errors import ServiceError
from ..extensions import db
from ..models import Submission, utcnow
from ..rendering import render_markdown
from ..services import attempts, behaviour, candidate_view, invitations, submissions
from . import bp


@bp.errorhandler(ServiceError)
def service_error(error: ServiceError):
    """Refusals as JSON for the page's scripts, as a page otherwise."""
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(error={"code": error.code, "message": error.message}), error.status
    return render_template("candidate/refused.html", message=error.message), error.status


@bp.get("/<token>")
def welcome(token):
    """The assessment's front page: rules, time limit, languages, what is recorded, Start."""
    invitation = invitations.find(token)
    invitations.mark_opened(invitation)
    if invitation.attempt is not None and not attempts.is_open(invitation.attempt):
        attempts.finish(invitation.attempt, reason="deadline")   # no-op once finished
    return render_template("candidate/welcome.html", invitation=invitation, token=token,
                           overview=candidate_view.overview(invitation), attempt=invitation.attempt, now=utcnow())


@bp.post("/<token>/start")
def start(token):
    """Start the clock, then open the first challenge."""
    invitation = invitations.find(token)
    invitations.start_attempt(invitation)
    first = invitation.challenge_set.challenges[0]
    return redirect(url_for("candidate.challenge", token=token, slug=first.slug))


@bp.get("/<token>/challenges/<slug>")
def challenge(token, slug):
    """A challenge: statement, editor, Run examples, Submit, countdown, Finish."""
    invitation = invitations.find(token)
    if invitation.attempt is None:
        return redirect(url_for("candidate.welcome", token=token))
    item = candidate_view.challenge_in_set(invitation, slug)
    page = candidate_view.challenge_page(invitation.attempt, item)
    return render_template("candidate/challenge.html", token=token, invitation=invitation, challenge=item,
                           page=page, statement=render_markdown(page["statement"]),
                           attempt=invitation.attempt, is_open=attempts.is_open(invitation.attempt),
                           challenges=invitation.challenge_set.challenges)


@bp.put("/<token>/challenges/<slug>/draft")
def draft(token, slug):
    """Autosave the code of a challenge in a language."""
    invitation, payload = _started(token), _json()
    saved = attempts.save_draft(invitation.attempt, candidate_view.challenge_in_set(invitation, slug),
                                str(payload.get("language", "")), payload.get("files"))
    return jsonify(saved_at=saved.updated_at.isoformat())


@bp.post("/<token>/challenges/<slug>/submissions")
def submit(token, slug):
    """Queue code for grading: `visible` runs the examples, otherwise the hidden tests."""
    invitation, payload = _started(token), _json()
    if not isinstance(payload.get("files"), dict):
        raise ServiceError("bad_request", "Expected JSON with 'language' and 'files'.")
    submission = submissions.submit(invitation.attempt, candidate_view.challenge_in_set(invitation, slug),
                                    str(payload.get("language", "")), payload["files"],
                                    visible=bool(payload.get("visible")))
    return jsonify(submissions.public_status(submission)), 202


@bp.get("/<token>/submissions/<int:submission_id>")
def submission_status(token, submission_id):
    """Poll one of the candidate's own submissions."""
    invitation = invitations.find(token)
    submission = db.session.get(Submission, submission_id)
    if submission is None or invitation.attempt is None or submission.attempt_id != invitation.attempt.id:
        abort(404)
    return jsonify(submissions.public_status(submission))


@bp.post("/<token>/signals")
def signals(token):
    """Record a batch of the page's behaviour events (pastes, times away) disclosed on the welcome page."""
    invitation, payload = _started(token), _json()
    recorded = behaviour.record(invitation.attempt, payload.get("events"), page_now=payload.get("sent_at"))
    return jsonify(recorded=recorded)


@bp.post("/<token>/finish")
def finish(token):
    """End the assessment; the last drafts newer than their submissions are submitted."""
    invitation = _started(token)
    attempts.finish(invitation.attempt)
    return redirect(url_for("candidate.welcome", token=token))


def _started(token):
    invitation = invitations.find(token)
    if invitation.attempt is None:
        raise ServiceError("not_started", "Start the assessment first.", 409)
    return invitation


def _json() -> dict:
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ServiceError("bad_request", "Expected a JSON object.")
    return payload
