'use strict';
/** Worked examples from the statement (JavaScript). */

const { test } = require('node:test');
const assert = require('node:assert');
const { InvalidCursor, paginate } = require('./solution');

function makeRecords() {
  return [
    { id: 1, createdAt: '2024-05-01T10:00:00Z' },
    { id: 2, createdAt: '2024-05-01T11:00:00Z' },
    { id: 3, createdAt: '2024-05-01T11:00:00Z' },
    { id: 4, createdAt: '2024-05-01T09:30:00Z' },
  ];
}

test('statement example pages', () => {
  const records = makeRecords();
  const page1 = paginate(records, 2);
  assert.deepStrictEqual(page1.items.map((r) => r.id), [3, 2]);
  assert.strictEqual(typeof page1.nextCursor, 'string');

  records.push({ id: 5, createdAt: '2024-05-01T12:00:00Z' });
  const page2 = paginate(records, 2, { cursor: page1.nextCursor });
  assert.deepStrictEqual(page2, {
    items: [
      { id: 1, createdAt: '2024-05-01T10:00:00Z' },
      { id: 4, createdAt: '2024-05-01T09:30:00Z' },
    ],
    nextCursor: null,
  });
});

test('statement example errors', () => {
  const records = makeRecords();
  const cursor = paginate(records, 2).nextCursor;
  assert.throws(() => paginate(records, 2, { cursor, secret: 'other' }), InvalidCursor);
  assert.throws(() => paginate(records, 0), RangeError);
});
