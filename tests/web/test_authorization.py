"""Authorization matrix: every route of the app, every kind of visitor, the exact answer each one gets.

Actors (the columns of MATRIX):

- anonymous          no session, no bearer token; on /c/<token> pages it holds no link (an unknown token).
- other_candidate    holds the live link of ANOTHER invitation to the same set: it uses that token in
                     /c/<token> URLs and as the bearer of the candidate API; on staff pages it is an
                     anonymous client, and on the staff API it sends its invitation token as bearer.
- candidate          the rightful holder of the link whose attempt and submission the ids point at.
- owner              the interviewer who created the set.
- other_interviewer  an interviewer who did not create it.
- manager, admin     signed-in staff of those roles.

Staff send their own API token as bearer under /api/v1 and use their signed-in session elsewhere; on
candidate pages they hold no link (the session grants nothing there).

Ids in URLs are real: the set owned by `owner`, a spare invitation to it (resend/revoke), the candidate's
started attempt and its submission, a spare API token of `owner`, a webhook with a queued ping, and a
fresh staff set-up link (any holder of a set-up link may use it; a candidate's invitation token is not one).
"""

import io
import re
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from assessor import models
from assessor.extensions import db

ACTORS = ("anonymous", "other_candidate", "candidate", "owner", "other_interviewer", "manager", "admin")
STAFF = {"owner": "interviewer", "other_interviewer": "interviewer", "manager": "manager", "admin": "admin"}
UNKNOWN_LINK = "no-such-invitation-token-0000000000000000000"
PASSWORD = "correct horse battery"
CODE = {"language": "python",
        "files": {"solution.py": "def count_pairs(numbers, target):\n    return 0\n"}}


def to(path_pattern):
    """Expect a 302 whose Location path matches the pattern (ids in braces are filled in)."""
    return 302, path_pattern


LOGIN = to("/login")                    # anonymous on a staff page
HOME = to("/interviewer/sets")          # signed-in staff at /
ROOT = to("/")                          # after signing in
SET = to("/interviewer/sets/{set_id}")  # back to the set page
NEW_SET = to(r"/interviewer/sets/\d+")
WELCOME = to("/c/{token}")
TOKENS = to("/account/tokens")
STAFF_PG = to("/admin/staff")
FIRST = to("/c/{token}/challenges/sum-pairs")
SHORT = to("/manager/sets/{set_id}/shortlist")
REPORT = to("/manager/attempts/{attempt_id}")
INTEGRATIONS = to("/admin/integrations")
WEBHOOK = to("/admin/integrations/webhooks/{webhook_id}")
NEW_WEBHOOK = to(r"/admin/integrations/webhooks/\d+")

# Every (method, rule) of app.url_map except static, with the answer of each actor (columns in ACTORS order:
# anonymous, other_candidate, candidate, owner, other_interviewer, manager, admin).
MATRIX = [
    #method  rule                                                   anon   other_c  cand     owner    other_i  manager admin
    ("GET",  "/",                                                   LOGIN, LOGIN,   LOGIN,   HOME,    HOME,    HOME,   HOME),
    ("GET",  "/login",                                              200,   200,     200,     200,     200,     200,    200),
    ("GET",  "/healthz",                                            200,   200,     200,     200,     200,     200,    200),
    ("GET",  "/metrics",                                            200,   200,     200,     200,     200,     200,    200),
    ("POST", "/login",                                              200,   200,     200,     ROOT,    ROOT,    ROOT,   ROOT),
    ("POST", "/logout",                                             LOGIN, LOGIN,   LOGIN,   LOGIN,   LOGIN,   LOGIN,  LOGIN),
    ("GET",  "/account/setup/<token>",                              200,   404,     404,     200,     200,     200,    200),
    ("POST", "/account/setup/<token>",                              ROOT,  404,     404,     ROOT,    ROOT,    ROOT,   ROOT),
    ("GET",  "/account/tokens",                                     LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("POST", "/account/tokens",                                     LOGIN, LOGIN,   LOGIN,   TOKENS,  TOKENS,  TOKENS, TOKENS),
    ("POST", "/account/tokens/<int:token_id>/revoke",               LOGIN, LOGIN,   LOGIN,   TOKENS,  404,     404,    404),
    ("GET",  "/admin/staff",                                        LOGIN, LOGIN,   LOGIN,   403,     403,     403,    200),
    ("POST", "/admin/staff",                                        LOGIN, LOGIN,   LOGIN,   403,     403,     403,    STAFF_PG),
    ("GET",  "/admin/integrations",                                 LOGIN, LOGIN,   LOGIN,   403,     403,     403,    200),
    ("POST", "/admin/integrations",                                 LOGIN, LOGIN,   LOGIN,   403,     403,     403,    NEW_WEBHOOK),
    ("GET",  "/admin/integrations/webhooks/<int:webhook_id>",       LOGIN, LOGIN,   LOGIN,   403,     403,     403,    200),
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>",       LOGIN, LOGIN,   LOGIN,   403,     403,     403,    WEBHOOK),
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/ping",  LOGIN, LOGIN,   LOGIN,   403,     403,     403,    WEBHOOK),
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/secret", LOGIN, LOGIN,  LOGIN,   403,     403,     403,    WEBHOOK),
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/delete", LOGIN, LOGIN,  LOGIN,   403,     403,     403,    INTEGRATIONS),
    ("POST", "/admin/integrations/deliveries/<int:delivery_id>/redeliver", LOGIN, LOGIN, LOGIN, 403, 403,   403,    WEBHOOK),
    ("GET",  "/interviewer/library",                                LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/interviewer/library/<slug>",                         LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/interviewer/sets",                                   LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/interviewer/sets/new",                               LOGIN, LOGIN,   LOGIN,   200,     200,     403,    200),
    ("POST", "/interviewer/sets/new",                               LOGIN, LOGIN,   LOGIN,   NEW_SET, NEW_SET, 403,    NEW_SET),
    ("GET",  "/interviewer/sets/<int:set_id>",                      LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/interviewer/sets/<int:set_id>/edit",                 LOGIN, LOGIN,   LOGIN,   200,     403,     403,    200),
    ("POST", "/interviewer/sets/<int:set_id>/edit",                 LOGIN, LOGIN,   LOGIN,   SET,     403,     403,    SET),
    ("POST", "/interviewer/sets/<int:set_id>/invitations",          LOGIN, LOGIN,   LOGIN,   SET,     403,     403,    SET),
    ("POST", "/interviewer/sets/<int:set_id>/invitations/csv",      LOGIN, LOGIN,   LOGIN,   200,     403,     403,    200),
    ("POST", "/interviewer/invitations/<int:invitation_id>/resend", LOGIN, LOGIN,   LOGIN,   SET,     403,     403,    SET),
    ("POST", "/interviewer/invitations/<int:invitation_id>/revoke", LOGIN, LOGIN,   LOGIN,   SET,     403,     403,    SET),
    ("GET",  "/manager/submissions",                                LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/manager/sets/<int:set_id>/shortlist",                LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("GET",  "/manager/sets/<int:set_id>/shortlist.csv",            LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("POST", "/manager/sets/<int:set_id>/cutoff",                   LOGIN, LOGIN,   LOGIN,   403,     403,     SHORT,  SHORT),
    ("POST", "/manager/sets/<int:set_id>/decisions",                LOGIN, LOGIN,   LOGIN,   403,     403,     SHORT,  SHORT),
    ("GET",  "/manager/attempts/<int:attempt_id>",                  LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    # the matrix's submission is still queued (no worker): a re-grade is refused as busy, after the role check
    ("POST", "/manager/submissions/<int:submission_id>/regrade",    LOGIN, LOGIN,   LOGIN,   403,     403,     REPORT, REPORT),
    ("GET",  "/manager/similarity/<int:match_id>",                  LOGIN, LOGIN,   LOGIN,   200,     200,     200,    200),
    ("POST", "/manager/flags/<int:flag_id>/review",                 LOGIN, LOGIN,   LOGIN,   403,     403,     REPORT, REPORT),
    # candidate pages: the token in the URL is the only credential
    ("GET",  "/c/<token>",                                          404,   200,     200,     404,     404,     404,    404),
    ("POST", "/c/<token>/start",                                    404,   FIRST,   FIRST,   404,     404,     404,    404),
    ("GET",  "/c/<token>/challenges/<slug>",                        404,   200,     200,     404,     404,     404,    404),
    ("PUT",  "/c/<token>/challenges/<slug>/draft",                  404,   200,     200,     404,     404,     404,    404),
    ("POST", "/c/<token>/challenges/<slug>/submissions",            404,   202,     202,     404,     404,     404,    404),
    ("GET",  "/c/<token>/submissions/<int:submission_id>",          404,   404,     200,     404,     404,     404,    404),
    ("POST", "/c/<token>/signals",                                  404,   200,     200,     404,     404,     404,    404),
    ("POST", "/c/<token>/finish",                                   404,   WELCOME, WELCOME, 404,     404,     404,    404),
    # staff API: bearer API token; a candidate's invitation token is not one
    ("GET",  "/api/v1/openapi.json",                                200,   200,     200,     200,     200,     200,    200),
    ("GET",  "/api/v1/challenges",                                  401,   401,     401,     200,     200,     200,    200),
    ("GET",  "/api/v1/sets",                                        401,   401,     401,     200,     200,     200,    200),
    ("POST", "/api/v1/sets",                                        401,   401,     401,     201,     201,     403,    201),
    ("GET",  "/api/v1/sets/<int:set_id>",                           401,   401,     401,     200,     200,     200,    200),
    ("POST", "/api/v1/sets/<int:set_id>/invitations",               401,   401,     401,     201,     403,     403,    201),
    ("GET",  "/api/v1/sets/<int:set_id>/shortlist",                 401,   401,     401,     200,     200,     200,    200),
    ("GET",  "/api/v1/attempts/<int:attempt_id>",                   401,   401,     401,     200,     200,     200,    200),
    ("POST", "/api/v1/submissions/<int:submission_id>/regrade",     401,   401,     401,     403,     403,     409,    409),
    # candidate API: bearer invitation token; a staff API token is not one (unknown link: 404)
    ("GET",  "/api/v1/candidate",                                   401,   200,     200,     404,     404,     404,    404),
    ("POST", "/api/v1/candidate/start",                             401,   201,     201,     404,     404,     404,    404),
    ("GET",  "/api/v1/candidate/challenges/<slug>",                 401,   200,     200,     404,     404,     404,    404),
    ("PUT",  "/api/v1/candidate/challenges/<slug>/draft",           401,   200,     200,     404,     404,     404,    404),
    ("POST", "/api/v1/candidate/challenges/<slug>/submissions",     401,   202,     202,     404,     404,     404,    404),
    ("GET",  "/api/v1/candidate/submissions/<int:submission_id>",   401,   404,     200,     404,     404,     404,    404),
    ("POST", "/api/v1/candidate/signals",                           401,   200,     200,     404,     404,     404,    404),
    ("POST", "/api/v1/candidate/finish",                            401,   200,     200,     404,     404,     404,    404),
]


def _csv_upload(_world, _actor):
    return {"data": {"file": (io.BytesIO(b"Eve Example, eve@example.com\n"), "candidates.csv")},
            "content_type": "multipart/form-data"}


def _login_form(world, actor):
    if actor in STAFF:
        return {"data": {"email": world.emails[actor], "password": PASSWORD}}
    return {"data": {"email": "nobody@example.com", "password": "not the password"}}


SIGNALS = {"events": [{"kind": "paste", "challenge": "sum-pairs", "at": "2026-01-01T00:00:00+00:00", "chars": 40,
                       "lines": 2}]}
SET_FORM = {"data": {"name": "Matrix set", "time_limit_min": "45", "challenge": "sum-pairs"}}

# Minimal valid bodies: an allowed request succeeds with them (a callable gets (world, actor)).
BODIES = {
    ("POST", "/login"): _login_form,
    ("POST", "/account/setup/<token>"): {"data": {"password": "a long new password", "confirm": "a long new password"}},
    ("POST", "/account/tokens"): {"data": {"name": "ci"}},
    ("POST", "/admin/staff"): {"data": {"email": "new.colleague@example.com", "name": "New", "role": "manager"}},
    ("POST", "/admin/integrations"): {"data": {"url": "https://hr.example.com/hooks/matrix",
                                               "events": ["attempt.graded"], "active": "y"}},
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>"): {"data": {"url": "https://hr.example.com/hooks/edited",
                                                                         "events": ["attempt.submitted"]}},
    ("POST", "/interviewer/sets/new"): SET_FORM,
    ("POST", "/interviewer/sets/<int:set_id>/edit"): SET_FORM,
    ("POST", "/interviewer/sets/<int:set_id>/invitations"): {"data": {"name": "Dee Example",
                                                                       "email": "dee@example.com"}},
    ("POST", "/interviewer/sets/<int:set_id>/invitations/csv"): _csv_upload,
    ("PUT", "/c/<token>/challenges/<slug>/draft"): {"json": CODE},
    ("POST", "/c/<token>/challenges/<slug>/submissions"): {"json": CODE},
    ("POST", "/api/v1/sets"): {"json": {"name": "API set", "challenges": ["sum-pairs"]}},
    ("POST", "/manager/sets/<int:set_id>/cutoff"): {"data": {"cutoff": "60"}},
    ("POST", "/manager/sets/<int:set_id>/decisions"): lambda world, actor: {
        "data": {"attempt": str(world.ids["attempt_id"]), "decision": "hold", "note": "matrix"}},
    ("POST", "/api/v1/sets/<int:set_id>/invitations"): {"json": {"name": "Dee Example", "email": "dee@example.com",
                                                                  "send_email": False}},
    ("PUT", "/api/v1/candidate/challenges/<slug>/draft"): {"json": CODE},
    ("POST", "/c/<token>/signals"): {"json": SIGNALS},
    ("POST", "/api/v1/candidate/signals"): {"json": SIGNALS},
    ("POST", "/manager/flags/<int:flag_id>/review"): {"data": {"note": "matrix"}},
    ("POST", "/api/v1/candidate/challenges/<slug>/submissions"): {"json": CODE},
}


def count(model, **where):
    return db.session.scalar(db.select(db.func.count()).select_from(model).filter_by(**where))


# What the allowed requests of a row changed, and nothing more (checked after the row's requests).
EFFECTS = {
    ("POST", "/admin/staff"):
        lambda w: count(models.User, email="new.colleague@example.com") == 1,
    ("POST", "/admin/integrations"):
        lambda w: count(models.Webhook, url="https://hr.example.com/hooks/matrix") == 1,
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>"):
        lambda w: count(models.Webhook, id=w.ids["webhook_id"], url="https://hr.example.com/hooks/edited",
                        active=False) == 1,
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/ping"):
        lambda w: count(models.WebhookDelivery, webhook_id=w.ids["webhook_id"], event="ping") == 2,
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/secret"):
        lambda w: count(models.Webhook, id=w.ids["webhook_id"], secret=w.ids["webhook_secret"]) == 0,
    ("POST", "/admin/integrations/webhooks/<int:webhook_id>/delete"):
        lambda w: count(models.Webhook, id=w.ids["webhook_id"]) == 0,
    ("POST", "/interviewer/sets/new"):
        lambda w: count(models.ChallengeSet, name="Matrix set") == 3,
    ("POST", "/interviewer/sets/<int:set_id>/edit"):
        lambda w: count(models.ChallengeSet, id=w.ids["set_id"], name="Matrix set", time_limit_min=45) == 1,
    ("POST", "/interviewer/sets/<int:set_id>/invitations"):
        lambda w: count(models.Invitation, candidate_email="dee@example.com") == 2,
    ("POST", "/interviewer/sets/<int:set_id>/invitations/csv"):
        lambda w: count(models.Invitation, candidate_email="eve@example.com") == 2,
    ("POST", "/interviewer/invitations/<int:invitation_id>/revoke"):
        lambda w: count(models.Invitation, id=w.ids["invitation_id"], revoked_at=None) == 0,
    ("POST", "/account/tokens/<int:token_id>/revoke"):
        lambda w: count(models.ApiToken, id=w.ids["token_id"], revoked_at=None) == 0,
    ("POST", "/manager/flags/<int:flag_id>/review"):
        lambda w: count(models.IntegrityFlag, id=w.ids["flag_id"], review_note="matrix") == 1,
    ("POST", "/c/<token>/signals"):
        lambda w: count(models.BehaviourEvent, kind="paste") == 2,
    ("POST", "/api/v1/candidate/signals"):
        lambda w: count(models.BehaviourEvent, kind="paste") == 2,
    ("POST", "/api/v1/sets"):
        lambda w: count(models.ChallengeSet, name="API set") == 3,
    ("POST", "/api/v1/sets/<int:set_id>/invitations"):
        lambda w: count(models.Invitation, candidate_email="dee@example.com") == 2,
}


@dataclass
class World:
    """The ids, links, API tokens and signed-in clients one matrix row runs against."""

    app: object
    clients: dict = field(default_factory=dict)
    emails: dict = field(default_factory=dict)
    api_tokens: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)        # candidate actors -> their invitation token
    ids: dict = field(default_factory=dict)

    def setup_token(self):
        """A fresh staff set-up link token (an admin invited a colleague)."""
        from assessor.services import staff

        with self.app.app_context():
            admin = db.session.scalar(db.select(models.User).filter_by(email=self.emails["admin"]))
            _user, link = staff.invite_staff(f"colleague-{uuid.uuid4().hex[:8]}@example.com", "Colleague",
                                             "interviewer", admin)
        return link.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def password_hash():
    """One scrypt hash of PASSWORD with light parameters, shared by the staff of every row (speed)."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PASSWORD, method="scrypt:1024:8:1")


@pytest.fixture
def world(app, password_hash):
    from assessor.services import integrity, invitations, sets, submissions, tokens, webhooks

    built = World(app)
    with app.app_context():
        db.session.add_all([models.User(email=f"{actor}@example.com", name=actor, role=role,
                                        password_hash=password_hash) for actor, role in STAFF.items()])
        db.session.commit()
    for actor in STAFF:
        email = f"{actor}@example.com"
        client = app.test_client()
        assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
        built.clients[actor], built.emails[actor] = client, email
    for actor in ("anonymous", "other_candidate", "candidate"):
        built.clients[actor] = app.test_client()

    with app.app_context():
        users = {actor: db.session.scalar(db.select(models.User).filter_by(email=email))
                 for actor, email in built.emails.items()}
        challenge_set = sets.save_set(None, name="Backend screen", slugs=["sum-pairs"], time_limit_min=60,
                                      languages=None, show_hidden_results=True, created_by=users["owner"])
        mine, built.links["candidate"] = invitations.invite(challenge_set, "Ada", "ada@example.com",
                                                            created_by=users["owner"])
        theirs, built.links["other_candidate"] = invitations.invite(challenge_set, "Bob", "bob@example.com",
                                                                    created_by=users["owner"])
        spare, _ = invitations.invite(challenge_set, "Cy", "cy@example.com", created_by=users["owner"])
        attempt = invitations.start_attempt(mine)
        other_attempt = invitations.start_attempt(theirs)
        challenge = challenge_set.challenges[0]
        submission = submissions.submit(attempt, challenge, CODE["language"], CODE["files"])
        submissions.submit(other_attempt, challenge, CODE["language"], CODE["files"])
        for actor, user in users.items():
            built.api_tokens[actor] = tokens.create(user, "matrix")[1]
        spare_token, _ = tokens.create(users["owner"], "spare")
        hook = webhooks.create("https://hr.example.com/hooks/world", ["attempt.submitted", "attempt.graded"])
        delivery = webhooks.ping(hook)
        match = models.SimilarityMatch(challenge_id=challenge.id, language="python", submission=submission,
                                       other_source="reference", score=0.9, regions=[["solution.py", [1, 2],
                                                                                      "solution.py", [1, 2], 20]])
        db.session.add(match)
        db.session.flush()
        flag = integrity.upsert(attempt.id, f"similarity:{challenge.id}:reference", "similarity",
                                "Count pairs: 90% of the smaller solution matches the reference solution",
                                challenge_id=challenge.id, score=0.9, match_id=match.id)
        db.session.commit()
        built.ids = {"set_id": challenge_set.id, "invitation_id": spare.id, "attempt_id": attempt.id,
                     "submission_id": submission.id, "token_id": spare_token.id, "slug": "sum-pairs",
                     "webhook_id": hook.id, "delivery_id": delivery.id, "webhook_secret": hook.secret,
                     "match_id": match.id, "flag_id": flag.id}
    return built


def token_in_url(world, rule, actor):
    """What the actor puts where a rule has <token>."""
    if actor in world.links:                       # candidates use their own link, wherever it is asked for
        return world.links[actor]
    if rule.startswith("/account/setup/"):
        return world.setup_token()
    return UNKNOWN_LINK                            # anonymous and staff hold no candidate link


def build_path(world, rule, actor, **override):
    values = dict(world.ids, token=token_in_url(world, rule, actor), **override)
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: str(values[m.group(1)]), rule), values


def call(world, method, rule, actor, **override):
    """The actor's request to the rule; returns (response or None, path, values, error text)."""
    path, values = build_path(world, rule, actor, **override)
    body = BODIES.get((method, rule), {})
    kwargs = dict(body(world, actor) if callable(body) else body)
    if rule.startswith("/api/v1/"):
        bearer = world.links.get(actor) or world.api_tokens.get(actor)
        if bearer:
            kwargs["headers"] = {"Authorization": f"Bearer {bearer}"}
    try:
        response = world.clients[actor].open(path, method=method, **kwargs)
    except Exception as error:  # an exception escaping a view is a 500: report it with the others
        return None, path, values, f"500 (raised {type(error).__name__}: {error})"
    return response, path, values, None


def check(response, expected, rule, values):
    """A list of what is wrong with the response (empty when it is as expected)."""
    problems = []
    status, pattern = (expected, None) if isinstance(expected, int) else expected
    if response.status_code != status:   # no row expects a 5xx, so a server error always lands here
        problems.append(f"{'SERVER ERROR: ' if response.status_code >= 500 else ''}"
                        f"expected {status}, got {response.status_code}"
                        + (f" -> {response.headers.get('Location')}" if response.status_code in (301, 302) else ""))
    elif pattern is not None:
        location = urlsplit(response.headers.get("Location", "")).path
        wanted = pattern.format(**values)
        if not re.fullmatch(wanted, location):
            problems.append(f"expected a redirect to {wanted}, got {location!r}")
    if rule.startswith("/api/v1/") and response.status_code >= 400:
        payload = response.get_json(silent=True)
        error = payload.get("error") if isinstance(payload, dict) else None
        if not (isinstance(error, dict) and isinstance(error.get("code"), str)
                and isinstance(error.get("message"), str)):
            problems.append(f"API error is not {{'error': {{'code', 'message'}}}} JSON: {response.data[:120]!r}")
    return problems


def test_matrix_covers_every_route(app):
    """A new route (or a new method on a route) without a row here fails this test."""
    routes = {(method, rule.rule) for rule in app.url_map.iter_rules() if rule.endpoint != "static"
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    rows = [(method, rule) for method, rule, *_ in MATRIX]
    assert len(rows) == len(set(rows)), "a (method, rule) appears twice in MATRIX"
    assert set(rows) - routes == set(), "MATRIX rows for routes that do not exist"
    assert routes - set(rows) == set(), "routes without a MATRIX row"
    assert all(len(row) == 2 + len(ACTORS) for row in MATRIX)
    assert set(BODIES) <= set(rows) and set(EFFECTS) <= set(rows)
    assert all((want if isinstance(want, int) else want[0]) < 500 for row in MATRIX for want in row[2:])


@pytest.mark.parametrize("method, rule, expected", [(row[0], row[1], row[2:]) for row in MATRIX],
                         ids=[f"{row[0]} {row[1]}" for row in MATRIX])
def test_who_gets_what(world, method, rule, expected):
    problems = []
    for actor, wanted in zip(ACTORS, expected, strict=True):
        response, path, values, error = call(world, method, rule, actor)
        found = [error] if error else check(response, wanted, rule, values)
        problems += [f"{actor}: {method} {path}: {problem}" for problem in found]
    effect = EFFECTS.get((method, rule))
    if effect is not None:
        with world.app.app_context():
            if not effect(world):
                problems.append(f"{method} {rule}: the allowed requests did not change exactly what they should")
    assert not problems, "\n".join(problems)


def test_ids_beyond_the_database_range_are_404_not_500(world):
    """Every <int:...> of every route, given an id no INTEGER column can hold (PostgreSQL's are 32 bits,
    SQLite's 64), by an actor who may use the route: the record does not exist, so 404 (JSON under
    /api/v1), never a server error."""
    rows = [(method, rule) for method, rule, *_ in MATRIX if "<int:" in rule]
    assert len(rows) >= 9
    problems = []
    for huge in (2 ** 31, 2 ** 64):
        for method, rule in rows:
            actor = "candidate" if rule.startswith(("/c/", "/api/v1/candidate")) else "admin"
            ids = {name: huge for name in re.findall(r"<int:([a-z_]+)>", rule)}
            response, path, values, error = call(world, method, rule, actor, **ids)
            found = [error] if error else check(response, 404, rule, values)
            problems += [f"{actor}: {method} {path}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)
