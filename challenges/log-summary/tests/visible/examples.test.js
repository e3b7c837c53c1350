'use strict';
// Worked examples from the statement (JavaScript).
const { test } = require('node:test');
const assert = require('node:assert');
const { summarise } = require('./solution');

const EXAMPLE = [
  '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /api/users?page=2 HTTP/1.1" 200 512 12\n',
  '127.0.0.1 - - [10/Oct/2023:13:55:37 +0000] "GET /api/users HTTP/1.1" 200 128 "-" "curl/8.0" 30.5\n',
  '10.0.0.2 - bob [10/Oct/2023:13:55:38 +0000] "POST /login HTTP/1.1" 401 - 7\n',
  'this is not a log line\n',
];

test('statement example', () => {
  assert.deepStrictEqual(summarise(EXAMPLE), {
    totalRequests: 3,
    statusClasses: { '2xx': 2, '4xx': 1 },
    topPaths: [{ path: '/api/users', count: 2 }, { path: '/login', count: 1 }],
    malformed: 1,
    p95Ms: 30.5,
  });
});

test('empty input', () => {
  assert.deepStrictEqual(summarise([]), {
    totalRequests: 0,
    statusClasses: {},
    topPaths: [],
    malformed: 0,
    p95Ms: null,
  });
});
