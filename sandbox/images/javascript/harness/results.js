'use strict';
/**
 * What the runner (runner.js) and node:test's reporter (reporter.js) share, in the runner's
 * process: the report's file descriptor, the candidate's output per test id, and how a finished
 * test becomes a report event (outcome and message).
 */

const { CandidateCrashed, CandidateTimeout, SUBMISSION } = require('./link');
const { REMOTE_ERROR, StaleHandle } = require('./wire');

const MESSAGE_CHARS = 2000;

const results = {
  reportFd: 1,
  outputs: new Map(),       // test id -> what the candidate printed while it ran
  topLevel: [],             // {name, file} of each top-level test and suite, in declaration order
  tests: '',                // the tests folder: ids are relative to it
  report: null,
  done: false,
  testEvent,
  topLevelFile,
  describe,
};

/**
 * The file of a top-level test that starts now. node:test names the entry script as every test's
 * file (the runner loads the test files itself), so the runner's record of declarations decides.
 */
function topLevelFile(name) {
  const index = results.topLevel.findIndex((entry) => entry.name === name);
  if (index < 0) return '';
  const [entry] = results.topLevel.splice(index, 1);
  return entry.file;
}

/** The report event of a test:pass / test:fail event of node:test; `names` are its suites and itself. */
function testEvent(type, data, file, names) {
  const nodeid = `${file}::${names.join(' > ')}`;
  const error = data.details && data.details.error;
  return {
    event: 'test',
    nodeid,
    outcome: outcome(type, data, error),
    message: type === 'test:pass' ? '' : describe(error && error.cause !== undefined ? error.cause : error),
    output: results.outputs.get(nodeid) || '',
    duration_ms: Math.round((data.details && data.details.duration_ms) || 0),
  };
}

function outcome(type, data, error) {
  if (data.skip !== undefined || data.todo !== undefined) return 'skipped';
  if (type === 'test:pass') return 'passed';
  const cause = error && error.cause !== undefined ? error.cause : error;
  if ((error && error.failureType === 'testTimeoutFailure') || cause instanceof CandidateTimeout) return 'timeout';
  if (cause instanceof CandidateCrashed || cause instanceof StaleHandle) return 'error';
  // The tests' assertions fail; anything the candidate's code throws is an error, as with pytest.
  if (cause instanceof Error && !cause[REMOTE_ERROR] && cause.code === 'ERR_ASSERTION') return 'failed';
  return 'error';
}

/** A failure's message as the candidate may read it: no harness paths, no endless text. */
function describe(error) {
  let text;
  if (!(error instanceof Error)) {
    text = `thrown: ${String(error)}`;
  } else if (error[REMOTE_ERROR]) {
    const where = /\/tmp\/submission\/([^\s():]+:\d+)/.exec(String(error.stack));
    text = `${error.name}: ${error.message}${where ? ` (at ${where[1]})` : ''}`;
  } else if (error.code === 'ERR_ASSERTION' || error instanceof CandidateTimeout || error instanceof CandidateCrashed) {
    text = error.message;
  } else {
    text = `${error.name}: ${error.message}`;
  }
  return text.split(`${SUBMISSION}/`).join('').split(`${results.tests}/`).join('').slice(0, MESSAGE_CHARS);
}

module.exports = results;
