"""RQ jobs of the integrity checks; like the grading jobs they take ids, and the database is the truth."""

import logging

from .services import similarity

log = logging.getLogger("assessor.integrity")


def check_similarity(challenge_id: int) -> int:
    """Compare the final submissions of a challenge again; returns how many pairs are flagged."""
    flagged = similarity.check_challenge(challenge_id)
    log.info("similarity checked", extra={"challenge_id": challenge_id, "flagged_pairs": flagged})
    return flagged
