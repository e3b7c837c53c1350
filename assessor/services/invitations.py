"""Invitations: long random link tokens, stored hashed, that expire."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app

from ..errors import ServiceError
from ..extensions import db
from ..models import Attempt, ChallengeSet, Invitation, User, as_utc, utcnow


def hash_token(token: str) -> str:
    """The stored form of an invitation token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invite(challenge_set: ChallengeSet, name: str, email: str, created_by: User | None = None,
           ttl_days: int | None = None) -> tuple[Invitation, str]:
    """Create an invitation; returns it with the plain token (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    days = ttl_days or current_app.config["INVITATION_TTL_DAYS"]
    invitation = Invitation(challenge_set=challenge_set, candidate_name=name.strip(),
                            candidate_email=email.strip().lower(), token_hash=hash_token(token),
                            expires_at=utcnow() + timedelta(days=days),
                            created_by_id=created_by.id if created_by else None)
    db.session.add(invitation)
    db.session.commit()
    return invitation, token


def candidate_link(token: str) -> str:
    """The URL a candidate opens."""
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/c/{token}"


def find(token: str) -> Invitation:
    """The invitation of a token, or a ServiceError saying why the link does not work."""
    invitation = db.session.scalar(db.select(Invitation).filter_by(token_hash=hash_token(token or "")))
    if invitation is None:
        raise ServiceError("invalid_link", "This invitation link is not valid.", 404)
    if invitation.revoked_at is not None:
        raise ServiceError("revoked_link", "This invitation has been withdrawn.", 410)
    if invitation.attempt is None and as_utc(invitation.expires_at) <= utcnow():
        raise ServiceError("expired_link", "This invitation has expired. Ask your contact for a new one.", 410)
    return invitation


def start_attempt(invitation: Invitation) -> Attempt:
    """Start the candidate's clock (once; a second call returns the running attempt)."""
    if invitation.attempt is not None:
        return invitation.attempt
    now = utcnow()
    attempt = Attempt(invitation=invitation, started_at=now,
                      deadline_at=now + timedelta(minutes=invitation.challenge_set.time_limit_min))
    db.session.add(attempt)
    db.session.commit()
    return attempt
