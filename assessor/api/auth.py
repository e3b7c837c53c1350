"""Bearer authentication: staff API tokens and candidates' invitation tokens."""

from functools import wraps

from flask import g, request

from ..errors import ServiceError
from ..services import invitations, tokens


def bearer() -> str:
    """The token of the Authorization header, or ''."""
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def staff_required(*roles: str):
    """Allow a staff API token whose user has one of the roles (all staff roles if none given)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            user = tokens.authenticate(bearer())
            if user is None:
                raise ServiceError("unauthorized", "Send a staff API token: Authorization: Bearer <token>.", 401)
            if roles and user.role not in roles:
                raise ServiceError("forbidden", f"This needs one of the roles: {', '.join(roles)}.", 403)
            g.user = user
            return view(*args, **kwargs)

        return wrapper

    return decorator


def candidate_required(view):
    """Allow a live invitation token (Authorization: Bearer <token from the candidate link>)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        token = bearer()
        if not token:
            raise ServiceError("unauthorized", "Send the invitation token: Authorization: Bearer <token>.", 401)
        g.invitation = invitations.find(token)
        return view(*args, **kwargs)

    return wrapper
