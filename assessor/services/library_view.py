"""The library as interviewers browse it: current versions, filtered."""

from ..extensions import db
from ..models import Challenge


def search(skill: str = "", difficulty: str = "", language: str = "", kind: str = "") -> list[Challenge]:
    """Challenges whose current version matches every given filter, by title."""
    found = []
    for challenge in db.session.scalars(db.select(Challenge).order_by(Challenge.slug)):
        version = challenge.current_version
        if version is None:
            continue
        unwanted = ((skill and skill not in version.skills) or (difficulty and version.difficulty != difficulty)
                    or (language and language not in version.languages) or (kind and version.kind != kind))
        if unwanted:
            continue
        found.append(challenge)
    return sorted(found, key=lambda c: c.current_version.title.lower())


def facets() -> dict[str, list[str]]:
    """The values each filter can take in the current library."""
    values = {"skill": set(), "difficulty": set(), "language": set(), "kind": set()}
    for challenge in db.session.scalars(db.select(Challenge)):
        version = challenge.current_version
        if version is None:
            continue
        values["skill"].update(version.skills)
        values["difficulty"].add(version.difficulty)
        values["language"].update(version.languages)
        values["kind"].add(version.kind)
    order = {"easy": 0, "medium": 1, "hard": 2}
    return {key: sorted(items, key=lambda v: (order.get(v, 9), v)) for key, items in values.items()}
