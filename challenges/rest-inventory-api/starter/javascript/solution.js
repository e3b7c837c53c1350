// Inventory REST API: an HTTP service on Node's http module (see the statement).
// Run it yourself with `PORT=8080 node solution.js`, then e.g. `curl -i localhost:8080/items`.
"use strict";

const http = require("http");

const items = new Map(); // sku -> item

// Tips:
//  - request.url is the path and query as sent (still percent-encoded): split it at "?" and read the
//    query with new URLSearchParams(...); decodeURIComponent decodes a path segment.
//  - JSON.parse throws a SyntaxError on text that is not JSON. Number.isInteger(1.5) is false, and
//    typeof true is "boolean", not "number".
//  - Node runs one callback at a time: as long as a handler does not pause (await) between reading
//    and changing the inventory, it needs no lock.

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
    // request.method, request.url (path and query) and the body, Buffer.concat(chunks), are yours.
    answer(response, 501, { error: { code: "not_implemented", message: `${request.method} ${request.url}` } });
  });
});

server.listen(Number(process.env.PORT || 8080), process.env.HOST || "127.0.0.1");
