"""Invitations: long random link tokens, stored hashed, that expire; sent by email."""

import csv
import hashlib
import io
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from ..errors import ServiceError
from ..extensions import db
from ..models import Attempt, ChallengeSet, Invitation, User, as_utc, utcnow
from . import email

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EXTRA_MINUTES = 8 * 60
MAX_CSV_ROWS = 2000


def hash_token(token: str) -> str:
    """The stored form of an invitation token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invite(challenge_set: ChallengeSet, name: str, email_address: str, created_by: User | None = None,
           ttl_days: int | None = None, extra_minutes: int = 0, send: bool = True) -> tuple[Invitation, str]:
    """Create an invitation (and email it); returns it with the plain token (shown once, never stored)."""
    name, email_address = _checked(name, email_address, extra_minutes)
    token = secrets.token_urlsafe(32)
    days = ttl_days or current_app.config["INVITATION_TTL_DAYS"]
    invitation = Invitation(challenge_set=challenge_set, candidate_name=name, candidate_email=email_address,
                            token_hash=hash_token(token), expires_at=utcnow() + timedelta(days=days),
                            extra_minutes=int(extra_minutes or 0),
                            created_by_id=created_by.id if created_by else None)
    db.session.add(invitation)
    db.session.commit()
    if send:
        send_invitation(invitation, token)
    return invitation, token


def _checked(name: str, email_address: str, extra_minutes: int) -> tuple[str, str]:
    name, email_address = (name or "").strip(), (email_address or "").strip().lower()
    if not name or len(name) > 200:
        raise ServiceError("invalid", "The candidate needs a name (at most 200 characters).")
    if not EMAIL.match(email_address) or len(email_address) > 254:
        raise ServiceError("invalid", f"{email_address or 'an empty value'!s} is not an email address.")
    try:
        extra = int(extra_minutes or 0)
    except (TypeError, ValueError):
        raise ServiceError("invalid", "Extra time must be a whole number of minutes.") from None
    if not 0 <= extra <= MAX_EXTRA_MINUTES:
        raise ServiceError("invalid", f"Extra time must be between 0 and {MAX_EXTRA_MINUTES} minutes.")
    return name, email_address


def send_invitation(invitation: Invitation, token: str) -> None:
    """Email the candidate their link."""
    challenge_set = invitation.challenge_set
    minutes = challenge_set.time_limit_min + invitation.extra_minutes
    body = (f"Hello {invitation.candidate_name},\n\n"
            f"You are invited to the coding assessment “{challenge_set.name}”.\n"
            f"It has {len(challenge_set.items)} challenge(s) and {minutes} minutes; the clock starts only "
            f"when you press Start.\n\nOpen your personal link when you are ready:\n{candidate_link(token)}\n\n"
            f"The link works until {as_utc(invitation.expires_at):%Y-%m-%d %H:%M} UTC. Do not share it.\n")
    email.send(invitation.candidate_email, f"Your coding assessment: {challenge_set.name}", body)
    invitation.sent_at = utcnow()
    db.session.commit()


@dataclass
class CsvResult:
    """What a CSV upload did: the invitations made (with their links) and the bad rows by line."""

    created: list[tuple[Invitation, str]]
    errors: list[tuple[int, str]]


def invite_csv(challenge_set: ChallengeSet, text: str, created_by: User | None = None) -> CsvResult:
    """Invite every good row of a CSV (name, email[, extra_minutes]); report bad rows by line number."""
    result = CsvResult([], [])
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) > MAX_CSV_ROWS:
        raise ServiceError("invalid", f"At most {MAX_CSV_ROWS} rows per upload.")
    seen = set()
    for number, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and [c.lower() for c in cells[:2]] == ["name", "email"]):
            continue
        if len(cells) < 2:
            result.errors.append((number, "expected: name, email[, extra minutes]"))
            continue
        if cells[1].lower() in seen:
            result.errors.append((number, f"{cells[1]} appears twice in this file"))
            continue
        try:
            made = invite(challenge_set, cells[0], cells[1], created_by=created_by,
                          extra_minutes=cells[2] if len(cells) > 2 and cells[2] else 0)
        except ServiceError as error:
            result.errors.append((number, error.message))
            continue
        seen.add(cells[1].lower())
        result.created.append(made)
    return result


def resend(invitation: Invitation) -> str:
    """A fresh link (the old one stops working), a fresh expiry, and the email again."""
    if invitation.revoked_at is not None:
        raise ServiceError("revoked_link", "This invitation was revoked.", 409)
    if invitation.attempt is not None and invitation.attempt.finished_at is not None:
        raise ServiceError("finished", "The candidate has already finished.", 409)
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    if invitation.attempt is None:
        invitation.expires_at = utcnow() + timedelta(days=current_app.config["INVITATION_TTL_DAYS"])
    db.session.commit()
    send_invitation(invitation, token)
    return token


def revoke(invitation: Invitation) -> None:
    """Withdraw an invitation: its link stops working."""
    invitation.revoked_at = invitation.revoked_at or utcnow()
    db.session.commit()


def status(invitation: Invitation, now=None, attempt: Attempt | None = None) -> str:
    """invited · opened · in progress · submitted · expired · revoked, at a glance.

    Pass the attempt when it is at hand (lists of thousands): it saves a query per invitation."""
    now = now or utcnow()
    if invitation.revoked_at is not None:
        return "revoked"
    attempt = attempt or invitation.attempt
    if attempt is not None:
        if attempt.finished_at is not None or as_utc(attempt.deadline_at) <= now:
            return "submitted"
        return "in progress"
    if as_utc(invitation.expires_at) <= now:
        return "expired"
    return "opened" if invitation.opened_at else "invited"


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


def mark_opened(invitation: Invitation) -> None:
    """Remember the first time the candidate opened the link."""
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()
        db.session.commit()


def start_attempt(invitation: Invitation) -> Attempt:
    """Start the candidate's clock (once): deadline = now + the set's limit + the invitation's extra time."""
    if invitation.attempt is not None:
        return invitation.attempt
    now = utcnow()
    minutes = invitation.challenge_set.time_limit_min + invitation.extra_minutes
    attempt = Attempt(invitation=invitation, set_id=invitation.set_id, started_at=now,
                      deadline_at=now + timedelta(minutes=minutes))
    db.session.add(attempt)
    db.session.commit()
    return attempt
