"""What a candidate sees of their assessment, for the pages and the API alike."""

from flask import abort

from ..models import Challenge, Invitation, as_utc
from . import attempts, challenges, sets


def challenge_in_set(invitation: Invitation, slug: str) -> Challenge:
    """A challenge of the invitation's set, or 404."""
    for challenge in invitation.challenge_set.challenges:
        if challenge.slug == slug:
            return challenge
    abort(404)


def overview(invitation: Invitation) -> dict:
    """The set, its rules and challenges, and the attempt's clock."""
    challenge_set = invitation.challenge_set
    attempt = invitation.attempt
    return {
        "set": {"name": challenge_set.name, "description": challenge_set.description,
                "time_limit_min": challenge_set.time_limit_min + invitation.extra_minutes,
                "show_hidden_results": challenge_set.show_hidden_results},
        "candidate": {"name": invitation.candidate_name},
        "challenges": [{"slug": c.slug, "title": c.current_version.title, "difficulty": c.current_version.difficulty,
                        "languages": sets.languages_for(challenge_set, c)} for c in challenge_set.challenges],
        "attempt": None if attempt is None else {
            "started_at": as_utc(attempt.started_at).isoformat(), "deadline_at": as_utc(attempt.deadline_at).isoformat(),
            "finished_at": as_utc(attempt.finished_at).isoformat() if attempt.finished_at else None,
            "open": attempts.is_open(attempt)},
    }


def challenge_page(attempt, challenge: Challenge) -> dict:
    """A challenge's statement, languages, starter code of each language, and the latest draft."""
    challenge_set = attempt.invitation.challenge_set
    version = challenge.current_version
    languages = sets.languages_for(challenge_set, challenge)
    draft = attempts.latest_draft(attempt, challenge)
    drafts = {d.language: d.files for d in attempt.drafts if d.challenge_id == challenge.id}
    return {
        "slug": challenge.slug, "title": version.title, "statement": version.statement, "languages": languages,
        "starters": {language: challenges.starter_text(version, language) for language in languages},
        "drafts": drafts, "language": draft.language if draft else languages[0],
    }
