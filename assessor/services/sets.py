"""Challenge sets: ordered challenges, a time limit, allowed languages, what candidates may see."""

from ..errors import ServiceError
from ..extensions import db
from ..models import Challenge, ChallengeSet, ChallengeSetItem, User

MAX_TIME_LIMIT_MIN = 8 * 60


def save_set(challenge_set: ChallengeSet | None, *, name: str, slugs: list[str], time_limit_min: int,
             languages: list[str] | None, show_hidden_results: bool, description: str = "",
             created_by: User | None = None) -> ChallengeSet:
    """Create a set (challenge_set None) or update one, with its challenges in the given order."""
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise ServiceError("invalid", "A challenge set needs a name of at most 200 characters.")
    if not 1 <= int(time_limit_min) <= MAX_TIME_LIMIT_MIN:
        raise ServiceError("invalid", f"The time limit must be between 1 and {MAX_TIME_LIMIT_MIN} minutes.")
    challenges = _challenges(slugs)
    offered = {language for c in challenges for language in c.current_version.languages}
    if languages:
        unknown = sorted(set(languages) - offered)
        if unknown:
            raise ServiceError("invalid", f"No challenge of this set offers {', '.join(unknown)}.")
        for challenge in challenges:
            if not set(challenge.current_version.languages) & set(languages):
                raise ServiceError("invalid", f"“{challenge.current_version.title}” is offered in none of the "
                                              f"allowed languages.")
    if challenge_set is None:
        challenge_set = ChallengeSet(created_by=created_by)
        db.session.add(challenge_set)
    challenge_set.name, challenge_set.description = name, (description or "").strip()
    challenge_set.time_limit_min = int(time_limit_min)
    challenge_set.languages = sorted(set(languages)) if languages else None
    challenge_set.show_hidden_results = bool(show_hidden_results)
    challenge_set.items = [ChallengeSetItem(challenge=c, position=i) for i, c in enumerate(challenges)]
    db.session.commit()
    return challenge_set


def _challenges(slugs: list[str]) -> list[Challenge]:
    if not slugs:
        raise ServiceError("invalid", "Choose at least one challenge.")
    if len(set(slugs)) != len(slugs):
        raise ServiceError("invalid", "A challenge appears twice in the set.")
    found = {c.slug: c for c in db.session.scalars(db.select(Challenge).where(Challenge.slug.in_(slugs)))}
    missing = [slug for slug in slugs if slug not in found or found[slug].current_version is None]
    if missing:
        raise ServiceError("invalid", f"Unknown challenge: {', '.join(missing)}.")
    return [found[slug] for slug in slugs]


def languages_for(challenge_set: ChallengeSet, challenge: Challenge) -> list[str]:
    """The languages a candidate of this set may use for this challenge."""
    offered = challenge.current_version.languages
    return [language for language in offered if not challenge_set.languages or language in challenge_set.languages]
