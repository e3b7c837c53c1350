"""A real HTTP receiver for webhook tests: http.server on 127.0.0.1 in a thread, on a free port.

Each path answers from its own script of statuses (the last one repeats); every request is kept
with its headers and raw body, so tests check what really went over the wire."""

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    """One request as the receiver saw it."""

    path: str
    headers: dict
    body: bytes

    @property
    def payload(self) -> dict:
        """The body as JSON."""
        return json.loads(self.body)

    def signed_with(self, secret: str) -> bool:
        """Whether X-Assessor-Signature is the HMAC-SHA256 of "<timestamp>.<body>" with the secret (as the README says)."""
        expected = "sha256=" + hmac.new(secret.encode(), self.headers["X-Assessor-Timestamp"].encode() + b"." + self.body,
                                        hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.headers.get("X-Assessor-Signature", ""))


class Receiver:
    """The server, its scripts and what it received."""

    def __init__(self):
        self.requests: list[Received] = []
        self.scripts: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = receiver.record(Received(self.path, dict(self.headers), body))
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/moved-here")
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(f"answer {status} to {self.path}".encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """The receiver's URL."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str, *statuses: int) -> str:
        """Make `path` answer these statuses in turn (the last one from then on); returns its URL."""
        with self.lock:
            self.scripts[path] = list(statuses)
        return self.base + path

    def record(self, request: Received) -> int:
        with self.lock:
            self.requests.append(request)
            script = self.scripts.get(request.path, [200])
            return script.pop(0) if len(script) > 1 else script[0]

    def received(self, path: str | None = None, event: str | None = None) -> list[Received]:
        """The requests so far, to a path and/or of an event."""
        with self.lock:
            return [r for r in self.requests if (path is None or r.path == path)
                    and (event is None or r.headers.get("X-Assessor-Event") == event)]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
