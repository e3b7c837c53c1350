"""A candidate's report: per challenge the final code (highlighted), its tests, the timeline."""

from dataclasses import dataclass, field

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from ..models import Attempt, Submission, as_utc
from .invitations import status

LEXERS = {"python": "python", "javascript": "javascript", "java": "java", "go": "go", "ruby": "ruby",
          "php": "php", "csharp": "csharp", "sql": "sql"}


@dataclass
class ChallengeReport:
    """One challenge of the report."""

    title: str
    slug: str
    final: Submission | None
    code: list[tuple[str, Markup]] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)


@dataclass
class Report:
    """Everything the report page shows."""

    attempt: Attempt
    name: str
    email: str
    status: str
    challenges: list[ChallengeReport]
    first_submission_min: float | None
    final_submission_min: float | None
    timeline: list[Submission]


def build(attempt: Attempt) -> Report:
    """The report of an attempt (names hidden under blind review until a decision)."""
    invitation = attempt.invitation
    hidden = invitation.challenge_set.blind_review and attempt.decision is None
    scored = [s for s in attempt.submissions if not s.visible]
    challenges = []
    for challenge in invitation.challenge_set.challenges:
        mine = [s for s in scored if s.challenge_version.challenge_id == challenge.id]
        graded = [s for s in mine if s.status == "graded"]
        final = graded[-1] if graded else (mine[-1] if mine else None)
        code = [(name, _highlight(text, final.language)) for name, text in sorted(final.files.items())] if final else []
        challenges.append(ChallengeReport(challenge.current_version.title, challenge.slug, final, code, mine))
    return Report(attempt=attempt, name="Candidate (blind review)" if hidden else invitation.candidate_name,
                  email="hidden until a decision" if hidden else invitation.candidate_email,
                  status=status(invitation), challenges=challenges,
                  first_submission_min=_minutes(attempt, scored[0]) if scored else None,
                  final_submission_min=_minutes(attempt, scored[-1]) if scored else None,
                  timeline=sorted(attempt.submissions, key=lambda s: s.id))


def _minutes(attempt: Attempt, submission: Submission) -> float:
    return round((as_utc(submission.created_at) - as_utc(attempt.started_at)).total_seconds() / 60, 1)


def _highlight(code: str, language: str) -> Markup:
    try:
        lexer = get_lexer_by_name(LEXERS.get(language, language))
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return Markup(highlight(code, lexer, HtmlFormatter(linenos="table", cssclass="code")))


def stylesheet() -> str:
    """The CSS of highlighted code."""
    return HtmlFormatter(cssclass="code").get_style_defs(".code")

