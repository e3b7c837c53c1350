"""Hiring-manager views: submissions, the shortlist of a set, decisions, the candidate report."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth.access import roles_required
from ..errors import ServiceError
from ..extensions import db
from ..models import DECISIONS, Attempt, ChallengeSet, IntegrityFlag, SimilarityMatch, Submission
from ..services import behaviour, charts, integrity, shortlist
from . import bp

STAFF = ("admin", "manager", "interviewer")


@bp.get("/submissions")
@roles_required(*STAFF)
def submissions():
    """Scored submissions, newest first, with verdict and score."""
    rows = db.session.scalars(db.select(Submission).where(Submission.visible.is_(False))
                              .order_by(Submission.id.desc()).limit(500)).all()
    return render_template("manager/submissions.html", submissions=rows)


@bp.get("/sets/<int:set_id>/shortlist")
@roles_required(*STAFF)
def shortlist_page(set_id):
    """Candidates ranked by score with per-challenge and per-skill scores, filters and decisions."""
    challenge_set = db.session.get(ChallengeSet, set_id) or abort(404)
    filters = shortlist.Filters.from_args(request.args)
    result = shortlist.page(challenge_set, filters, request.args.get("page", 1, type=int))
    challenges, skills = shortlist.columns(challenge_set)
    return render_template("manager/shortlist.html", challenge_set=challenge_set, filters=filters, page=result,
                           challenges=challenges, skills=skills, decisions=DECISIONS,
                           chart=charts.histogram_svg(shortlist.histogram(challenge_set),
                                                      challenge_set.cutoff_percent))


@bp.get("/sets/<int:set_id>/shortlist.csv")
@roles_required(*STAFF)
def shortlist_csv(set_id):
    """The shortlist (with the current filters) as CSV."""
    challenge_set = db.session.get(ChallengeSet, set_id) or abort(404)
    rows = shortlist.all_rows(challenge_set, shortlist.Filters.from_args(request.args))
    return Response(shortlist.to_csv(challenge_set, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="shortlist-{set_id}.csv"'})


@bp.post("/sets/<int:set_id>/cutoff")
@roles_required("admin", "manager")
def cutoff(set_id):
    """Set (or clear) the cutoff score and the blind-review mode of a set."""
    challenge_set = db.session.get(ChallengeSet, set_id) or abort(404)
    raw = request.form.get("cutoff", "").strip()
    try:
        value = float(raw) if raw else None
        if value is not None and not 0 <= value <= 100:
            raise ValueError
    except ValueError:
        flash("The cutoff is a percentage between 0 and 100.", "error")
        return redirect(url_for("manager.shortlist_page", set_id=set_id))
    challenge_set.cutoff_percent = value
    challenge_set.blind_review = request.form.get("blind_review") == "on"
    db.session.commit()
    flash("Shortlist settings saved.", "success")
    return redirect(url_for("manager.shortlist_page", set_id=set_id))


@bp.post("/sets/<int:set_id>/decisions")
@roles_required("admin", "manager")
def decide(set_id):
    """Record a decision with a note on one or several candidates of the set."""
    ids = [int(i) for i in request.form.getlist("attempt") if i.isdigit()]
    attempts = db.session.scalars(db.select(Attempt).where(Attempt.id.in_(ids), Attempt.set_id == set_id)).all()
    if not attempts:
        flash("Tick at least one candidate.", "error")
    else:
        try:
            count = shortlist.decide(attempts, request.form.get("decision", ""), request.form.get("note", ""),
                                     current_user)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(f"Recorded “{request.form['decision']}” for {count} candidate(s).", "success")
    return redirect(request.form.get("next") or url_for("manager.shortlist_page", set_id=set_id))


@bp.get("/attempts/<int:attempt_id>")
@roles_required(*STAFF)
def report(attempt_id):
    """A candidate's report: code, per-test results, timeline, decisions; printable."""
    from ..services import reports

    attempt = db.session.get(Attempt, attempt_id) or abort(404)
    return render_template("manager/report.html", report=reports.build(attempt), decisions=DECISIONS,
                           history=shortlist.history(attempt), flags=integrity.flags_of([attempt.id])[attempt.id],
                           signals=behaviour.summary(attempt), large_paste_chars=behaviour.LARGE_PASTE_CHARS)


@bp.post("/submissions/<int:submission_id>/regrade")
@roles_required("admin", "manager")
def regrade(submission_id):
    """Re-grade a submission on its challenge's current version; the old grade is kept."""
    from ..services import regrades

    submission = db.session.get(Submission, submission_id) or abort(404)
    try:
        regrades.regrade(submission, current_user, request.form.get("reason", ""))
        flash(f"Submission #{submission.id} is queued for a re-grade; its earlier grade is kept below.", "success")
    except ServiceError as error:
        flash(error.message, "error")
    return redirect(url_for("manager.report", attempt_id=submission.attempt_id))


@bp.get("/similarity/<int:match_id>")
@roles_required(*STAFF)
def similarity(match_id):
    """Two solutions side by side, their matching regions marked: the evidence behind a flag."""
    from ..services import comparison

    match = db.session.get(SimilarityMatch, match_id) or abort(404)
    return render_template("manager/similarity.html",
                           comparison=comparison.build(match, request.args.get("attempt", type=int)))


@bp.post("/flags/<int:flag_id>/review")
@roles_required("admin", "manager")
def review_flag(flag_id):
    """Mark an integrity flag reviewed, with what the manager concluded; or take the review back."""
    flag = db.session.get(IntegrityFlag, flag_id) or abort(404)
    try:
        if request.form.get("action") == "reopen":
            integrity.reopen(flag)
            flash("The flag is open again.", "success")
        else:
            integrity.review(flag, current_user, request.form.get("note", ""))
            flash("Flag marked reviewed.", "success")
    except ServiceError as error:
        flash(error.message, "error")
    return redirect(url_for("manager.report", attempt_id=flag.attempt_id) + "#integrity")
