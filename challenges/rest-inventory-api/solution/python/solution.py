"""Inventory REST API (reference): the standard library's threaded HTTP server, items in memory."""

import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

SKU = re.compile(r"[A-Z0-9-]{1,32}")
ITEM_FIELDS = ("name", "quantity", "price_cents")

items = {}                  # sku -> item
lock = threading.Lock()     # the server answers requests on several threads


class ApiError(Exception):
    """An error answer: status, code, message and, for validation, the bad fields."""

    def __init__(self, status, code, message, fields=None, headers=()):
        super().__init__(message)
        self.status, self.code, self.message, self.fields, self.headers = status, code, message, fields, headers

    def body(self):
        error = {"code": self.code, "message": self.message}
        if self.fields is not None:
            error["fields"] = self.fields
        return {"error": error}


def is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_item(sku, body):
    """The item a PUT body describes, or ApiError(422) naming every bad field."""
    fields = {}
    if not SKU.fullmatch(sku):
        fields["sku"] = "must be 1 to 32 characters among A-Z, 0-9 and -"
    elif "sku" in body and body["sku"] != sku:
        fields["sku"] = "must equal the sku in the URL"
    name = body.get("name")
    if "name" not in body:
        fields["name"] = "required"
    elif not isinstance(name, str) or not name.strip() or len(name) > 100:
        fields["name"] = "must be a string of 1 to 100 characters, not only spaces"
    for field in ("quantity", "price_cents"):
        if field not in body:
            fields[field] = "required"
        elif not is_count(body[field]):
            fields[field] = "must be an integer >= 0"
    for field in sorted(set(body) - {"sku", *ITEM_FIELDS}):
        fields[field] = "unknown field"
    if fields:
        raise ApiError(422, "validation_failed", "the item is not valid", fields)
    return {"sku": sku, **{field: body[field] for field in ITEM_FIELDS}}


def query_number(query, name, default, low, high):
    values = query.get(name)
    if not values:
        return default
    if not re.fullmatch(r"\d+", values[0]) or not low <= int(values[0]) <= high:
        raise ApiError(400, "invalid_query", f"{name} must be an integer from {low} to {high}")
    return int(values[0])


# ---------------------------------------------------------------- endpoints


def get_item(sku, query, body):
    with lock:
        return 200, found(sku)


def put_item(sku, query, body):
    item = check_item(sku, body())
    with lock:
        status = 200 if sku in items else 201
        items[sku] = item
    return status, item, [("Location", f"/items/{sku}")] if status == 201 else []


def delete_item(sku, query, body):
    with lock:
        found(sku)
        del items[sku]
    return 204, None


def list_items(query, body):
    limit = query_number(query, "limit", 20, 1, 100)
    offset = query_number(query, "offset", 0, 0, 10**12)
    with lock:
        page = [items[sku] for sku in sorted(items)[offset:offset + limit]]
        return 200, {"items": page, "total": len(items), "limit": limit, "offset": offset}


def adjust_stock(sku, query, body):
    delta = body().get("delta")
    if isinstance(delta, bool) or not isinstance(delta, int) or delta == 0:
        raise ApiError(422, "validation_failed", "the adjustment is not valid", {"delta": "must be a non-zero integer"})
    with lock:
        item = found(sku)
        if item["quantity"] + delta < 0:
            raise ApiError(409, "insufficient_stock", f"only {item['quantity']} in stock")
        items[sku] = item = {**item, "quantity": item["quantity"] + delta}
        return 200, item


def found(sku):
    if sku not in items:
        raise ApiError(404, "not_found", f"no item {sku!r}")
    return items[sku]


ROUTES = [
    (re.compile(r"/items"), {"GET": list_items}),
    (re.compile(r"/items/([^/]+)"), {"GET": get_item, "PUT": put_item, "DELETE": delete_item}),
    (re.compile(r"/items/([^/]+)/adjustments"), {"POST": adjust_stock}),
]


# ---------------------------------------------------------------- HTTP


class InventoryHandler(BaseHTTPRequestHandler):
    def dispatch(self):
        url = urlsplit(self.path)
        try:
            for pattern, methods in ROUTES:
                match = pattern.fullmatch(url.path)
                if match is None:
                    continue
                if self.command not in methods:
                    raise ApiError(405, "method_not_allowed", f"{url.path} does not take {self.command}",
                                   headers=[("Allow", ", ".join(methods))])
                args = [unquote(group) for group in match.groups()]
                self.answer(*methods[self.command](*args, parse_qs(url.query), self.json_body))
                return
            raise ApiError(404, "not_found", f"no such path: {url.path}")
        except ApiError as error:
            self.answer(error.status, error.body(), error.headers)

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = dispatch

    def json_body(self):
        """The request's body as a JSON object, or ApiError(400)."""
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            raise ApiError(400, "invalid_json", "the body is not JSON") from None
        if not isinstance(body, dict):
            raise ApiError(400, "invalid_json", "the body must be a JSON object")
        return body

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
