'use strict';
/**
 * Meeting-room bookings. Implement bookRooms below; see the statement for the full
 * specification. Only Node.js built-in modules may be used.
 */

/**
 * Accepts or rejects each request, in order.
 *
 * `start` and `end` are minutes; a booking occupies [start, end), so back-to-back bookings
 * (one ends when the next starts) do not clash.
 *
 * @param {{room: string, start: number, end: number}[]} requests
 * @returns {(number|null)[]} one entry per request: null if it was accepted, otherwise the
 *   index (in `requests`) of the accepted booking it clashes with -- the one that starts
 *   earliest, if it overlaps several
 * @throws {RangeError} if any request has end <= start
 */
function bookRooms(requests) {
  throw new Error('not implemented');
}

module.exports = { bookRooms };
