"""Demo data for a first look: an admin, a challenge set of the library, an invitation."""

from ..extensions import db
from ..models import Challenge, ChallengeSet, ChallengeSetItem, User
from .invitations import candidate_link, invite

DEMO_SET = "Backend screening (demo)"


def create_demo(email: str, password: str) -> str:
    """Create or refresh the demo admin and set; return a fresh candidate link."""
    admin = db.session.scalar(db.select(User).filter_by(email=email))
    if admin is None:
        admin = User(email=email, name="Demo admin", role="admin")
        db.session.add(admin)
    admin.set_password(password)
    challenge_set = db.session.scalar(db.select(ChallengeSet).filter_by(name=DEMO_SET))
    if challenge_set is None:
        challenge_set = ChallengeSet(name=DEMO_SET, time_limit_min=90, created_by_id=None)
        library = db.session.scalars(db.select(Challenge).order_by(Challenge.slug)).all()
        challenge_set.items = [ChallengeSetItem(challenge=c, position=i) for i, c in enumerate(library)]
        db.session.add(challenge_set)
    db.session.commit()
    _invitation, token = invite(challenge_set, "Demo Candidate", "candidate@example.com", created_by=admin)
    return candidate_link(token)
