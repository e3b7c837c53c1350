"""Sign-in and sign-out views."""

from flask import flash, redirect, render_template, url_for
from flask_login import login_user, logout_user

from ..extensions import db
from ..models import User
from . import access, bp  # noqa: F401  (access registers the user loader)
from .forms import LoginForm


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
