"""Candidate views: welcome, start, challenge page with its code box, submit and poll."""

from flask import abort, jsonify, redirect, render_template, request, url_for

from ..errors import ServiceError
from ..extensions import db
from ..models import Challenge, Submission, utcnow
from ..rendering import render_markdown
from ..services import challenges, invitations, submissions
from . import bp


@bp.errorhandler(ServiceError)
def service_error(error: ServiceError):
    """Refusals as JSON for the page's scripts, as a page otherwise."""
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(error={"code": error.code, "message": error.message}), error.status
    return render_template("candidate/refused.html", message=error.message), error.status


@bp.get("/<token>")
def welcome(token):
    """The assessment's front page: rules, time limit, challenges, Start."""
    invitation = invitations.find(token)
    return render_template("candidate/welcome.html", invitation=invitation, token=token,
                           attempt=invitation.attempt, now=utcnow())


@bp.post("/<token>/start")
def start(token):
    """Start the clock."""
    invitations.start_attempt(invitations.find(token))
    return redirect(url_for("candidate.welcome", token=token))


@bp.get("/<token>/challenges/<slug>")
def challenge(token, slug):
    """A challenge: statement, code box, Run examples and Submit."""
    invitation = invitations.find(token)
    if invitation.attempt is None:
        return redirect(url_for("candidate.welcome", token=token))
    item = _challenge_in_set(invitation, slug)
    version = item.current_version
    latest = db.session.scalar(db.select(Submission).join(Submission.challenge_version)
                               .where(Submission.attempt_id == invitation.attempt.id,
                                      Submission.challenge_version.has(challenge_id=item.id))
                               .order_by(Submission.id.desc()).limit(1))
    language = latest.language if latest else version.languages[0]
    files = latest.files if latest else challenges.starter_text(version, language)
    return render_template("candidate/challenge.html", token=token, invitation=invitation, challenge=item,
                           version=version, statement=render_markdown(version.statement),
                           language=language, files=files, deadline=invitation.attempt.deadline_at)


@bp.post("/<token>/challenges/<slug>/submissions")
def submit(token, slug):
    """Queue code for grading: `visible` runs the examples, otherwise the hidden tests."""
    invitation = invitations.find(token)
    if invitation.attempt is None:
        raise ServiceError("not_started", "Start the assessment first.", 409)
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("files"), dict):
        raise ServiceError("bad_request", "Expected JSON with 'language' and 'files'.")
    submission = submissions.submit(invitation.attempt, _challenge_in_set(invitation, slug),
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


def _challenge_in_set(invitation, slug) -> Challenge:
    for challenge in invitation.challenge_set.challenges:
        if challenge.slug == slug:
            return challenge
    abort(404)
