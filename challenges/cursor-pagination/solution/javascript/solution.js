'use strict';
/** Reference solution for the cursor-pagination challenge (JavaScript). */

const crypto = require('node:crypto');

const DEFAULT_SECRET = 'assessor-demo-secret-change-me';
const MAX_LIMIT = 100;
const TIMESTAMP = /^(.+T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Thrown when a cursor was not issued by `paginate` with the same secret. */
class InvalidCursor extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursor';
  }
}

/** Microseconds since the Unix epoch of an ISO-8601 timestamp (a safe integer until year 2255). */
function epochMicros(text) {
  const match = TIMESTAMP.exec(text);
  if (!match) return Date.parse(text) * 1000;
  const [, base, fraction = '', zone] = match;
  return Date.parse(base + zone) * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

/** Sort order: created_at descending, then id descending, as a comparator of [micros, id] keys. */
function compareDesc(a, b) {
  return b[0] - a[0] || b[1] - a[1];
}

/** The `count` greatest entries by key, greatest first, in O(n log count): a bounded min-heap. */
function greatest(entries, count) {
  const heap = []; // heap[0] is the smallest entry kept
  const less = (i, j) => compareDesc(heap[i].key, heap[j].key) > 0;
  const swap = (i, j) => { [heap[i], heap[j]] = [heap[j], heap[i]]; };
  const siftDown = (i) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && less(left, smallest)) smallest = left;
      if (right < heap.length && less(right, smallest)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (const entry of entries) {
    if (heap.length < count) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compareDesc(entry.key, heap[0].key) < 0) {
      heap[0] = entry;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => compareDesc(a.key, b.key));
}

function sign(payload, secret) {
  return crypto.createHmac('sha256', secret).update(payload).digest();
}

function encodeCursor(key, secret) {
  const payload = Buffer.from(JSON.stringify(key));
  return `${payload.toString('base64url')}.${sign(payload, secret).toString('base64url')}`;
}

/** Base64url text to bytes; only the canonical, unpadded encoding is accepted. */
function decodePart(text) {
  if (!BASE64URL.test(text)) throw new InvalidCursor('malformed cursor');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new InvalidCursor('malformed cursor');
  return bytes;
}

function decodeCursor(cursor, secret) {
  if (typeof cursor !== 'string') throw new InvalidCursor('cursor must be a string');
  const parts = cursor.split('.');
  if (parts.length !== 2) throw new InvalidCursor('malformed cursor');
  const payload = decodePart(parts[0]);
  const signature = decodePart(parts[1]);
  const expected = sign(payload, secret);
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) {
    throw new InvalidCursor('bad cursor signature');
  }
  let key;
  try {
    key = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new InvalidCursor('malformed cursor payload');
  }
  if (!Array.isArray(key) || key.length !== 2 || !key.every(Number.isSafeInteger)) {
    throw new InvalidCursor('malformed cursor payload');
  }
  return key;
}

/**
 * One page of `records` ordered by createdAt descending, then id descending:
 * `{ items, nextCursor }`, where nextCursor is null exactly when nothing follows.
 */
function paginate(records, limit, { cursor = null, secret = DEFAULT_SECRET } = {}) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const after = cursor === null || cursor === undefined ? null : decodeCursor(cursor, secret);
  const entries = [];
  for (const record of records) {
    const key = [epochMicros(record.createdAt), record.id];
    if (after === null || compareDesc(key, after) > 0) entries.push({ key, record });
  }
  // One extra entry tells whether another page follows.
  const page = greatest(entries, limit + 1);
  const hasMore = page.length > limit;
  if (hasMore) page.pop();
  return {
    items: page.map((entry) => entry.record),
    nextCursor: hasMore ? encodeCursor(page[page.length - 1].key, secret) : null,
  };
}

module.exports = { DEFAULT_SECRET, InvalidCursor, paginate };
