'use strict';
// Worked examples from the statement.
const { describe, it } = require('node:test');
const assert = require('node:assert');
const { bookRooms } = require('./solution');

describe('examples', () => {
  it('statement example', () => {
    const requests = [
      { room: 'Atlas', start: 540, end: 600 },     // 0  09:00-10:00  accepted
      { room: 'Atlas', start: 570, end: 630 },     // 1  09:30-10:30  clashes with 0
      { room: 'Atlas', start: 600, end: 660 },     // 2  10:00-11:00  accepted: starts as 0 ends
      { room: 'Borealis', start: 570, end: 630 },  // 3  another room: accepted
      { room: 'Atlas', start: 520, end: 700 },     // 4  overlaps 0 and 2: reports 0, the earliest
    ];
    assert.deepStrictEqual(bookRooms(requests), [null, 0, null, null, 0]);
  });

  it('empty interval throws', () => {
    assert.throws(
      () => bookRooms([{ room: 'Atlas', start: 540, end: 600 }, { room: 'Atlas', start: 600, end: 600 }]),
      { name: 'RangeError' },
    );
  });
});
