'use strict';
/**
 * Signed keyset (cursor) pagination.
 *
 * Implement `paginate` below. See the statement for the full specification.
 * Only Node's standard library may be used (e.g. `node:crypto`).
 */

const DEFAULT_SECRET = 'assessor-demo-secret-change-me';

/**
 * Thrown when a cursor was not issued by `paginate` with the same secret
 * (tampered, truncated, garbage, or signed with another secret).
 */
class InvalidCursor extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursor';
  }
}

/**
 * Returns one page of `records` ordered by createdAt descending, then id descending.
 *
 * Each record is an object with at least `id` (unique integer) and `createdAt`
 * (an ISO-8601 UTC timestamp string such as "2024-05-01T10:00:00Z" or
 * "2024-05-01T10:00:00.250+00:00"); compare timestamps as instants. Other
 * properties are carried along untouched.
 *
 * The cursor is keyset-based (it encodes the sort key of the last returned
 * record, never an offset), opaque, URL-safe (characters A-Z a-z 0-9 - _ . ~
 * only) and signed with HMAC-SHA256 keyed by `secret`.
 *
 * @param {Array<{id: number, createdAt: string}>} records not mutated
 * @param {number} limit an integer in 1..100
 * @param {{cursor?: string | null, secret?: string | Buffer}} [options]
 *     `cursor`: a `nextCursor` from an earlier call, or null for the first page
 * @returns {{items: object[], nextCursor: string | null}} at most `limit` records;
 *     `nextCursor` is null exactly when no records follow the last item
 * @throws {RangeError} if `limit` is not an integer in 1..100
 * @throws {InvalidCursor} if `cursor` was not issued by `paginate` with the same secret
 */
function paginate(records, limit, { cursor = null, secret = DEFAULT_SECRET } = {}) {
  throw new Error('not implemented');
}

module.exports = { DEFAULT_SECRET, InvalidCursor, paginate };
