"""`assessor challenges validate`: a challenge is only as good as the proof that it grades right."""

from . import grading
from .library import Challenge


def validate(challenge: Challenge, engine) -> list[str]:
    """Problems with a loaded challenge: reference must earn every point, starter must not."""
    failures = []
    for language in challenge.languages:
        reference = grading.grade(challenge, challenge.solution(language), language, engine)
        if reference.verdict != "passed":
            failing = [t.name for t in reference.tests if t.outcome != "passed"]
            failures.append(f"solution/{language}/: reference earns {reference.score}/{reference.max_score} "
                            f"({reference.verdict}; failing: {', '.join(failing) or reference.message[:200]})")
        examples = grading.grade(challenge, challenge.solution(language), language, engine, visible=True)
        if challenge.visible_tests and examples.verdict != "passed":
            failures.append(f"tests/visible/: reference fails the examples ({examples.verdict})")
        starter = grading.grade(challenge, challenge.starter(language), language, engine)
        if starter.score >= starter.max_score:
            failures.append(f"starter/{language}/: the starter code already earns every point")
    return failures
