"""Schemathesis generates requests from /api/v1/openapi.json for every operation, as a staff
member and as a candidate with a started attempt: whatever it sends, no answer is a server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.api.test_api import assessment, create_set, invite, staff  # noqa: F401  (fixtures and helpers)

EXAMPLES = 60          # per operation; about 10 s for the whole API


@pytest.fixture
def started(client, assessment):
    """The assessment of test_api.py with the candidate's attempt started."""
    assert client.post("/api/v1/candidate/start", headers={"Authorization": f"Bearer {assessment['mine']}"}
                       ).status_code == 201
    return assessment


def test_no_generated_request_gets_a_server_error(app, started):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    failures = []
    for operation in operations:
        token = started["mine"] if operation.path.startswith("/candidate") else started["staff"]
        try:
            probe(operation, token, failures)
        except AssertionError:
            pass                      # recorded, with the request that caused it
    assert failures == []


def probe(operation, token, failures):
    """Send EXAMPLES generated requests to one operation; note (and raise on) a server error."""

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def send(case):
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        if response.status_code >= 500:
            failures.append(f"{operation.method.upper()} {case.formatted_path} query={case.query} "
                            f"body={case.body!r:.200} -> {response.status_code}")
        assert response.status_code < 500

    send()
