"""Staff accounts: admins invite colleagues, who choose their own password through a link."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app

from ..errors import ServiceError
from ..extensions import db
from ..models import ROLES, User, as_utc, utcnow
from . import email
from .invitations import EMAIL

MIN_PASSWORD = 12
SETUP_DAYS = 7


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invite_staff(email_address: str, name: str, role: str, invited_by: User) -> tuple[User, str]:
    """Create an account without a password and email a link to set one; returns it and the link."""
    email_address = (email_address or "").strip().lower()
    if not EMAIL.match(email_address):
        raise ServiceError("invalid", f"{email_address or 'an empty value'} is not an email address.")
    if role not in ROLES:
        raise ServiceError("invalid", f"Unknown role {role!r}.")
    if db.session.scalar(db.select(User).filter_by(email=email_address)) is not None:
        raise ServiceError("exists", f"{email_address} already has an account.", 409)
    token = secrets.token_urlsafe(32)
    user = User(email=email_address, name=(name or "").strip() or email_address.split("@")[0], role=role,
                password_hash="!", setup_token_hash=_hash(token),
                setup_expires_at=utcnow() + timedelta(days=SETUP_DAYS))
    db.session.add(user)
    db.session.commit()
    link = f"{current_app.config['PUBLIC_URL'].rstrip('/')}/account/setup/{token}"
    email.send(email_address, "Your assessor account",
               f"Hello {user.name},\n\n{invited_by.name} gave you a {role} account on assessor.\n"
               f"Choose your password here (the link works for {SETUP_DAYS} days):\n{link}\n")
    return user, link


def find_setup(token: str) -> User:
    """The invited account of a setup link, or a ServiceError."""
    user = db.session.scalar(db.select(User).filter_by(setup_token_hash=_hash(token or "")))
    if user is None or as_utc(user.setup_expires_at) <= utcnow():
        raise ServiceError("invalid_link", "This link is not valid any more. Ask an admin for a new one.", 404)
    return user


def complete_setup(user: User, password: str) -> None:
    """Set the password of an invited account; the link stops working."""
    check_password_strength(password)
    user.set_password(password)
    user.setup_token_hash, user.setup_expires_at = None, None
    db.session.commit()


def check_password_strength(password: str) -> None:
    """Refuse short passwords with a clear reason."""
    if len(password or "") < MIN_PASSWORD:
        raise ServiceError("invalid", f"Use at least {MIN_PASSWORD} characters.")
