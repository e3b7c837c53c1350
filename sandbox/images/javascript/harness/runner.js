'use strict';
/**
 * Trusted test runner of the JavaScript unit harness: loads the challenge's node:test files in this
 * process and serves their `require('./solution')` with the candidate's module, held in another
 * process (see link.js). Started by run_node_tests.py with node's --test-reporter set to
 * reporter.js, which turns node:test's events into report lines on stdout.
 *
 *     node --test-reporter=reporter.js runner.js TESTS_DIR      settings in ASSESSOR_SETTINGS
 *
 * Report lines (JSON, one per line, on stdout; anything the tests print goes to stderr):
 *     {"event": "collect_error", "nodeid": "hidden.test.js", "message": "..."}
 *     {"event": "test", ...}  (reporter.js)      {"event": "done"}  once every test has reported
 */

const fs = require('fs');
const Module = require('module');
const path = require('path');
const { CandidateTimeout, Link, SUBMISSION, writable } = require('./link');
const results = require('./results');

const TESTS = path.resolve(process.argv[2]);
const MESSAGE_CHARS = 2000;

/** One report line, written synchronously: nothing the tests print can interleave with it. */
function report(event) {
  fs.writeSync(results.reportFd, `${JSON.stringify(event)}\n`);
}

// What `require('assessor-testing')` gives a challenge's tests.
const TESTING = Object.freeze({ writable });

/**
 * The submission module a test's relative require() names, or null if it is a file of the tests
 * (or not relative). A module found in neither place is an error that names what is missing.
 */
function submissionModule(request, parent) {
  if (!parent || !parent.filename || !(request.startsWith('./') || request.startsWith('../'))) return null;
  if (!parent.filename.startsWith(`${TESTS}/`)) return null;
  const wanted = path.resolve(path.dirname(parent.filename), request);
  if (!wanted.startsWith(`${TESTS}/`)) return null;
  try {
    Module._resolveFilename(request, parent);
    return null;                        // a helper file of the tests themselves
  } catch (error) {
    // not among the tests: maybe the submission's
  }
  const name = path.relative(TESTS, wanted).replace(/\.(c?js|json)$/, '');
  const candidates = [`${name}.js`, `${name}.cjs`, `${name}.json`, path.join(name, 'index.js'), name];
  if (candidates.some((file) => fs.existsSync(path.join(SUBMISSION, file)) && fs.statSync(path.join(SUBMISSION, file)).isFile())) {
    return name;
  }
  throw new Error(`the tests require '${request}', but the submission has no ${name}.js`);
}

/** node:test with test/it/describe wrapped: ids, per-test deadlines and the candidate's output per test. */
function wrappedNodeTest(real, link) {
  let scope = { file: '', names: [] };
  const topLevel = results.topLevel;      // files of the top-level tests, in the order they will run

  function adapt(kind, args) {
    args = [...args];
    const index = args.findIndex((arg) => typeof arg === 'function');
    const name = typeof args[0] === 'string' ? args[0] : (index >= 0 && args[index].name) || '<anonymous>';
    const inner = { file: scope.file, names: [...scope.names, name] };
    if (!scope.names.length) topLevel.push({ name, file: scope.file });
    if (index < 0) return args;
    const fn = args[index];
    if (kind === 'suite') {
      args[index] = function suite(...suiteArgs) {
        const saved = scope;
        scope = inner;
        try {
          return fn.apply(this, suiteArgs);
        } finally {
          scope = saved;
        }
      };
    } else {
      const id = `${inner.file}::${inner.names.join(' > ')}`;
      const run = (self, testArgs) => runTest(link, id, fn, self, testArgs);
      // node:test reads the function's arity: two parameters mean a callback-style test (t, done).
      args[index] = fn.length >= 2
        ? function test(t, done) { return run(this, [t, done]); }
        : function test(t) { return run(this, [t]); };
    }
    return args;
  }

  function wrap(kind, original) {
    const wrapped = function (...args) { return original.apply(this, adapt(kind, args)); };
    for (const variant of ['skip', 'todo', 'only']) {
      if (typeof original[variant] === 'function') {
        wrapped[variant] = function (...args) { return original[variant].apply(this, adapt(kind, args)); };
      }
    }
    return wrapped;
  }

  const module = wrap('test', real);
  for (const [key, value] of Object.entries(real)) {
    if (!(key in module)) module[key] = value;     // before, after, mock, ...: as they are
  }
  module.test = module;
  module.it = wrap('test', real.it);
  module.describe = wrap('suite', real.describe);
  if (real.suite) module.suite = wrap('suite', real.suite);
  return { module, enter(file) { scope = { file, names: [] }; } };
}

/** Run one test function with its deadline; its result (or promise) is bounded by the deadline too. */
function runTest(link, id, fn, self, args) {
  const deadline = link.beginTest();
  const mark = link.output.length;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    link.endTest();
    link.pump();
    results.outputs.set(id, link.output.slice(mark, mark + MESSAGE_CHARS));
  };
  let result;
  try {
    result = fn.apply(self, args);
  } catch (error) {
    finish();
    throw error;
  }
  if (!result || typeof result.then !== 'function') {
    finish();
    return result;
  }
  let timer;
  const expired = new Promise((_resolve, reject) => {
    timer = setTimeout(() => {
      link.stop('timeout');
      reject(new CandidateTimeout('time limit exceeded: the test did not finish in time'));
    }, Math.max(deadline - performance.now(), 1));
  });
  return Promise.race([result, expired]).finally(() => {
    clearTimeout(timer);
    finish();
  });
}

function testFiles(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files;
}

function main() {
  // What the tests print must not reach the report: stdout becomes stderr for everyone but report().
  process.stdout.write = process.stderr.write.bind(process.stderr);
  process.umask(0o077);
  fs.mkdirSync('/tmp/work', { recursive: true, mode: 0o1777 });
  fs.chmodSync('/tmp/work', 0o1777);    // the candidate's home; we may not chown it to them
  const settings = JSON.parse(process.env.ASSESSOR_SETTINGS || '{}');
  const link = new Link(settings, report);
  link.prepare();                       // the candidate's process starts while the tests load
  results.link = link;
  results.tests = TESTS;
  results.report = report;
  const nodeTest = wrappedNodeTest(require('node:test'), link);
  // Modules of the tests resolve inside the tests folder or the system's: never from /tmp, where
  // the candidate's user may write (a /tmp/node_modules it planted would run as us).
  const nodeModulePaths = Module._nodeModulePaths;
  Module._nodeModulePaths = (from) => nodeModulePaths(from).filter((folder) => folder.startsWith(`${TESTS}/`));
  Module.globalPaths.splice(0, Module.globalPaths.length, ...Module.globalPaths.filter((folder) => !folder.startsWith('/tmp')));
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'node:test') return nodeTest.module;
    if (request === 'assessor-testing') return TESTING;
    const name = submissionModule(request, parent);
    if (name !== null) return link.module(name);
    return load.call(this, request, parent, isMain);
  };
  process.chdir(TESTS);
  for (const file of testFiles(TESTS)) {
    const relative = path.relative(TESTS, file);
    nodeTest.enter(relative);
    try {
      require(file);
    } catch (error) {
      report({ event: 'collect_error', nodeid: relative, message: results.describe(error) });
    }
  }
  process.on('exit', () => {
    link.close();
    if (!results.done) report({ event: 'done' });   // no test was declared: the reporter never ran
  });
}

main();
