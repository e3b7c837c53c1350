"""Inventory REST API: an HTTP service on the standard library (see the statement).

Run it yourself with `PORT=8080 python3 solution.py`, then e.g. `curl -i localhost:8080/items`.
"""

import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

items = {}   # sku -> item; the server answers on several threads, so guard it with a lock


class InventoryHandler(BaseHTTPRequestHandler):
    def dispatch(self):
        # self.command is the method, self.path the path and query, self.headers the headers;
        # read a body with self.rfile.read(int(self.headers.get("Content-Length") or 0)).
        self.answer(501, {"error": {"code": "not_implemented", "message": f"{self.command} {self.path}"}})

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = dispatch

    def answer(self, status, body, headers=()):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    address = (os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080")))
    ThreadingHTTPServer(address, InventoryHandler).serve_forever()
