"""The few Docker Engine API calls a grading needs, over the Engine's Unix socket (or plain TCP).

Grading is on the hot path of every submission and of `assessor grade`: docker-py costs about
70 ms of imports and a few ms a call through requests (and http.client another 18 ms of imports),
a third of a whole grading's overhead. This client speaks the same HTTP API over a plain socket. Image building stays on docker-py
(`sandbox.build`), where start-up time does not matter.
"""

import json
import os
import socket
from urllib.parse import quote, urlencode

from .errors import ImageMissing, SandboxUnavailable

API = "/v1.41"   # Docker Engine 20.10 and newer


class EngineError(SandboxUnavailable):
    """The Engine answered with an error status."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(f"Docker Engine error {status}: {message}")


class Engine:
    """A Docker Engine reached at DOCKER_HOST (unix:// or tcp://) or the local socket."""

    def __init__(self, host: str | None = None, timeout: float = 60):
        self.host = host or os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        self.timeout = timeout
        if not self.host.startswith(("unix://", "tcp://")):
            raise SandboxUnavailable(f"unsupported DOCKER_HOST {self.host!r} (use unix:// or tcp://)")

    def _socket(self, timeout: float | None) -> socket.socket:
        wait = self.timeout if timeout is None else timeout
        if self.host.startswith("unix://"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.settimeout(wait)
                sock.connect(self.host[len("unix://"):])
            except OSError:
                sock.close()
                raise
            return sock
        hostname, _, port = self.host[len("tcp://"):].rstrip("/").rpartition(":")
        return socket.create_connection((hostname, int(port)), timeout=wait)

    def request(self, method: str, path: str, body: dict | None = None, params: dict | None = None,
                timeout: float | None = None):
        """One API call; returns the decoded JSON (or None), raises EngineError on an error status.

        HTTP/1.0 on a fresh connection: the Engine answers without chunking and closes, so the
        answer is everything until the end of the stream (and no HTTP library is needed)."""
        url = API + path + (("?" + urlencode(params)) if params else "")
        payload = json.dumps(body).encode() if body is not None else b""
        head = (f"{method} {url} HTTP/1.0\r\nHost: docker\r\nContent-Length: {len(payload)}\r\n"
                + ("Content-Type: application/json\r\n" if body is not None else "") + "\r\n")
        chunks = []
        try:
            sock = self._socket(timeout)
            try:
                sock.sendall(head.encode() + payload)
                while chunk := sock.recv(65536):
                    chunks.append(chunk)
            finally:
                sock.close()
        except OSError as error:
            raise SandboxUnavailable(f"cannot reach the Docker Engine at {self.host}: {error}") from error
        header, _, data = b"".join(chunks).partition(b"\r\n\r\n")
        try:
            status = int(header.split(b" ", 2)[1])
        except (IndexError, ValueError):
            raise SandboxUnavailable(f"unreadable answer from the Docker Engine: {header[:100]!r}") from None
        if status >= 400:
            try:
                message = json.loads(data).get("message", "")
            except ValueError:
                message = data[:200].decode("utf-8", "replace")
            raise EngineError(status, message)
        return json.loads(data) if data.strip() else None

    def ping(self) -> None:
        """Raise SandboxUnavailable unless the Engine answers."""
        self.request("GET", "/version", timeout=5)

    def has_image(self, tag: str) -> bool:
        """Whether the Engine holds an image of this tag."""
        try:
            self.request("GET", f"/images/{tag}/json", timeout=5)
        except EngineError as error:
            if error.status == 404:
                return False
            raise
        return True

    def create(self, name: str, config: dict) -> str:
        """Create a container; returns its id. A missing image is ImageMissing."""
        try:
            return self.request("POST", "/containers/create", body=config, params={"name": name})["Id"]
        except EngineError as error:
            if error.status == 404:
                raise ImageMissing(f"runner image {config.get('Image')} is missing: run `assessor sandbox build`")
            raise

    def attach(self, container_id: str) -> tuple[socket.socket, bytes]:
        """Attach stdin, stdout and stderr (a hijacked connection); returns the socket and early bytes."""
        sock = self._socket(self.timeout)
        try:
            return sock, self._upgrade(sock, container_id)
        except BaseException:
            sock.close()
            raise

    @staticmethod
    def _upgrade(sock: socket.socket, container_id: str) -> bytes:
        """Ask for the attach stream on a fresh connection; returns the bytes read past the headers."""
        query = "stream=1&stdin=1&stdout=1&stderr=1"
        sock.sendall((f"POST {API}/containers/{quote(container_id)}/attach?{query} HTTP/1.1\r\n"
                      "Host: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n").encode())
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(4096)
            if not chunk:
                raise SandboxUnavailable("the Docker Engine closed the attach connection")
            received += chunk
        head, _, rest = received.partition(b"\r\n\r\n")
        status = head.split(b" ", 2)[1:2]
        if status not in ([b"101"], [b"200"]):
            raise SandboxUnavailable(f"attach refused: {head[:200].decode('latin-1')}")
        return rest

    def start(self, container_id: str) -> None:
        """Start a created container."""
        self.request("POST", f"/containers/{quote(container_id)}/start")

    def inspect(self, container_id: str) -> dict:
        """The container's inspect document."""
        return self.request("GET", f"/containers/{quote(container_id)}/json")

    def kill(self, container_id: str) -> None:
        """SIGKILL the container; a container that already stopped is fine."""
        try:
            self.request("POST", f"/containers/{quote(container_id)}/kill")
        except EngineError as error:
            if error.status not in (404, 409):
                raise

    def wait(self, container_id: str, timeout: float) -> dict:
        """Block until the container stops (an HTTP timeout only: it never stops anything)."""
        return self.request("POST", f"/containers/{quote(container_id)}/wait", timeout=timeout)

    def remove(self, container_id: str) -> None:
        """Remove a container and its anonymous volumes, running or not."""
        try:
            self.request("DELETE", f"/containers/{quote(container_id)}", params={"force": 1, "v": 1})
        except EngineError as error:
            if error.status != 404:
                raise

    def containers(self, label: str) -> list[dict]:
        """Containers (running or not) carrying a label."""
        return self.request("GET", "/containers/json",
                            params={"all": 1, "filters": json.dumps({"label": [label]})}) or []
