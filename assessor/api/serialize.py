"""How the API shows models: plain dicts, one function per model."""

from ..models import Attempt, Challenge, ChallengeSet, Invitation, Submission
from ..services import invitations


def iso(moment) -> str | None:
    """An ISO 8601 timestamp (UTC) or None."""
    from ..models import as_utc

    return as_utc(moment).isoformat() if moment else None


def challenge(item: Challenge) -> dict:
    """A library challenge (its current version)."""
    version = item.current_version
    return {"slug": item.slug, "title": version.title, "kind": version.kind, "difficulty": version.difficulty,
            "skills": version.skills, "languages": version.languages, "max_score": version.max_score,
            "version": version.version}


def challenge_set(item: ChallengeSet, with_invitations: bool = False) -> dict:
    """A challenge set."""
    body = {"id": item.id, "name": item.name, "description": item.description,
            "time_limit_min": item.time_limit_min, "languages": item.languages,
            "show_hidden_results": item.show_hidden_results, "challenges": [c.slug for c in item.challenges],
            "created_at": iso(item.created_at)}
    if with_invitations:
        body["invitations"] = [invitation(i) for i in item.invitations]
    return body


def invitation(item: Invitation, link: str | None = None) -> dict:
    """An invitation; the link only when it was just made (tokens are stored hashed)."""
    body = {"id": item.id, "set_id": item.set_id, "name": item.candidate_name, "email": item.candidate_email,
            "status": invitations.status(item), "extra_minutes": item.extra_minutes,
            "expires_at": iso(item.expires_at), "attempt_id": item.attempt.id if item.attempt else None}
    if link:
        body["link"] = link
    return body


def attempt(item: Attempt, staff: bool = False) -> dict:
    """An attempt; staff also get every submission with its full result."""
    body = {"id": item.id, "started_at": iso(item.started_at), "deadline_at": iso(item.deadline_at),
            "finished_at": iso(item.finished_at), "finish_reason": item.finish_reason}
    if staff:
        body["candidate"] = {"name": item.invitation.candidate_name, "email": item.invitation.candidate_email}
        body["set_id"] = item.invitation.set_id
        body["submissions"] = [submission(s) for s in item.submissions]
    return body


def submission(item: Submission) -> dict:
    """A submission as staff see it: code, status and the grading result."""
    return {"id": item.id, "challenge": item.challenge_version.challenge.slug,
            "version": item.challenge_version.version, "language": item.language, "files": item.files,
            "examples_only": item.visible, "automatic": item.automatic, "status": item.status,
            "verdict": item.verdict, "score": item.score, "max_score": item.max_score, "result": item.result,
            "created_at": iso(item.created_at), "graded_at": iso(item.graded_at),
            "past_grades": [{"version": past.challenge_version.version, "status": past.status, "verdict": past.verdict,
                             "score": past.score, "max_score": past.max_score, "graded_at": iso(past.graded_at),
                             "replaced_at": iso(past.replaced_at), "reason": past.reason}
                            for past in item.past_grades]}
