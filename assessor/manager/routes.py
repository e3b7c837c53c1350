"""Hiring-manager views."""

from flask import render_template

from ..auth.access import roles_required
from ..extensions import db
from ..models import Submission
from . import bp


@bp.get("/submissions")
@roles_required("admin", "manager", "interviewer")
def submissions():
    """Scored submissions, newest first, with verdict and score."""
    rows = db.session.scalars(db.select(Submission).where(Submission.visible.is_(False))
                              .order_by(Submission.id.desc()).limit(500)).all()
    return render_template("manager/submissions.html", submissions=rows)
