'use strict';
/** Reference solution for the log-summary challenge (JavaScript). */

const LINE = new RegExp(
  '^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] "([^"]*)" ([0-9]{3}) ([0-9]+|-)'
  + '(?: "[^"]*" "[^"]*")?'
  + '(?: ([0-9]+(?:\\.[0-9]+)?))?$',
);

/** Orders [path, count] pairs by count descending, then path ascending. */
function byCountThenPath([pathA, countA], [pathB, countB]) {
  if (countA !== countB) return countB - countA;
  if (pathA === pathB) return 0;
  return pathA < pathB ? -1 : 1;
}

/**
 * Summarises Common/Combined Log Format lines (any iterable of strings).
 *
 * @returns {{totalRequests: number, statusClasses: Object<string, number>,
 *   topPaths: {path: string, count: number}[], malformed: number, p95Ms: number | null}}
 */
function summarise(lines) {
  let totalRequests = 0;
  let malformed = 0;
  const statusClasses = {};
  const paths = new Map();
  const timings = [];

  for (const raw of lines) {
    const line = raw.replace(/[\r\n]+$/, '');
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    const parts = m ? m[5].split(' ') : null;
    const status = m ? Number(m[6]) : 0;
    if (!m || parts.length !== 3 || parts.some((part) => part === '') || status < 100 || status > 599) {
      malformed += 1;
      continue;
    }
    totalRequests += 1;
    const statusClass = `${Math.floor(status / 100)}xx`;
    statusClasses[statusClass] = (statusClasses[statusClass] || 0) + 1;
    const path = parts[1].split('?', 1)[0];
    paths.set(path, (paths.get(path) || 0) + 1);
    if (m[8] !== undefined) timings.push(Number(m[8]));
  }

  // The three best by a single pass, rather than sorting every distinct path.
  const top = [];
  for (const pair of paths) {
    if (top.length < 3 || byCountThenPath(pair, top[top.length - 1]) < 0) {
      top.push(pair);
      top.sort(byCountThenPath);
      if (top.length > 3) top.pop();
    }
  }

  let p95Ms = null;
  if (timings.length > 0) {
    const sorted = Float64Array.from(timings).sort();
    const rank = Math.floor((95 * sorted.length + 99) / 100);   // ceil(95 n / 100) in integers
    p95Ms = sorted[rank - 1];
  }

  return {
    totalRequests,
    statusClasses,
    topPaths: top.map(([path, count]) => ({ path, count })),
    malformed,
    p95Ms,
  };
}

module.exports = { summarise };
