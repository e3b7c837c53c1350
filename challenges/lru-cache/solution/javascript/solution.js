'use strict';
/** Reference solution for the lru-cache challenge (JavaScript). */

/** Minimal binary min-heap of [expiresAt, generation, key] ordered by expiresAt. */
class DeadlineHeap {
  constructor() {
    this.items = [];
  }

  get length() {
    return this.items.length;
  }

  peek() {
    return this.items[0];
  }

  push(item) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent][0] <= item[0]) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      let i = 0;
      const n = items.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && items[right][0] < items[left][0] ? right : left;
        if (items[child][0] >= last[0]) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  /** Keeps only the items for which keep(item) is true, then restores the heap order. */
  filter(keep) {
    const kept = this.items.filter(keep);
    kept.sort((a, b) => a[0] - b[0]);   // a sorted array is a valid heap
    this.items = kept;
  }
}

/** Fixed-capacity least-recently-used cache with optional per-entry TTL. */
class LRUCache {
  #capacity;
  #clock;
  #entries = new Map();         // key -> {value, expiresAt (Infinity if none), generation}; oldest first
  #deadlines = new DeadlineHeap();  // [expiresAt, generation, key]; stale items are skipped lazily
  #generation = 0;
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  /**
   * @param {number} capacity maximum number of live entries, a positive integer
   * @param {() => number} [clock] current time in seconds (default: performance.now() / 1000)
   */
  constructor(capacity, clock = () => performance.now() / 1000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError('capacity must be a positive integer');
    }
    this.#capacity = capacity;
    this.#clock = clock;
  }

  /** Drops every entry whose deadline has passed (amortised O(log n) per entry). */
  #purgeExpired(now) {
    const deadlines = this.#deadlines;
    const entries = this.#entries;
    while (deadlines.length > 0 && deadlines.peek()[0] <= now) {
      const [, generation, key] = deadlines.pop();
      const entry = entries.get(key);
      if (entry !== undefined && entry.generation === generation) entries.delete(key);
    }
  }

  /** The live value of key, marked most recently used; otherwise defaultValue. */
  get(key, defaultValue = undefined) {
    const entries = this.#entries;
    let entry = entries.get(key);
    if (entry !== undefined && entry.expiresAt !== Infinity && entry.expiresAt <= this.#clock()) {
      entries.delete(key);
      entry = undefined;
    }
    if (entry === undefined) {
      this.#misses += 1;
      return defaultValue;
    }
    entries.delete(key);          // re-inserting moves the key to the end: most recently used
    entries.set(key, entry);
    this.#hits += 1;
    return entry.value;
  }

  /** Inserts or replaces key as the most recently used entry; ttl in seconds, or none. */
  put(key, value, ttl = undefined) {
    const hasTtl = ttl !== undefined && ttl !== null;
    if (hasTtl && !(typeof ttl === 'number' && ttl > 0 && Number.isFinite(ttl))) {
      throw new RangeError('ttl must be undefined, null or a positive finite number of seconds');
    }
    const entries = this.#entries;
    const now = this.#clock();
    this.#purgeExpired(now);
    const generation = this.#generation++;
    const expiresAt = hasTtl ? now + ttl : Infinity;
    if (entries.has(key)) {
      entries.delete(key);
    } else if (entries.size >= this.#capacity) {
      entries.delete(entries.keys().next().value);
      this.#evictions += 1;
    }
    entries.set(key, { value, expiresAt, generation });
    if (hasTtl) this.#deadlines.push([expiresAt, generation, key]);
    if (this.#deadlines.length > 2 * entries.size + 64) {
      // Drop the stale items of replaced or evicted entries, so memory stays O(capacity).
      this.#deadlines.filter(([, gen, k]) => {
        const entry = entries.get(k);
        return entry !== undefined && entry.generation === gen;
      });
    }
  }

  /** Number of live (unexpired) entries. */
  get size() {
    this.#purgeExpired(this.#clock());
    return this.#entries.size;
  }

  /** Counters since creation: hits, misses and capacity evictions. */
  stats() {
    return { hits: this.#hits, misses: this.#misses, evictions: this.#evictions };
  }
}

module.exports = { LRUCache };
