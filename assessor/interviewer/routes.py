"""Interviewer views: the challenge library, challenge sets, invitations."""

from collections import Counter

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth.access import roles_required
from ..errors import ServiceError
from ..extensions import db
from ..models import Challenge, ChallengeSet, Invitation
from ..rendering import render_markdown
from ..services import access, invitations, library_view, sets
from . import bp
from .forms import CsvForm, InviteForm, SetForm


@bp.get("/library")
@roles_required("admin", "interviewer", "manager")
def library():
    """Browse the library, filtered by skill, difficulty, language and kind."""
    filters = {key: request.args.get(key, "") for key in ("skill", "difficulty", "language", "kind")}
    return render_template("interviewer/library.html", challenges=library_view.search(**filters),
                           filters=filters, options=library_view.facets())


@bp.get("/library/<slug>")
@roles_required("admin", "interviewer", "manager")
def preview(slug):
    """A challenge as the candidate will read it, with its metadata."""
    challenge = db.session.scalar(db.select(Challenge).filter_by(slug=slug)) or abort(404)
    return render_template("interviewer/preview.html", challenge=challenge, version=challenge.current_version,
                           statement=render_markdown(challenge.current_version.statement))


@bp.get("/sets")
@roles_required("admin", "interviewer", "manager")
def set_list():
    """Every challenge set, newest first."""
    rows = db.session.scalars(db.select(ChallengeSet).order_by(ChallengeSet.id.desc())).all()
    counts = {s.id: Counter(invitations.status(i) for i in s.invitations) for s in rows}
    return render_template("interviewer/sets.html", sets=rows, counts=counts)


@bp.route("/sets/new", methods=["GET", "POST"])
@roles_required("admin", "interviewer")
def new_set():
    """Create a challenge set."""
    return _edit_set(None)


@bp.route("/sets/<int:set_id>/edit", methods=["GET", "POST"])
@roles_required("admin", "interviewer")
def edit_set(set_id):
    """Change a set's challenges and settings."""
    return _edit_set(_own_set(set_id))


def _edit_set(challenge_set):
    form = SetForm(obj=challenge_set)
    form.languages.choices = library_view.facets()["language"]
    chosen = _chosen_in_order() if request.method == "POST" else (
        [c.slug for c in challenge_set.challenges] if challenge_set else [])
    if form.validate_on_submit():
        try:
            saved = sets.save_set(challenge_set, name=form.name.data, slugs=chosen,
                                  time_limit_min=form.time_limit_min.data, languages=form.languages.data,
                                  show_hidden_results=form.show_hidden_results.data,
                                  description=form.description.data or "", created_by=current_user)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash("Challenge set saved.", "success")
            return redirect(url_for("interviewer.set_detail", set_id=saved.id))
    elif challenge_set is not None and request.method == "GET":
        form.languages.data = challenge_set.languages or []
    return render_template("interviewer/set_form.html", form=form, challenge_set=challenge_set, chosen=chosen,
                           library=library_view.search())


def _chosen_in_order() -> list[str]:
    """The ticked challenges, ordered by the positions typed next to them (then by table order)."""
    ticked = request.form.getlist("challenge")

    def position(slug):
        try:
            return int(request.form.get(f"position-{slug}") or 10_000)
        except ValueError:
            return 10_000

    return sorted(ticked, key=lambda slug: (position(slug), ticked.index(slug)))


@bp.get("/sets/<int:set_id>")
@roles_required("admin", "interviewer", "manager")
def set_detail(set_id):
    """A set: its challenges, its settings, its invitations and their status; invite from here."""
    challenge_set = db.session.get(ChallengeSet, set_id) or abort(404)
    return render_template("interviewer/set_detail.html", challenge_set=challenge_set,
                           can_manage=access.can_manage_set(current_user, challenge_set),
                           invite_form=InviteForm(), csv_form=CsvForm(), status=invitations.status)


@bp.post("/sets/<int:set_id>/invitations")
@roles_required("admin", "interviewer")
def invite(set_id):
    """Invite one candidate; the link is shown once to copy."""
    challenge_set = _own_set(set_id)
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invitation, token = invitations.invite(challenge_set, form.name.data, form.email.data,
                                                   created_by=current_user, extra_minutes=form.extra_minutes.data)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash({"text": f"Invited {invitation.candidate_name} and emailed their link. Copy it now if you "
                           f"want to send it yourself (it is shown only once):",
                   "url": invitations.candidate_link(token)}, "link")
    else:
        flash("; ".join(f"{form[name].label.text}: {', '.join(errors)}" for name, errors in form.errors.items()),
              "error")
    return redirect(url_for("interviewer.set_detail", set_id=set_id))


@bp.post("/sets/<int:set_id>/invitations/csv")
@roles_required("admin", "interviewer")
def invite_csv(set_id):
    """Invite every good row of a CSV; bad rows are reported by line, good rows kept."""
    challenge_set = _own_set(set_id)
    form = CsvForm()
    if not form.validate_on_submit():
        flash("Choose a CSV file with one candidate per line: name, email[, extra minutes].", "error")
        return redirect(url_for("interviewer.set_detail", set_id=set_id))
    raw = form.file.data.read(1024 * 1024 + 1)
    try:
        text = raw.decode("utf-8-sig")
        if len(raw) > 1024 * 1024:
            raise ServiceError("invalid", "The file is over 1 MiB.")
        result = invitations.invite_csv(challenge_set, text, created_by=current_user)
    except UnicodeDecodeError:
        flash("The file is not UTF-8 text.", "error")
        return redirect(url_for("interviewer.set_detail", set_id=set_id))
    except ServiceError as error:
        flash(error.message, "error")
        return redirect(url_for("interviewer.set_detail", set_id=set_id))
    return render_template("interviewer/csv_result.html", challenge_set=challenge_set, result=result,
                           link=invitations.candidate_link)


@bp.post("/invitations/<int:invitation_id>/resend")
@roles_required("admin", "interviewer")
def resend(invitation_id):
    """Send a fresh link (the old one stops working)."""
    invitation = _own_invitation(invitation_id)
    try:
        token = invitations.resend(invitation)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash({"text": f"Sent a new link to {invitation.candidate_email}; the old one no longer works. "
                       f"The new link (shown only once):", "url": invitations.candidate_link(token)}, "link")
    return redirect(url_for("interviewer.set_detail", set_id=invitation.set_id))


@bp.post("/invitations/<int:invitation_id>/revoke")
@roles_required("admin", "interviewer")
def revoke(invitation_id):
    """Withdraw an invitation."""
    invitation = _own_invitation(invitation_id)
    invitations.revoke(invitation)
    flash(f"Revoked the invitation of {invitation.candidate_name}.", "success")
    return redirect(url_for("interviewer.set_detail", set_id=invitation.set_id))


def _own_set(set_id) -> ChallengeSet:
    challenge_set = db.session.get(ChallengeSet, set_id) or abort(404)
    if not access.can_manage_set(current_user, challenge_set):
        abort(403)
    return challenge_set


def _own_invitation(invitation_id) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id) or abort(404)
    _own_set(invitation.set_id)
    return invitation
