"""Role checks for staff views."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from ..extensions import db, login_manager
from ..models import User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The staff account of a session."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def roles_required(*roles: str):
    """Allow signed-in staff with one of the roles; others get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator
