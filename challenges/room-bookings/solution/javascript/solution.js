'use strict';
/** Reference solution for the room-bookings challenge (JavaScript). */

/**
 * Accepts or rejects each {room, start, end} request in order.
 * @param {{room: string, start: number, end: number}[]} requests
 * @returns {(number|null)[]} null for an accepted request, otherwise the index of the
 *   accepted booking it clashes with (the earliest-starting one)
 * @throws {RangeError} if any request has end <= start
 */
function bookRooms(requests) {
  requests.forEach(({ start, end }, index) => {
    if (!(end > start)) {
      throw new RangeError(`request ${index}: end (${end}) must be after start (${start})`);
    }
  });

  // Per room, accepted bookings are disjoint, so ordered by end they are also ordered by start.
  const accepted = new Map();   // room -> {starts, ends, indexes}, parallel arrays sorted by end
  const results = new Array(requests.length);
  requests.forEach(({ room, start, end }, index) => {
    let booked = accepted.get(room);
    if (booked === undefined) {
      booked = { starts: [], ends: [], indexes: [] };
      accepted.set(room, booked);
    }
    const { starts, ends, indexes } = booked;
    // The first accepted booking that ends after `start` is the earliest that could overlap.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < ends.length && starts[lo] < end) {
      results[index] = indexes[lo];
    } else {
      if (lo === ends.length) {
        starts.push(start);
        ends.push(end);
        indexes.push(index);
      } else {
        starts.splice(lo, 0, start);
        ends.splice(lo, 0, end);
        indexes.splice(lo, 0, index);
      }
      results[index] = null;
    }
  });
  return results;
}

module.exports = { bookRooms };
