"""Sign-in, sign-out, first password of an invited account, and API tokens."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..errors import ServiceError
from ..extensions import db
from ..models import ApiToken, User
from ..services import staff, tokens
from . import access, bp  # noqa: F401  (access registers the user loader)
from .forms import LoginForm, SetupForm, TokenForm


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign a staff member in."""
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(db.select(User).filter_by(email=form.email.data.strip().lower()))
        if user is not None and user.check_password(form.password.data):
            login_user(user)
            return redirect(url_for("index"))
        flash("Wrong email or password.", "error")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    """Sign out."""
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/account/setup/<token>", methods=["GET", "POST"])
def setup(token):
    """An invited staff member sets their password, then is signed in."""
    try:
        user = staff.find_setup(token)
    except ServiceError as error:
        return render_template("candidate/refused.html", message=error.message), error.status
    form = SetupForm()
    if form.validate_on_submit():
        if form.password.data != form.confirm.data:
            flash("The two passwords differ.", "error")
        else:
            try:
                staff.complete_setup(user, form.password.data)
            except ServiceError as error:
                flash(error.message, "error")
            else:
                login_user(user)
                flash("Welcome! Your password is set.", "success")
                return redirect(url_for("index"))
    return render_template("auth/setup.html", form=form, user=user)


@bp.route("/account/tokens", methods=["GET", "POST"], endpoint="tokens")
@login_required
def tokens_page():
    """List, create and revoke the signed-in staff member's API tokens."""
    form = TokenForm()
    if form.validate_on_submit():
        try:
            _row, plain = tokens.create(current_user, form.name.data)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash({"text": "Your new API token (shown only once; send it as “Authorization: Bearer …”):",
                   "url": plain}, "link")
            return redirect(url_for("auth.tokens"))
    rows = db.session.scalars(db.select(ApiToken).filter_by(user_id=current_user.id).order_by(ApiToken.id.desc())).all()
    return render_template("auth/tokens.html", form=form, tokens=rows)



@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    """Revoke one of one's own tokens."""
    row = db.session.get(ApiToken, token_id)
    if row is None or row.user_id != current_user.id:
        abort(404)
    tokens.revoke(row)
    flash(f"Revoked “{row.name}”.", "success")
    return redirect(url_for("auth.tokens"))
