"""API tokens for staff: shown once, stored hashed, revocable."""

import hashlib
import secrets

from ..errors import ServiceError
from ..extensions import db
from ..models import ApiToken, User, utcnow

PREFIX = "ast_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; returns the row and the plain token (shown once)."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ServiceError("invalid", "Give the token a name (at most 100 characters).")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user=user, name=name, token_hash=_hash(token))
    db.session.add(row)
    db.session.commit()
    return row, token


def authenticate(token: str) -> User | None:
    """The staff member a bearer token belongs to, if it is a live staff token."""
    if not token or not token.startswith(PREFIX):
        return None
    row = db.session.scalar(db.select(ApiToken).filter_by(token_hash=_hash(token)))
    if row is None or row.revoked_at is not None:
        return None
    row.last_used_at = utcnow()
    db.session.commit()
    return row.user


def revoke(row: ApiToken) -> None:
    """Stop a token from working."""
    row.revoked_at = row.revoked_at or utcnow()
    db.session.commit()
