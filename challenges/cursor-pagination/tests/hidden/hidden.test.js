'use strict';
/** Hidden tests for the cursor-pagination challenge (JavaScript). */

const { describe, it } = require('node:test');
const assert = require('node:assert');
const { InvalidCursor, paginate } = require('./solution');

/** ISO-8601 UTC timestamp `seconds` after 2024-03-01T00:00:00Z (seconds < 1 day). */
function ts(seconds) {
  const two = (n) => String(n).padStart(2, '0');
  return `2024-03-01T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
}

/** A seeded random number generator (mulberry32): the same data every run. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n) => Math.floor(next() * n),
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [array[i], array[j]] = [array[j], array[i]];
      }
      return array;
    },
  };
}

const ids = (page) => page.items.map((record) => record.id);

/** Follows nextCursor until it is null; returns the list of pages. */
function walk(records, limit, options = {}) {
  const pages = [paginate(records, limit, options)];
  while (pages[pages.length - 1].nextCursor !== null) {
    assert.ok(pages.length < 10000, 'too many pages');
    pages.push(paginate(records, limit, { ...options, cursor: pages[pages.length - 1].nextCursor }));
  }
  return pages;
}

function assertUrlSafe(cursor) {
  assert.strictEqual(typeof cursor, 'string');
  assert.match(cursor, /^[A-Za-z0-9\-_.~]+$/);
}

/** Records in the order of the statement: createdAt descending, then id descending (one format). */
function sortedNewestFirst(records) {
  return [...records].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
}

describe('paginate', () => {
  it('returns the newest records first', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ id: i, createdAt: ts(i * 60), title: `post ${i}` }));
    random(1).shuffle(records);
    const page = paginate(records, 4);
    assert.deepStrictEqual(page.items, [9, 8, 7, 6].map((i) => ({ id: i, createdAt: ts(i * 60), title: `post ${i}` })));
    assertUrlSafe(page.nextCursor);
  });

  it('visits every record exactly once across pages', () => {
    const rng = random(7);
    const records = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, createdAt: ts(rng.below(500)) }));
    rng.shuffle(records);
    const pages = walk(records, 5);
    assert.deepStrictEqual(pages.map((p) => p.items.length), [5, 5, 5, 5, 3]);
    assert.deepStrictEqual(pages.flatMap((p) => p.items), sortedNewestFirst(records));
    for (const page of pages.slice(0, -1)) assertUrlSafe(page.nextCursor);
  });

  it('breaks timestamp ties by id, descending', () => {
    const same = '2024-03-01T12:00:00Z';
    const records = [5, 12, 1, 9, 3, 7, 11, 2].map((id) => ({ id, createdAt: same }));
    records.push({ id: 100, createdAt: '2024-03-01T11:59:59Z' });
    records.push({ id: 0, createdAt: '2024-03-01T12:00:01Z' });
    assert.deepStrictEqual(walk(records, 3).map(ids), [[0, 12, 11], [9, 7, 5], [3, 2, 1], [100]]);
  });

  it('stays stable when records change between pages', () => {
    let records = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, createdAt: ts(1001 + i) }));
    const page1 = paginate(records, 3);
    assert.deepStrictEqual(ids(page1), [10, 9, 8]);

    // Newer records arrive (including one sharing the newest timestamp, with a higher id).
    records = [...records, ...Array.from({ length: 5 }, (_, i) => ({ id: 100 + i, createdAt: ts(2000 + i) }))];
    records.push({ id: 11, createdAt: ts(1010) });
    const page2 = paginate(records, 3, { cursor: page1.nextCursor });
    assert.deepStrictEqual(ids(page2), [7, 6, 5]);

    // The boundary record (last item of page 2) is deleted before page 3 is requested.
    records = records.filter((r) => r.id !== 5);
    const page3 = paginate(records, 3, { cursor: page2.nextCursor });
    assert.deepStrictEqual(ids(page3), [4, 3, 2]);

    // An older record inserted meanwhile shows up in its proper place.
    records.push({ id: 50, createdAt: ts(1) });
    const page4 = paginate(records, 3, { cursor: page3.nextCursor });
    assert.deepStrictEqual(page4, { items: [records[0], records[records.length - 1]], nextCursor: null });
  });

  it('gives no nextCursor exactly when nothing follows', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ id: i, createdAt: ts(i) }));
    const pages = walk(records, 5);
    assert.deepStrictEqual(pages.map(ids), [[9, 8, 7, 6, 5], [4, 3, 2, 1, 0]]);
    assert.strictEqual(pages[1].nextCursor, null);
    assert.strictEqual(paginate(records, 10).nextCursor, null);
    assert.strictEqual(paginate(records, 100).nextCursor, null);
    assertUrlSafe(paginate(records, 9).nextCursor);
  });

  it('handles empty input', () => {
    assert.deepStrictEqual(paginate([], 10), { items: [], nextCursor: null });
    const { nextCursor } = paginate([{ id: 1, createdAt: ts(1) }, { id: 2, createdAt: ts(2) }], 1);
    assert.deepStrictEqual(paginate([], 10, { cursor: nextCursor }), { items: [], nextCursor: null });
  });

  it('enforces limit bounds', () => {
    const records = Array.from({ length: 150 }, (_, i) => ({ id: i, createdAt: ts(i) }));
    for (const bad of [0, -1, 101, 1000, 2.5]) {
      assert.throws(() => paginate(records, bad), RangeError, `limit ${bad}`);
    }
    assert.throws(() => paginate([], 0), RangeError, 'limit 0 on empty input');
    assert.deepStrictEqual(ids(paginate(records, 1)), [149]);
    assert.strictEqual(paginate(records, 100).items.length, 100);
  });

  it('rejects tampered cursors', () => {
    const same = '2024-03-01T12:00:00Z';
    const records = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, createdAt: same }));
    const { nextCursor: cursor } = paginate(records, 4);
    const expected = paginate(records, 4, { cursor });
    assert.deepStrictEqual(ids(expected), [8, 7, 6, 5]);

    const variants = [...cursor].map((ch, i) => cursor.slice(0, i) + (ch !== 'A' ? 'A' : 'B') + cursor.slice(i + 1));
    variants.push(cursor.slice(0, -1), cursor.slice(1), `${cursor}A`, cursor + cursor[cursor.length - 1],
      [...cursor].reverse().join(''));
    let rejected = 0;
    for (const variant of variants) {
      let result;
      try {
        result = paginate(records, 4, { cursor: variant });
      } catch (error) {
        assert.ok(error instanceof InvalidCursor, `tampered cursor ${variant}: expected InvalidCursor, got ${error}`);
        rejected += 1;
        continue;
      }
      assert.deepStrictEqual(result, expected, `tampered cursor ${variant} was accepted`);
    }
    assert.ok(rejected >= 0.8 * variants.length, `only ${rejected} of ${variants.length} tampered cursors rejected`);
    // A cursor shortened by more than any padding (a truncated signature, a cut payload) is never valid.
    for (let cut = 3; cut <= 16; cut += 1) {
      for (const variant of [cursor.slice(0, -cut), cursor.slice(cut)]) {
        assert.throws(() => paginate(records, 4, { cursor: variant }), InvalidCursor, `shortened cursor ${variant} was accepted`);
      }
    }
  });

  it('rejects foreign and garbage cursors', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({ id: i, createdAt: ts(i) }));
    const foreign = paginate(records, 5, { secret: 'another-tenant-secret' }).nextCursor;
    assert.throws(() => paginate(records, 5, { cursor: foreign }), InvalidCursor);
    assert.throws(() => paginate(records, 5, { cursor: foreign, secret: 'yet-another-secret' }), InvalidCursor);
    // The same cursor is accepted with the secret that issued it.
    assert.deepStrictEqual(ids(paginate(records, 5, { cursor: foreign, secret: 'another-tenant-secret' })),
      [14, 13, 12, 11, 10]);
    const mine = paginate(records, 5, { secret: 's1' }).nextCursor;
    assert.throws(() => paginate(records, 5, { cursor: mine, secret: 's2' }), InvalidCursor);
    for (const garbage of ['', 'abc', '!!!!', 'a.b', 'a.b.c', 'null', 'eyJpZCI6IDF9', '%00', 'A'.repeat(500)]) {
      assert.throws(() => paginate(records, 5, { cursor: garbage }), InvalidCursor, `cursor ${JSON.stringify(garbage)}`);
    }
  });

  it('returns records unchanged', () => {
    const rng = random(3);
    const records = Array.from({ length: 30 }, (_, i) => ({
      id: i, createdAt: ts(rng.below(100)), tags: ['a', 'b'], meta: { n: i, nested: [{ deep: i }] },
    }));
    rng.shuffle(records);
    const snapshot = structuredClone(records);
    const pages = walk(records, 7);
    // Items come back exactly as given: no key added, removed or converted.
    assert.deepStrictEqual(pages.flatMap((p) => p.items), sortedNewestFirst(snapshot));
    assert.deepStrictEqual(records, snapshot);
    // Asking again gives the same pages.
    assert.deepStrictEqual(walk(records, 7), pages);
  });

  it('compares timestamps as instants', () => {
    const records = [
      { id: 1, createdAt: '2024-01-01T00:00:00.5Z' },
      { id: 2, createdAt: '2024-01-01T00:00:00Z' },
      { id: 3, createdAt: '2024-01-01T00:00:00.250000+00:00' },
      { id: 4, createdAt: '2024-01-01T00:00:01+00:00' },
      { id: 5, createdAt: '2024-01-01T00:00:00+00:00' },
      { id: 6, createdAt: '2024-01-01T00:00:00.000Z' },
      { id: 7, createdAt: '2023-12-31T23:59:59.999999Z' },
    ];
    assert.deepStrictEqual(walk(records, 2).map(ids), [[4, 1], [3, 6], [5, 2], [7]]);
  });

  it('handles 50,000 records quickly', () => {
    // 50,000 rather than 100,000 records: each call copies the records to your process.
    const n = 50000;
    const stamps = Array.from({ length: n / 4 }, (_, s) => ts(s));
    const records = random(42).shuffle(Array.from({ length: n }, (_, i) => ({ id: i, createdAt: stamps[Math.floor(i / 4)] })));
    const range = (from, count) => Array.from({ length: count }, (_, k) => from - k);
    // Sorting by (createdAt desc, id desc) is simply id descending here.
    let page = paginate(records, 100);
    assert.deepStrictEqual(ids(page), range(n - 1, 100));
    page = paginate(records, 100, { cursor: page.nextCursor });
    assert.deepStrictEqual(ids(page), range(n - 101, 100));
    page = paginate(records, 37, { cursor: page.nextCursor });
    assert.deepStrictEqual(ids(page), range(n - 201, 37));
    assert.notStrictEqual(page.nextCursor, null);
  });
});
