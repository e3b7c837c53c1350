"""The `service` fixture of `http` challenges: an HTTP client bound to the candidate's service.

    def test_create_note(service):
        response = service.post("/notes", json={"text": "hello"})
        assert response.status == 201
        assert response.headers["location"] == f"/notes/{response.json()['id']}"

Requests: `service.get(path)`, `.post/.put/.patch/.delete(path, json=..., body=..., headers=...)`,
`.request(method, path, ...)`; `service.base_url` is the service's address. A response has
`.status`, `.reason`, `.headers` (names case-insensitive), `.body` (bytes), `.text` and `.json()`.

Every request opens its own connection and must be answered in full within the test's time left.
What a failed exchange means (timeout, crash) is the harness's business: it passes `call`.

`service` is a function-scoped fixture. The service runs for the whole run, but it is started
again after it crashed or timed out, losing what it kept in memory: each test creates the data it
needs. A response is data the candidate chose: compare it with expected values; never let a
test's verdict follow from what the response says about itself.
"""

import http.client
import json as json_codec
import socket
import threading

BODY_BYTES = 4 * 1024 * 1024     # a larger answer fails the test instead of filling the harness's memory
NO_JSON = object()


class Headers(dict):
    """Response headers by lower-cased name; repeated headers are joined with ', '."""

    def __init__(self, pairs=()):
        super().__init__()
        for name, value in pairs:
            key = name.lower()
            super().__setitem__(key, f"{super().__getitem__(key)}, {value}" if key in self else value)

    def __getitem__(self, name):
        return super().__getitem__(name.lower())

    def __contains__(self, name):
        return isinstance(name, str) and super().__contains__(name.lower())

    def get(self, name, default=None):
        """The header's value, or default."""
        return super().get(name.lower(), default)


class Response:
    """What the service answered to one request."""

    def __init__(self, method, path, status, reason, headers, body):
        self.method, self.path = method, path
        self.status, self.reason, self.headers, self.body = status, reason, headers, body

    @property
    def text(self):
        """The body decoded as UTF-8 (undecodable bytes replaced)."""
        return self.body.decode("utf-8", "replace")

    def json(self):
        """The body parsed as JSON; a body that is not JSON fails the test."""
        try:
            return json_codec.loads(self.body)
        except ValueError:
            raise AssertionError(f"{self.method} {self.path} answered {self.status} with a body that is not "
                                 f"JSON: {self.text[:300]!r}") from None

    def __repr__(self):
        text = self.text
        return f"<{self.method} {self.path} -> {self.status} {text[:200]!r}{'...' if len(text) > 200 else ''}>"


class ServiceClient:
    """The object tests receive as `service`; `call(method, path, body, headers)` sends a request."""

    def __init__(self, call, base_url):
        self._call, self.base_url = call, base_url

    def __repr__(self):
        return f"<service at {self.base_url}>"

    def request(self, method, path, json=NO_JSON, body=None, headers=None):
        """Send a request: `json` is encoded as JSON (with its Content-Type), `body` (str or bytes) as is."""
        headers = dict(headers or {})
        if json is not NO_JSON:
            body = json_codec.dumps(json)
            if not any(name.lower() == "content-type" for name in headers):
                headers["Content-Type"] = "application/json"
        if isinstance(body, str):
            body = body.encode("utf-8")
        return self._call(method.upper(), path, body, headers)

    def get(self, path, **options):
        """GET path."""
        return self.request("GET", path, **options)

    def post(self, path, **options):
        """POST path."""
        return self.request("POST", path, **options)

    def put(self, path, **options):
        """PUT path."""
        return self.request("PUT", path, **options)

    def patch(self, path, **options):
        """PATCH path."""
        return self.request("PATCH", path, **options)

    def delete(self, path, **options):
        """DELETE path."""
        return self.request("DELETE", path, **options)


def exchange(host, port, method, path, body, headers, timeout):
    """One request on a fresh connection, answered in full within `timeout` s, else TimeoutError.

    A socket timeout only bounds each read; a timer cuts the connection so that a service sending
    one byte a second cannot stretch a test past its limit.
    """
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    expired = threading.Event()
    timer = None
    try:
        connection.connect()
        timer = threading.Timer(timeout, _cut, (connection.sock, expired))
        timer.daemon = True
        timer.start()
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read(BODY_BYTES + 1)
        if len(data) > BODY_BYTES:
            raise AssertionError(f"{method} {path}: the response body is larger than {BODY_BYTES // 2**20} MB")
        if expired.is_set():
            raise TimeoutError                      # the body was cut short by the timer
        if answer.length:                           # fewer bytes than its Content-Length promised
            raise http.client.IncompleteRead(data, answer.length)
        return Response(method, path, answer.status, answer.reason, Headers(answer.getheaders()), data)
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError(f"{method} {path} was not answered within {timeout:.1f} s") from None
        raise
    finally:
        if timer is not None:
            timer.cancel()
        connection.close()


def _cut(sock, expired):
    expired.set()
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
