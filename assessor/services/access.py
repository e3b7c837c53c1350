"""Who may do what: the ownership rules every view and API endpoint asks."""

from ..models import ChallengeSet, User

STAFF_ROLES = ("admin", "manager", "interviewer")


def can_manage_set(user: User, challenge_set: ChallengeSet) -> bool:
    """Edit a set and invite to it: its interviewer, or an admin."""
    return user.role == "admin" or (user.role == "interviewer" and challenge_set.created_by_id == user.id)


def can_view_results(user: User) -> bool:
    """See candidates' code and scores: any staff member."""
    return user.role in STAFF_ROLES


def can_create_sets(user: User) -> bool:
    """Create challenge sets: interviewers and admins."""
    return user.role in ("admin", "interviewer")
