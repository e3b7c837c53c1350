"""`http`: the candidate writes a small HTTP service; the challenge's pytest tests call its endpoints.

The tests are Python whatever language the service is written in: they run in the trusted harness
and reach the service over the container's loopback through the `service` fixture (see
sandbox/images/harness/service_client.py for what tests can do, run_http.py for how it runs).
"""

from . import Kind, register
from .unit import discover_pytest


class HttpKind(Kind):
    """Hidden pytest tests send requests to the candidate's service and check the responses."""

    name = "http"
    title = "HTTP service"

    def discover(self, folder, shown_as, language):
        return discover_pytest(folder, shown_as)

    def sends(self, path, language):
        return path.suffix == ".py"

    def tests(self, challenge, events, visible, language):
        # The service's log shows the requests it was sent: only an example run, whose tests the
        # candidate may read anyway, carries it, and only where a test did not pass.
        return [{**event, "output": str(event.get("output", "")) if visible and event.get("outcome") != "passed"
                 else ""} for event in events.get("test", [])]


register(HttpKind())
