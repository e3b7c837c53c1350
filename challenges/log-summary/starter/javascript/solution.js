'use strict';
/**
 * Summarise an access log.
 *
 * Implement `summarise` below. See the statement for the full specification.
 * Only Node's built-in modules may be used.
 */

/**
 * Summarises Common/Combined Log Format access-log lines.
 *
 * `lines` may be any iterable of strings (an array, or a one-shot generator);
 * each line may end in "\n" or "\r\n".
 *
 * Returns a plain object with exactly these properties:
 *
 * - `totalRequests` (number): the number of well-formed lines.
 * - `statusClasses` (object): count per status class, e.g. `{ '2xx': 3, '4xx': 1 }`;
 *   only classes that occur are present.
 * - `topPaths` (array): up to three `{ path, count }` objects, by count descending,
 *   ties broken by path ascending. The path is the request target without its
 *   query string.
 * - `malformed` (number): the number of non-blank lines that could not be parsed
 *   (they are otherwise ignored). Blank lines are not counted.
 * - `p95Ms` (number | null): nearest-rank 95th percentile of the trailing
 *   response-time field, i.e. the value at 1-based rank `ceil(95 * n / 100)` of the
 *   `n` sorted timings; `null` if no well-formed line has a response time.
 *
 * @param {Iterable<string>} lines
 * @returns {{totalRequests: number, statusClasses: Object<string, number>,
 *   topPaths: {path: string, count: number}[], malformed: number, p95Ms: number | null}}
 */
function summarise(lines) {
  throw new Error('not implemented');
}

module.exports = { summarise };
