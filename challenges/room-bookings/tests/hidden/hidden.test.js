'use strict';
// Hidden tests for the room-bookings challenge (same cases as test_hidden.py).
const { describe, it } = require('node:test');
const assert = require('node:assert');
const { bookRooms } = require('./solution');

/** [room, start, end] triples -> request objects. */
const req = (triples) => triples.map(([room, start, end]) => ({ room, start, end }));

/** Deterministic PRNG (mulberry32): returns floats in [0, 1). */
function makeRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** An integer in [lo, hi). */
const randRange = (random, lo, hi) => lo + Math.floor(random() * (hi - lo));

/** Straightforward per-room scan: fine for the small rooms of the many-rooms test. */
function model(requests) {
  const accepted = new Map();
  return requests.map(({ room, start, end }, index) => {
    const booked = accepted.get(room) || [];
    let best = null;
    for (const b of booked) {
      if (b.start < end && start < b.end && (best === null || b.start < best.start)) best = b;
    }
    if (best !== null) return best.index;
    booked.push({ start, end, index });
    accepted.set(room, booked);
    return null;
  });
}

describe('bookRooms', () => {
  it('statement example', () => {
    const requests = req([
      ['Atlas', 540, 600],
      ['Atlas', 570, 630],
      ['Atlas', 600, 660],
      ['Borealis', 570, 630],
      ['Atlas', 520, 700],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, 0, null, null, 0]);
  });

  it('empty list', () => {
    assert.deepStrictEqual(bookRooms([]), []);
  });

  it('back-to-back bookings are allowed', () => {
    const requests = req([
      ['Atlas', 600, 660],
      ['Atlas', 540, 600],
      ['Atlas', 660, 720],
      ['Atlas', 720, 721],
      ['Atlas', 0, 540],
      ['Atlas', 721, 1440],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, null, null, null, null, null]);
  });

  it('gap filled exactly', () => {
    const requests = req([
      ['Atlas', 540, 600],
      ['Atlas', 660, 720],
      ['Atlas', 599, 660],
      ['Atlas', 600, 661],
      ['Atlas', 600, 660],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, null, 0, 1, null]);
  });

  it('overlap shapes', () => {
    const requests = req([
      ['Atlas', 600, 700],
      ['Atlas', 550, 601],
      ['Atlas', 699, 750],
      ['Atlas', 620, 640],
      ['Atlas', 500, 800],
      ['Atlas', 600, 700],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, 0, 0, 0, 0, 0]);
  });

  it('rejected requests do not occupy the room', () => {
    const requests = req([
      ['Atlas', 540, 600],
      ['Atlas', 570, 690],
      ['Atlas', 600, 690],
      ['Atlas', 650, 700],
      ['Atlas', 700, 720],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, 0, null, 2, null]);
  });

  it('reports the earliest-starting clash', () => {
    const requests = req([
      ['Atlas', 800, 900],
      ['Atlas', 600, 700],
      ['Atlas', 700, 750],
      ['Atlas', 400, 450],
      ['Atlas', 650, 850],
      ['Atlas', 720, 1000],
      ['Atlas', 0, 2000],
      ['Atlas', 460, 610],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, null, null, null, 1, 2, 3, 1]);
  });

  it('out-of-order requests', () => {
    const requests = req([
      ['Atlas', 1000, 1100],
      ['Atlas', 100, 200],
      ['Atlas', 500, 600],
      ['Atlas', 150, 160],
      ['Atlas', 1050, 1200],
      ['Atlas', 200, 500],
      ['Atlas', 590, 1010],
      ['Atlas', 0, 100],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, null, null, 1, 0, null, 2, null]);
  });

  it('rooms are independent', () => {
    const requests = req([
      ['Atlas', 540, 600],
      ['Borealis', 540, 600],
      ['atlas', 540, 600],
      ['Atlas ', 540, 600],
      ['Cygnus', 0, 1440],
      ['Borealis', 550, 560],
      ['Atlas', 590, 700],
      ['Cygnus', 600, 601],
    ]);
    assert.deepStrictEqual(bookRooms(requests), [null, null, null, null, null, 1, 0, 4]);
  });

  it('zero-length booking throws', () => {
    assert.throws(() => bookRooms(req([['Atlas', 600, 600]])), { name: 'RangeError' });
    assert.throws(() => bookRooms(req([['Atlas', 0, 0]])), { name: 'RangeError' });
  });

  it('inverted booking throws', () => {
    assert.throws(() => bookRooms(req([['Atlas', 660, 600]])), { name: 'RangeError' });
    assert.throws(() => bookRooms(req([['Atlas', 1, 0]])), { name: 'RangeError' });
  });

  it('invalid request anywhere throws', () => {
    const valid = [['Atlas', 540, 600], ['Atlas', 550, 560], ['Borealis', 0, 10]];
    assert.throws(() => bookRooms(req([...valid, ['Borealis', 20, 10], ...valid])), { name: 'RangeError' });
    const many = [];
    for (let i = 0; i < 100; i += 1) many.push(...valid);
    many.push(['Cygnus', 5, 5]);
    assert.throws(() => bookRooms(req(many)), { name: 'RangeError' });
  });

  it('large input, many rooms', () => {
    const random = makeRandom(20240501);
    const rooms = [];
    for (let n = 0; n < 5000; n += 1) rooms.push(`room-${String(n).padStart(4, '0')}`);
    const requests = [];
    for (let i = 0; i < 100000; i += 1) {
      const start = randRange(random, 0, 1440 - 15);
      requests.push({
        room: rooms[randRange(random, 0, rooms.length)],
        start,
        end: Math.min(1440, start + randRange(random, 15, 121)),
      });
    }
    const expected = model(requests);
    assert.ok(expected.includes(null) && expected.some((r) => r !== null));
    assert.deepStrictEqual(bookRooms(requests), expected);
  });

  it('large input, single room', () => {
    const random = makeRandom(7);
    const slots = [];   // disjoint bookings, one per hour
    for (let hour = 0; hour < 160000; hour += 1) {
      const base = hour * 60;
      const offset = random() < 0.4 ? 0 : randRange(random, 0, 20);
      const length = random() < 0.4 ? 60 - offset : randRange(random, 1, 61 - offset);
      slots.push([base + offset, base + offset + length]);
    }
    const keyed = slots.map(([start, end], hour) => (
      { key: hour + random() * 50, request: { room: 'Atlas', start, end }, target: null }
    ));
    for (let i = 0; i < 40000; i += 1) {
      const hour = randRange(random, 0, slots.length);
      const [a, b] = slots[hour];
      const start = randRange(random, hour * 60, b);
      const end = randRange(random, Math.max(start, a) + 1, (hour + 1) * 60 + 1);
      keyed.push({ key: keyed[hour].key + 0.001 + random() * 300, request: { room: 'Atlas', start, end }, target: hour });
    }
    keyed.sort((x, y) => x.key - y.key);
    const hourPosition = new Map();
    keyed.forEach(({ request, target }, position) => {
      if (target === null) hourPosition.set(Math.floor(request.start / 60), position);
    });
    const requests = keyed.map(({ request }) => request);
    const expected = keyed.map(({ target }) => (target === null ? null : hourPosition.get(target)));
    assert.deepStrictEqual(bookRooms(requests), expected);
  });
});
