// Inventory REST API (reference): Node's http module, items in memory.
"use strict";

const http = require("http");

const SKU = /^[A-Z0-9-]{1,32}$/;
const ITEM_FIELDS = ["name", "quantity", "price_cents"];
const items = new Map(); // sku -> item

class ApiError extends Error {
  constructor(status, code, message, fields = null, headers = {}) {
    super(message);
    Object.assign(this, { status, code, fields, headers });
  }

  body() {
    const error = { code: this.code, message: this.message };
    if (this.fields !== null) error.fields = this.fields;
    return { error };
  }
}

const isCount = (value) => Number.isInteger(value) && value >= 0;
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

function checkItem(sku, body) {
  const fields = Object.create(null); // no prototype: a bad field named "__proto__" is kept like any other
  if (!SKU.test(sku)) fields.sku = "must be 1 to 32 characters among A-Z, 0-9 and -";
  else if (has(body, "sku") && body.sku !== sku) fields.sku = "must equal the sku in the URL";
  if (!has(body, "name")) fields.name = "required";
  else if (typeof body.name !== "string" || !body.name.trim() || [...body.name].length > 100) {
    fields.name = "must be a string of 1 to 100 characters, not only spaces";
  }
  for (const field of ["quantity", "price_cents"]) {
    if (!has(body, field)) fields[field] = "required";
    else if (!isCount(body[field])) fields[field] = "must be an integer >= 0";
  }
  for (const field of Object.keys(body).sort()) {
    if (field !== "sku" && !ITEM_FIELDS.includes(field)) fields[field] = "unknown field";
  }
  if (Object.keys(fields).length) throw new ApiError(422, "validation_failed", "the item is not valid", fields);
  return { sku, name: body.name, quantity: body.quantity, price_cents: body.price_cents };
}

function queryNumber(query, name, fallback, low, high) {
  const value = query.get(name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < low || Number(value) > high) {
    throw new ApiError(400, "invalid_query", `${name} must be an integer from ${low} to ${high}`);
  }
  return Number(value);
}

function found(sku) {
  if (!items.has(sku)) throw new ApiError(404, "not_found", `no item '${sku}'`);
  return items.get(sku);
}

// ---------------------------------------------------------------- endpoints

const listItems = (query) => {
  const limit = queryNumber(query, "limit", 20, 1, 100);
  const offset = queryNumber(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
  const skus = [...items.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const page = skus.slice(offset, offset + limit).map((sku) => items.get(sku));
  return [200, { items: page, total: items.size, limit, offset }];
};

const getItem = (query, body, sku) => [200, found(sku)];

const putItem = (query, body, sku) => {
  const item = checkItem(sku, body());
  const status = items.has(sku) ? 200 : 201;
  items.set(sku, item);
  return [status, item, status === 201 ? { Location: `/items/${sku}` } : {}];
};

const deleteItem = (query, body, sku) => {
  found(sku);
  items.delete(sku);
  return [204, null];
};

const adjustStock = (query, body, sku) => {
  const delta = body().delta;
  if (!Number.isInteger(delta) || delta === 0) {
    const fields = { delta: "must be a non-zero integer" };
    throw new ApiError(422, "validation_failed", "the adjustment is not valid", fields);
  }
  const item = found(sku);
  if (item.quantity + delta < 0) throw new ApiError(409, "insufficient_stock", `only ${item.quantity} in stock`);
  const adjusted = { ...item, quantity: item.quantity + delta };
  items.set(sku, adjusted);
  return [200, adjusted];
};

const ROUTES = [
  [/^\/items$/, { GET: listItems }],
  [/^\/items\/([^/]+)$/, { GET: getItem, PUT: putItem, DELETE: deleteItem }],
  [/^\/items\/([^/]+)\/adjustments$/, { POST: adjustStock }],
];

// ---------------------------------------------------------------- HTTP

function parseBody(raw) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, "invalid_json", "the body is not JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError(400, "invalid_json", "the body must be a JSON object");
  }
  return body;
}

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is simply not a valid sku
  }
}

function dispatch(request, raw) {
  // The path as sent (new URL() would also resolve "..", turn backslashes into "/" and so on).
  const split = request.url.indexOf("?");
  const path = split < 0 ? request.url : request.url.slice(0, split);
  const query = new URLSearchParams(split < 0 ? "" : request.url.slice(split + 1));
  for (const [pattern, methods] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (!has(methods, request.method)) {
      throw new ApiError(405, "method_not_allowed", `${path} does not take ${request.method}`, null,
        { Allow: Object.keys(methods).join(", ") });
    }
    return methods[request.method](query, () => parseBody(raw), ...match.slice(1).map(decode));
  }
  throw new ApiError(404, "not_found", `no such path: ${path}`);
}

function answer(response, status, body, headers = {}) {
  const data = body === null ? "" : JSON.stringify(body);
  if (body !== null) response.setHeader("Content-Type", "application/json");
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.writeHead(status, { "Content-Length": Buffer.byteLength(data) });
  response.end(data);
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    try {
      answer(response, ...dispatch(request, Buffer.concat(chunks).toString("utf8")));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, "internal_error", "something went wrong");
      answer(response, failure.status, failure.body(), failure.headers);
    }
  });
});

server.listen(Number(process.env.PORT || 8080), process.env.HOST || "127.0.0.1");
