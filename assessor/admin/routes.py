"""Admin views."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth.access import roles_required
from ..errors import ServiceError
from ..extensions import db
from ..models import User
from ..services import staff as staff_service
from . import bp
from .forms import StaffInviteForm


@bp.route("/staff", methods=["GET", "POST"])
@roles_required("admin")
def staff():
    """Staff accounts, and a form to invite a colleague."""
    form = StaffInviteForm()
    if form.validate_on_submit():
        try:
            user, link = staff_service.invite_staff(form.email.data, form.name.data, form.role.data, current_user)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash({"text": f"Invited {user.email} as {user.role} and emailed them. Their set-up link "
                           f"(shown only once):", "url": link}, "link")
            return redirect(url_for("admin.staff"))
    users = db.session.scalars(db.select(User).order_by(User.role, User.email)).all()
    return render_template("admin/staff.html", form=form, users=users)
