"""Interviewer views."""

from flask import render_template

from ..auth.access import roles_required
from ..extensions import db
from ..models import ChallengeSet
from . import bp


@bp.get("/sets")
@roles_required("admin", "interviewer", "manager")
def sets():
    """Challenge sets with their challenges and invitations."""
    all_sets = db.session.scalars(db.select(ChallengeSet).order_by(ChallengeSet.id.desc())).all()
    return render_template("interviewer/sets.html", sets=all_sets)
