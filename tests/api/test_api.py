"""The JSON API (/api/v1) end to end through the Flask test client: the OpenAPI document, the staff token
flow, validation errors, and a candidate's whole assessment with the token of their link.

No worker runs here: submissions are queued on the real Redis and stay `queued`.
"""

import re
from datetime import datetime, timedelta

import pytest

from assessor.extensions import db
from assessor.models import ApiToken, Attempt, ChallengeSet, Invitation, OutboxMessage, User, utcnow

CODE = "def count_pairs(numbers, target):\n    return 0\n"
FILES = {"solution.py": CODE}
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status, code=None):
    """An API refusal: the status, and a JSON body {"error": {"code": ..., "message": ...}}."""
    assert response.status_code == status, (response.status_code, response.data[:300])
    assert response.is_json, f"not JSON: {response.content_type}: {response.data[:120]!r}"
    error = response.get_json()["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error


@pytest.fixture
def staff(app, make_staff):
    """Factory: a staff member of a role with an API token; returns (token row id, plain token)."""
    from assessor.services import tokens

    def make(role="interviewer"):
        email, _ = make_staff(role)
        with app.app_context():
            user = db.session.scalar(db.select(User).filter_by(email=email))
            row, plain = tokens.create(user, f"{role} tests")
            return row.id, plain

    return make


def create_set(client, token, **fields):
    body = {"name": "Backend screen", "challenges": ["sum-pairs"], **fields}
    response = client.post("/api/v1/sets", json=body, headers=bearer(token))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def invite(client, token, set_id, name="Grace Hopper", email="grace@example.com", **fields):
    """Invite through the API; returns (invitation JSON, the candidate's token from the link)."""
    response = client.post(f"/api/v1/sets/{set_id}/invitations", headers=bearer(token),
                           json={"name": name, "email": email, "send_email": False, **fields})
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    return created, created["link"].split("/c/", 1)[1]


def count(model, **where):
    return db.session.scalar(db.select(db.func.count()).select_from(model).filter_by(**where))


# --- the OpenAPI document -------------------------------------------------------------------------

def api_rules(app):
    """(path as OpenAPI writes it, method) of every /api/v1 rule of the app."""
    return {(re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"{\1}", rule.rule), method)
            for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()


def test_openapi_document_is_a_valid_looking_openapi_3_1_document(client):
    doc = openapi(client)
    assert re.fullmatch(r"3\.1\.\d+", doc["openapi"])
    assert isinstance(doc["info"]["title"], str) and doc["info"]["title"]
    assert isinstance(doc["info"]["version"], str) and doc["info"]["version"]
    assert doc["servers"][0]["url"] == "/api/v1"
    schemas = doc["components"]["schemas"]
    schemes = doc["components"]["securitySchemes"]
    assert all(scheme == {"type": "http", "scheme": "bearer"} for scheme in schemes.values())
    assert schemas["Error"]["properties"]["error"]["required"] == ["code", "message"]
    assert doc["paths"], "no paths"
    for path, item in doc["paths"].items():
        assert path.startswith("/") and not path.startswith("/api/v1"), "paths are relative to the server URL"
        placeholders = set(re.findall(r"{([^}]+)}", path))
        assert item and set(item) <= METHODS, path
        for method, operation in item.items():
            where = f"{method.upper()} {path}"
            assert operation["summary"], where
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert declared == placeholders, where
            assert all(p["required"] is True for p in operation.get("parameters", []) if p["in"] == "path"), where
            assert any(re.fullmatch(r"2\d\d", status) for status in operation["responses"]), where
            assert all(response["description"] for response in operation["responses"].values()), where
            for requirement in operation.get("security", []):
                assert set(requirement) <= set(schemes), where

    def refs(node):
        if isinstance(node, dict):
            yield from ([node["$ref"]] if "$ref" in node else [])
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    found = list(refs(doc))
    assert found
    for ref in found:
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas, ref


def test_openapi_paths_cover_every_api_rule(app, client):
    doc = openapi(client)
    base = doc["servers"][0]["url"].rstrip("/")
    documented = {(base + path, method.upper()) for path, item in doc["paths"].items() for method in item}
    routes = api_rules(app)
    assert routes - documented == set(), "API routes missing from the OpenAPI document"
    assert documented - routes == set(), "the OpenAPI document describes routes that do not exist"


def test_openapi_operations_say_which_token_they_take(client):
    doc = openapi(client)
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            names = {name for requirement in operation["security"] for name in requirement}
            expected = {"invitationToken"} if path.startswith("/candidate") else {"staffToken"}
            if path == "/openapi.json":
                expected = set()                        # the document itself is public
            assert names == expected, f"{method.upper()} {path}"


# --- staff: sets and invitations ------------------------------------------------------------------

def test_staff_create_list_get_a_set_and_invite(app, client, staff):
    _, token = staff("interviewer")
    fields = {"name": "Backend screen", "challenges": ["sum-pairs"], "time_limit_min": 45,
              "languages": ["python"], "show_hidden_results": True, "description": "Take your time."}
    response = client.post("/api/v1/sets", json=fields, headers=bearer(token))
    assert response.status_code == 201
    created = response.get_json()
    assert {key: created[key] for key in fields} == fields
    assert isinstance(created["id"], int)
    assert datetime.fromisoformat(created["created_at"]).tzinfo is not None

    listed = client.get("/api/v1/sets", headers=bearer(token))
    assert listed.status_code == 200
    assert [(s["id"], s["name"]) for s in listed.get_json()["sets"]] == [(created["id"], "Backend screen")]

    fetched = client.get(f"/api/v1/sets/{created['id']}", headers=bearer(token))
    assert fetched.status_code == 200
    assert fetched.get_json() == {**created, "invitations": []}

    response = client.post(f"/api/v1/sets/{created['id']}/invitations", headers=bearer(token),
                           json={"name": "Grace Hopper", "email": "Grace@Example.com", "extra_minutes": 15,
                                 "send_email": False})
    assert response.status_code == 201
    invitation = response.get_json()
    assert "/c/" in invitation["link"]
    assert invitation["link"].startswith("http://localhost/c/")
    assert (invitation["name"], invitation["email"], invitation["set_id"]) == (
        "Grace Hopper", "grace@example.com", created["id"])
    assert (invitation["status"], invitation["extra_minutes"], invitation["attempt_id"]) == ("invited", 15, None)
    assert datetime.fromisoformat(invitation["expires_at"]) > datetime.fromisoformat(created["created_at"])
    with app.app_context():
        assert count(OutboxMessage, recipient="grace@example.com") == 0, "send_email: false sends nothing"

    listed = client.get(f"/api/v1/sets/{created['id']}", headers=bearer(token)).get_json()["invitations"]
    assert [i["id"] for i in listed] == [invitation["id"]]
    assert "link" not in listed[0], "the link is shown only once"

    link_token = invitation["link"].split("/c/", 1)[1]
    overview = client.get("/api/v1/candidate", headers=bearer(link_token))
    assert overview.status_code == 200
    assert overview.get_json()["set"]["time_limit_min"] == 45 + 15


def test_an_invitation_is_emailed_unless_told_not_to(app, client, staff):
    _, token = staff("admin")
    challenge_set = create_set(client, token)
    response = client.post(f"/api/v1/sets/{challenge_set['id']}/invitations", headers=bearer(token),
                           json={"name": "Ada Lovelace", "email": "ada@example.com"})
    assert response.status_code == 201
    with app.app_context():
        message = db.session.scalar(db.select(OutboxMessage).filter_by(recipient="ada@example.com"))
        assert message is not None and response.get_json()["link"] in message.body


def test_library_lists_the_fixture_challenges(client, staff):
    _, token = staff("manager")
    response = client.get("/api/v1/challenges", headers=bearer(token))
    assert response.status_code == 200
    listed = {c["slug"]: (c["kind"], c["languages"]) for c in response.get_json()["challenges"]}
    every_language = ["csharp", "go", "java", "javascript", "php", "python", "ruby"]
    assert listed == {"sum-pairs": ("unit", ["python", "javascript", "java"]), "mean-of-numbers": ("io", every_language),
                      "notes-api": ("http", ["python"]), "top-customers": ("sql", ["sql"])}
    only_io = client.get("/api/v1/challenges?kind=io", headers=bearer(token)).get_json()["challenges"]
    assert [c["slug"] for c in only_io] == ["mean-of-numbers"]


BAD_SETS = [
    ("missing name", {"challenges": ["sum-pairs"]}),
    ("blank name", {"name": "   ", "challenges": ["sum-pairs"]}),
    ("unknown challenge slug", {"name": "X", "challenges": ["no-such-challenge"]}),
    ("no challenges", {"name": "X", "challenges": []}),
    ("challenges not a list", {"name": "X", "challenges": "sum-pairs"}),
    ("challenge twice", {"name": "X", "challenges": ["sum-pairs", "sum-pairs"]}),
    ("time limit 0", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": 0}),
    ("time limit negative", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": -5}),
    ("time limit over 8 h", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": 481}),
    ("time limit a string", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": "90"}),
    ("time limit a float", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": 1.5}),
    ("time limit a boolean", {"name": "X", "challenges": ["sum-pairs"], "time_limit_min": True}),
    ("language no challenge offers", {"name": "X", "challenges": ["sum-pairs"], "languages": ["cobol"]}),
    ("name null", {"name": None, "challenges": ["sum-pairs"]}),
    ("name over 200 characters", {"name": "x" * 201, "challenges": ["sum-pairs"]}),
    ("show_hidden_results a string", {"name": "X", "challenges": ["sum-pairs"], "show_hidden_results": "false"}),
]


@pytest.mark.parametrize("body", [body for _, body in BAD_SETS], ids=[name for name, _ in BAD_SETS])
def test_bad_set_bodies_are_400_json_and_create_nothing(app, client, staff, body):
    _, token = staff("interviewer")
    assert_error(client.post("/api/v1/sets", json=body, headers=bearer(token)), 400)
    with app.app_context():
        assert count(ChallengeSet) == 0


NOT_JSON = [
    ("form body", {"data": {"name": "X", "challenges": "sum-pairs"}}),
    ("malformed JSON", {"data": '{"name": "X",', "content_type": "application/json"}),
    ("JSON array", {"json": ["name", "X"]}),
    ("JSON string", {"json": "X"}),
    ("no body", {}),
]


@pytest.mark.parametrize("request_kwargs", [kwargs for _, kwargs in NOT_JSON], ids=[name for name, _ in NOT_JSON])
def test_a_body_that_is_not_a_json_object_is_400_json(app, client, staff, request_kwargs):
    _, token = staff("interviewer")
    assert_error(client.post("/api/v1/sets", headers=bearer(token), **request_kwargs), 400, "bad_request")
    challenge_set = create_set(client, token)
    assert_error(client.post(f"/api/v1/sets/{challenge_set['id']}/invitations", headers=bearer(token),
                             **request_kwargs), 400, "bad_request")
    with app.app_context():
        assert (count(ChallengeSet), count(Invitation)) == (1, 0)


BAD_INVITATIONS = [
    ("email not an email", {"name": "Grace", "email": "not-an-email"}),
    ("email with a space", {"name": "Grace", "email": "grace hopper@example.com"}),
    ("missing email", {"name": "Grace"}),
    ("missing name", {"email": "grace@example.com"}),
    ("name null", {"name": None, "email": "grace@example.com"}),
    ("extra minutes a string", {"name": "Grace", "email": "grace@example.com", "extra_minutes": "15"}),
    ("extra minutes negative", {"name": "Grace", "email": "grace@example.com", "extra_minutes": -1}),
    ("extra minutes over 8 h", {"name": "Grace", "email": "grace@example.com", "extra_minutes": 481}),
]


@pytest.mark.parametrize("body", [body for _, body in BAD_INVITATIONS], ids=[name for name, _ in BAD_INVITATIONS])
def test_bad_invitation_bodies_are_400_json_and_invite_nobody(app, client, staff, body):
    _, token = staff("interviewer")
    challenge_set = create_set(client, token)
    response = client.post(f"/api/v1/sets/{challenge_set['id']}/invitations", headers=bearer(token),
                           json={**body, "send_email": False})
    assert_error(response, 400)
    with app.app_context():
        assert count(Invitation) == 0


def test_unknown_ids_are_404_json(client, staff):
    _, token = staff("admin")
    assert_error(client.get("/api/v1/sets/999", headers=bearer(token)), 404)
    assert_error(client.post("/api/v1/sets/999/invitations", headers=bearer(token),
                             json={"name": "Grace", "email": "grace@example.com"}), 404)
    assert_error(client.get("/api/v1/attempts/999", headers=bearer(token)), 404)


def test_roles_and_ownership_are_enforced_with_json_errors(client, staff):
    _, owner = staff("interviewer")
    _, colleague = staff("interviewer")
    _, manager = staff("manager")
    _, admin = staff("admin")
    challenge_set = create_set(client, owner)
    assert_error(client.post("/api/v1/sets", json={"name": "X", "challenges": ["sum-pairs"]},
                             headers=bearer(manager)), 403, "forbidden")
    for token in (colleague, manager):
        assert_error(client.post(f"/api/v1/sets/{challenge_set['id']}/invitations", headers=bearer(token),
                                 json={"name": "Grace", "email": "grace@example.com"}), 403, "forbidden")
    invite(client, admin, challenge_set["id"])
    for token in (colleague, manager):
        assert client.get(f"/api/v1/sets/{challenge_set['id']}", headers=bearer(token)).status_code == 200


# --- authentication ---------------------------------------------------------------------------------

def test_a_revoked_api_token_is_401(app, client, staff):
    from assessor.services import tokens

    row_id, token = staff("interviewer")
    assert client.get("/api/v1/sets", headers=bearer(token)).status_code == 200
    with app.app_context():
        tokens.revoke(db.session.get(ApiToken, row_id))
    for response in (client.get("/api/v1/sets", headers=bearer(token)),
                     client.post("/api/v1/sets", json={"name": "X", "challenges": ["sum-pairs"]},
                                 headers=bearer(token))):
        assert_error(response, 401, "unauthorized")
    with app.app_context():
        assert count(ChallengeSet) == 0


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer ast_not-a-real-token"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "not-even-a-scheme"},
], ids=["none", "empty bearer", "unknown token", "basic auth", "garbage"])
def test_no_valid_staff_token_is_401_json(client, headers):
    assert_error(client.get("/api/v1/sets", headers=headers), 401, "unauthorized")


def test_a_signed_in_session_is_not_an_api_credential(client, login):
    login("admin")
    assert client.get("/interviewer/sets").status_code == 200
    assert_error(client.get("/api/v1/sets"), 401, "unauthorized")
    assert_error(client.post("/api/v1/sets", json={"name": "X", "challenges": ["sum-pairs"]}), 401, "unauthorized")


def test_a_token_works_only_with_its_own_kind(client, staff):
    _, token = staff("admin")
    challenge_set = create_set(client, token)
    _, link_token = invite(client, token, challenge_set["id"])
    assert_error(client.get("/api/v1/sets", headers=bearer(link_token)), 401, "unauthorized")
    assert_error(client.get("/api/v1/candidate", headers=bearer(token)), 404, "invalid_link")


# --- routing errors are JSON too ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/sets/not-a-number", "/api/v1/candidate/whatever/else"])
def test_an_unknown_api_route_is_404_json(client, staff, path):
    _, token = staff("admin")
    assert_error(client.get(path, headers=bearer(token)), 404)


@pytest.mark.parametrize("method, path", [
    ("DELETE", "/api/v1/sets"),
    ("PUT", "/api/v1/sets/1"),
    ("GET", "/api/v1/candidate/start"),
    ("POST", "/api/v1/openapi.json"),
])
def test_a_wrong_method_is_405_json(client, staff, method, path):
    _, token = staff("admin")
    response = client.open(path, method=method, headers=bearer(token))
    assert_error(response, 405)
    assert response.headers.get("Allow")


# --- a candidate's assessment through the API -------------------------------------------------------

@pytest.fixture
def assessment(client, staff):
    """A set of the fixture challenge made by an interviewer, and two invited candidates' tokens."""
    _, interviewer = staff("interviewer")
    challenge_set = create_set(client, interviewer, time_limit_min=30)
    invited, mine = invite(client, interviewer, challenge_set["id"])
    _, theirs = invite(client, interviewer, challenge_set["id"], name="Alan Turing", email="alan@example.com")
    return {"staff": interviewer, "set": challenge_set, "invitation": invited, "mine": mine, "theirs": theirs}


def test_a_candidate_takes_the_assessment_through_the_api(client, assessment):
    me, staff_token = bearer(assessment["mine"]), bearer(assessment["staff"])

    overview = client.get("/api/v1/candidate", headers=me)
    assert overview.status_code == 200
    body = overview.get_json()
    assert body["attempt"] is None
    assert (body["set"]["name"], body["set"]["time_limit_min"], body["candidate"]["name"]) == (
        "Backend screen", 30, "Grace Hopper")
    assert [(c["slug"], c["languages"]) for c in body["challenges"]] == [("sum-pairs", ["python", "javascript", "java"])]
    assert_error(client.get("/api/v1/candidate/challenges/sum-pairs", headers=me), 409, "not_started")

    started = client.post("/api/v1/candidate/start", headers=me)
    assert started.status_code == 201
    attempt = started.get_json()
    began, deadline = (datetime.fromisoformat(attempt[key]) for key in ("started_at", "deadline_at"))
    assert deadline - began == timedelta(minutes=30)
    assert attempt["finished_at"] is None
    again = client.post("/api/v1/candidate/start", headers=me)
    assert (again.status_code, again.get_json()) == (201, attempt), "a second start does not reset the clock"
    assert client.get("/api/v1/candidate", headers=me).get_json()["attempt"]["open"] is True

    page = client.get("/api/v1/candidate/challenges/sum-pairs", headers=me)
    assert page.status_code == 200
    challenge = page.get_json()
    assert isinstance(challenge["statement"], str) and challenge["statement"].strip()
    assert challenge["languages"] == ["python", "javascript", "java"]
    assert "def count_pairs" in challenge["starters"]["python"]["solution.py"]
    assert "countPairs" in challenge["starters"]["java"]["Solution.java"]
    assert challenge["drafts"] == {}
    assert_error(client.get("/api/v1/candidate/challenges/log-summary", headers=me), 404)

    saved = client.put("/api/v1/candidate/challenges/sum-pairs/draft", headers=me,
                       json={"language": "python", "files": FILES})
    assert saved.status_code == 200
    assert datetime.fromisoformat(saved.get_json()["saved_at"])
    challenge = client.get("/api/v1/candidate/challenges/sum-pairs", headers=me).get_json()
    assert challenge["drafts"] == {"python": FILES}
    assert challenge["language"] == "python"

    submitted = client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me,
                            json={"language": "python", "files": FILES})
    assert submitted.status_code == 202
    status = submitted.get_json()
    assert (status["status"], status["visible"]) == ("queued", False)
    polled = client.get(f"/api/v1/candidate/submissions/{status['id']}", headers=me)
    assert polled.status_code == 200
    assert (polled.get_json()["id"], polled.get_json()["status"]) == (status["id"], "queued")

    them = bearer(assessment["theirs"])
    assert client.post("/api/v1/candidate/start", headers=them).status_code == 201
    assert_error(client.get(f"/api/v1/candidate/submissions/{status['id']}", headers=them), 404)

    seen = client.get(f"/api/v1/attempts/{attempt['id']}", headers=staff_token)
    assert seen.status_code == 200
    (submission,) = seen.get_json()["submissions"]
    assert (submission["id"], submission["status"], submission["files"]) == (status["id"], "queued", FILES)
    assert (submission["challenge"], submission["language"], submission["examples_only"]) == (
        "sum-pairs", "python", False)

    finished = client.post("/api/v1/candidate/finish", headers=me)
    assert finished.status_code == 200
    assert finished.get_json() == {"finished": True, "submitted": []}, "the draft was already submitted as is"
    assert_error(client.put("/api/v1/candidate/challenges/sum-pairs/draft", headers=me,
                            json={"language": "python", "files": {"solution.py": "late = True\n"}}),
                 409, "deadline_passed")
    assert_error(client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me,
                             json={"language": "python", "files": FILES}), 409, "deadline_passed")
    after = client.get("/api/v1/candidate", headers=me).get_json()["attempt"]
    assert after["open"] is False and after["finished_at"] is not None
    assert client.get("/api/v1/candidate/challenges/sum-pairs", headers=me).get_json()["drafts"] == {
        "python": FILES}, "the last draft is kept"
    assert client.post("/api/v1/candidate/finish", headers=me).status_code == 200
    assert client.get(f"/api/v1/candidate/submissions/{status['id']}", headers=me).status_code == 200

    staff_view = client.get(f"/api/v1/attempts/{attempt['id']}", headers=staff_token).get_json()
    assert staff_view["finish_reason"] == "finished" and len(staff_view["submissions"]) == 1
    assert staff_view["candidate"] == {"name": "Grace Hopper", "email": "grace@example.com"}
    assert staff_view["set_id"] == assessment["set"]["id"]
    invitations = client.get(f"/api/v1/sets/{assessment['set']['id']}", headers=staff_token).get_json()["invitations"]
    assert {i["email"]: i["status"] for i in invitations} == {"grace@example.com": "submitted",
                                                              "alan@example.com": "in progress"}


def test_finish_submits_a_draft_newer_than_the_last_submission(client, assessment):
    me = bearer(assessment["mine"])
    attempt = client.post("/api/v1/candidate/start", headers=me).get_json()
    assert client.put("/api/v1/candidate/challenges/sum-pairs/draft", headers=me,
                      json={"language": "python", "files": FILES}).status_code == 200
    finished = client.post("/api/v1/candidate/finish", headers=me)
    assert finished.status_code == 200
    (made,) = finished.get_json()["submitted"]
    (submission,) = client.get(f"/api/v1/attempts/{attempt['id']}",
                               headers=bearer(assessment["staff"])).get_json()["submissions"]
    assert (submission["id"], submission["automatic"], submission["status"], submission["files"]) == (
        made, True, "queued", FILES)


def test_candidate_requests_before_start_are_409(client, assessment):
    me = bearer(assessment["mine"])
    assert_error(client.put("/api/v1/candidate/challenges/sum-pairs/draft", headers=me,
                            json={"language": "python", "files": FILES}), 409, "not_started")
    assert_error(client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me,
                             json={"language": "python", "files": FILES}), 409, "not_started")
    assert_error(client.post("/api/v1/candidate/finish", headers=me), 409, "not_started")


@pytest.mark.parametrize("body, code", [
    ({"language": "cobol", "files": FILES}, "unsupported_language"),
    ({"language": "python"}, "bad_request"),
    ({"language": "python", "files": ["solution.py"]}, "bad_request"),
    ({"language": "python", "files": {"../evil.py": "x = 1\n"}}, "bad_submission"),
])
def test_bad_submissions_are_400_json(app, client, assessment, body, code):
    me = bearer(assessment["mine"])
    assert client.post("/api/v1/candidate/start", headers=me).status_code == 201
    assert_error(client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me, json=body), 400, code)
    assert_error(client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me, data="files"), 400,
                 "bad_request")
    with app.app_context():
        assert db.session.scalar(db.select(Attempt)).submissions == []


CANDIDATE_CALLS = [
    ("GET", "/api/v1/candidate", None),
    ("POST", "/api/v1/candidate/start", None),
    ("GET", "/api/v1/candidate/challenges/sum-pairs", None),
    ("PUT", "/api/v1/candidate/challenges/sum-pairs/draft", {"language": "python", "files": FILES}),
    ("POST", "/api/v1/candidate/challenges/sum-pairs/submissions", {"language": "python", "files": FILES}),
    ("POST", "/api/v1/candidate/finish", None),
]


def every_candidate_call(client, token, status, code):
    for method, path, body in CANDIDATE_CALLS:
        assert_error(client.open(path, method=method, headers=bearer(token), json=body), status, code)


def test_an_expired_invitation_is_410_json(app, client, assessment):
    with app.app_context():
        row = db.session.get(Invitation, assessment["invitation"]["id"])
        row.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    every_candidate_call(client, assessment["mine"], 410, "expired_link")
    assert client.get("/api/v1/candidate", headers=bearer(assessment["theirs"])).status_code == 200


def test_a_revoked_invitation_is_410_json_even_after_start(app, client, assessment):
    from assessor.services import invitations

    me = bearer(assessment["mine"])
    assert client.post("/api/v1/candidate/start", headers=me).status_code == 201
    submitted = client.post("/api/v1/candidate/challenges/sum-pairs/submissions", headers=me,
                            json={"language": "python", "files": FILES}).get_json()
    with app.app_context():
        invitations.revoke(db.session.get(Invitation, assessment["invitation"]["id"]))
    every_candidate_call(client, assessment["mine"], 410, "revoked_link")
    assert_error(client.get(f"/api/v1/candidate/submissions/{submitted['id']}", headers=me), 410, "revoked_link")


def test_a_resent_invitation_retires_the_old_token(app, client, assessment):
    from assessor.services import invitations

    with app.app_context():
        fresh = invitations.resend(db.session.get(Invitation, assessment["invitation"]["id"]))
    every_candidate_call(client, assessment["mine"], 404, "invalid_link")
    assert client.get("/api/v1/candidate", headers=bearer(fresh)).status_code == 200


def test_candidate_calls_without_a_token_are_401_json(client):
    for method, path, body in CANDIDATE_CALLS:
        assert_error(client.open(path, method=method, json=body), 401, "unauthorized")


def test_text_with_a_nul_character_is_refused_clearly_and_stores_nothing(app, client, staff, login):
    """PostgreSQL cannot store NUL in text: it is a 400 naming the problem, on SQLite as on PostgreSQL."""
    _, token = staff("interviewer")
    response = client.post("/api/v1/sets", json={"name": "Backend\x00screen", "challenges": ["sum-pairs"],
                                                 "time_limit_min": 30}, headers=bearer(token))
    assert_error(response, 400)
    assert "NUL character" in response.get_json()["error"]["message"]
    assert client.get("/api/v1/sets", headers=bearer(token)).get_json()["sets"] == []
    login("interviewer")
    page = client.post("/interviewer/sets/new", data={"name": "Screen\x00", "time_limit_min": "30",
                                                       "challenges": ["sum-pairs"]})
    assert page.status_code == 400 and b"NUL character" in page.data
