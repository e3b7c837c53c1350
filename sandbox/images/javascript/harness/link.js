'use strict';
/**
 * The trusted runner's link to the candidate's process.
 *
 *     runner main thread (uid 0: tests, node:test, the report)
 *        │  MessagePort + a shared counter (Atomics.wait): calls block until answered
 *     link worker thread (same process): the candidate's pipes and output
 *        │  two socket pairs of length-prefixed JSON: a = our requests, b = its callbacks
 *     candidate process (uid 10001, its own session): the submission, loaded by candidate.js
 *
 * A call from a test blocks the main thread until the answer arrives or the test's deadline
 * passes; then every process of the candidate's user is killed and the call fails with
 * CandidateTimeout. A crash fails the call with CandidateCrashed. Either way the next call starts
 * a fresh process (handles found by import path survive; others are stale).
 */

const fs = require('fs');
const path = require('path');
const { MessageChannel, Worker, receiveMessageOnPort } = require('worker_threads');
const { Peer, WireError, byReference, frame } = require('./wire');

const CANDIDATE_UID = 10001;
const SUBMISSION = '/tmp/submission';
const WORK = '/tmp/work';
const HARNESS_MB = 128;           // the harness's share of the container's memory (sandbox/limits.py)

class CandidateTimeout extends Error {}
CandidateTimeout.prototype.name = 'CandidateTimeout';

class CandidateCrashed extends Error {}
CandidateCrashed.prototype.name = 'CandidateCrashed';

// The tests' objects whose properties the candidate's code may set (see `writable`).
const WRITABLE = new WeakSet();

/**
 * Lets the candidate's code set properties of one of the tests' objects (a mock `res` it fills in);
 * the object then crosses by reference even when it holds only data.
 */
function writable(object) {
  WRITABLE.add(object);
  return byReference(object);
}

/**
 * What the candidate may do with the tests' own objects and callbacks handed to it: read, call and
 * iterate them; set their properties only where a test said so with `writable()` (otherwise a
 * test's counter of calls could be rewritten by the code it counts).
 */
function testsPolicy(op, target, key) {
  if (op === 'set' && !WRITABLE.has(target)) {
    throw new TypeError(`property '${String(key).slice(0, 100)}' of the tests' objects is read-only`);
  }
  if (!['call', 'invoke', 'get', 'set', 'has', 'keys', 'iterate'].includes(op)) {
    throw new TypeError(`the tests' objects do not allow '${op}'`);
  }
  if (key !== undefined && (key.startsWith('_') || key === 'prototype' || key in Object.prototype || key in Function.prototype)) {
    throw new TypeError(`property '${key}' of the tests' objects is not reachable`);
  }
}

class Link {
  constructor(settings, report) {
    this.settings = settings;
    this.report = report;
    this.testTimeoutMs = Number(settings.test_timeout_s) * 1000;
    this.runDeadline = performance.now() + Number(settings.time_limit_s) * 1000;
    this.outputCap = Number(settings.output_bytes);
    this.deadline = null;                  // of the current test, when one is running
    this.output = '';
    this.alive = false;
    this.crash = null;                     // why the last process ended, while no new one runs
    this.closing = null;
    this.stoppedByUs = null;
    this.outputLimited = false;
    this.preload = new Set(fs.existsSync(path.join(SUBMISSION, 'solution.js')) ? ['solution'] : []);
    this.oomBaseline = oomKills();
    this.counter = new Int32Array(new SharedArrayBuffer(4));
    this.sleeper = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(path.join(__dirname, 'link_worker.js'), {
      workerData: { signal: this.counter.buffer, port: port2 }, transferList: [port2],
    });
    this.worker.on('error', (error) => {
      report({ event: 'harness_error', message: `link worker failed: ${error.stack || error}` });
      process.exit(3);
    });
    this.worker.unref();
    this.port.on('message', (message) => this.dispatchIdle(message));
    this.port.unref();
    this.peer = new Peer('T', this, { policy: testsPolicy });
  }

  /** The candidate's module at a submission path ('solution'), as the tests' require() returns it. */
  module(name) {
    this.preload.add(name);
    return this.peer.request('resolve', { path: [name] });
  }

  /** Start a test: calls into the candidate's code must answer before its deadline. */
  beginTest() {
    const now = performance.now();
    if (now >= this.runDeadline) throw new CandidateTimeout('not run: the time limit of the whole run was reached');
    this.deadline = Math.min(now + this.testTimeoutMs, this.runDeadline);
    return this.deadline;
  }

  endTest() {
    this.deadline = null;
    this.keepAliveForPromises();
  }

  // ------------------------------------------------------------------ transport (used by the Peer)

  /** A live candidate process, started if needed. */
  prepare() {
    if (this.alive) return;
    if (this.outputLimited) throw new CandidateCrashed('stopped: the code printed more output than allowed');
    killCandidateProcesses(this.sleeper);
    const heapMb = Math.max(16, Math.floor(memoryLimitMb() - HARNESS_MB));
    const nproc = Number(this.settings.nproc) || 64;
    this.port.postMessage({
      t: 'spawn',
      generation: this.peer.generation,
      argv: ['/usr/bin/prlimit', `--nproc=${nproc}:${nproc}`, '--', process.execPath,
        `--max-old-space-size=${heapMb}`, path.join(__dirname, 'candidate.js')],
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: WORK, TMPDIR: WORK, LANG: 'C.UTF-8',
        ASSESSOR_PRELOAD: [...this.preload].join(',') },
      cwd: WORK,
      uid: CANDIDATE_UID,
      maxMessage: Number(this.settings.message_bytes) || 32 << 20,
      outputCap: Math.max(this.outputCap - Buffer.byteLength(this.output), 0),
    });
    this.alive = true;
    this.crash = null;
    this.closing = null;
    this.stoppedByUs = null;
    this.startedAt = this.output.length;
  }

  send(channel, message) {
    if (!this.alive) return;
    this.port.postMessage({ t: 'send', generation: this.peer.generation, channel, bytes: frame(message) });
  }

  /** Block until the answer to request `id` has arrived; CandidateTimeout / CandidateCrashed otherwise. */
  wait(_channel, id) {
    const generation = this.peer.generation;
    const deadline = Math.min(this.deadline === null ? performance.now() + this.testTimeoutMs : this.deadline,
      this.runDeadline + 1000);
    for (;;) {
      if (this.peer.replies.has(id)) {
        this.keepAliveForPromises();                    // a promise of the candidate may settle later
        return;
      }
      if (this.peer.generation !== generation) throw this.crash;
      const seen = Atomics.load(this.counter, 0);
      if (this.pump(id)) continue;
      const now = performance.now();
      if (this.closing !== null && now >= this.closing) {
        this.stop('the code broke its connection to the tests');
        continue;
      }
      if (now >= deadline) {
        this.stop('timeout', new CandidateTimeout('time limit exceeded: your code did not return in time'));
        throw this.crash;
      }
      const until = this.closing === null ? deadline : Math.min(deadline, this.closing);
      Atomics.wait(this.counter, 0, seen, Math.max(1, Math.min(until - now, 1000)));
    }
  }

  /** Handle every message the worker has posted; true if there were any. */
  pump(id = null) {
    let any = false;
    for (let entry = receiveMessageOnPort(this.port); entry !== undefined; entry = receiveMessageOnPort(this.port)) {
      any = true;
      this.dispatch(entry.message);
      if (id !== null && (this.peer.replies.has(id) || this.crash)) break;
    }
    return any;
  }

  /** A message that arrived while no call waits: a callback, a settled promise, output, an exit. */
  dispatchIdle(message) {
    try {
      this.dispatch(message);
    } catch (error) {
      // Answering failed (the candidate stopped reading, or is gone): it is stopped; tests notice.
      if (!(error instanceof CandidateTimeout) && !(error instanceof CandidateCrashed)) throw error;
    }
    this.keepAliveForPromises();
  }

  /**
   * Keep the runner alive for the candidate's pending promises only while a test runs that may
   * await them: one that never settles must not hold the run open after its test has ended.
   */
  keepAliveForPromises() {
    if (this.deadline !== null && this.peer.promises.size) this.port.ref();
    else this.port.unref();
  }

  dispatch(message) {
    if (message.t === 'output') {
      this.output += message.text;
      return;
    }
    if (message.generation !== this.peer.generation || !this.alive) return;
    switch (message.t) {
      case 'frame': {
        let parsed;
        try {
          parsed = JSON.parse(message.text);
          this.peer.receive(parsed, message.channel);
        } catch (error) {
          if (error instanceof CandidateTimeout || error instanceof CandidateCrashed) throw error;
          // Malformed, too deep, too big: whatever it was, it is not an answer.
          this.stop(`your process sent something that is not an answer (${error instanceof WireError ? error.message : error.name})`);
        }
        return;
      }
      case 'closed':
        if (this.closing === null) this.closing = performance.now() + 200;
        return;
      case 'garbled':
        this.stop(`your process sent something that is not an answer (${message.reason})`);
        return;
      case 'output_limit':
        this.outputLimited = true;
        this.report({ event: 'output_limit' });
        this.stop('stopped: the code printed more output than allowed');
        return;
      case 'exit':
        this.ended(this.exitReason(message));
        return;
      default:
    }
  }

  exitReason({ code, signal, error }) {
    if (error) return `your process could not start (${error})`;
    const printed = this.output.slice(this.startedAt);
    const oom = signal === 'SIGKILL' && (oomKills() || 0) > (this.oomBaseline || 0);
    if (oom || /heap out of memory|Allocation failed/.test(printed)) {
      this.oomBaseline = oomKills();
      this.report({ event: 'memory_limit' });
      return 'killed: memory limit exceeded';
    }
    if (signal) return `your process was killed by signal ${signal}`;
    return `your process exited (status ${code}) before answering`;
  }

  /** Kill every process of the candidate's user and fail what waits on it. */
  stop(reason, error = null) {
    this.stoppedByUs = reason;
    killCandidateProcesses(this.sleeper);
    this.ended(reason, error);
  }

  ended(reason, error = null) {
    if (!this.alive) return;
    this.alive = false;
    this.crash = error || new CandidateCrashed(reason);
    for (const pending of this.peer.promises.values()) pending.reject(this.crash);
    this.peer.reset();
    this.port.unref();
  }

  /** Stop the candidate for good (end of the run). */
  close() {
    killCandidateProcesses(this.sleeper);
    this.alive = false;
  }
}

/** SIGKILL every process of the candidate's user until none is left (it may fork as it dies). */
function killCandidateProcesses(sleeper) {
  for (let round = 0; round < 100; round++) {
    const pids = candidatePids();
    if (!pids.length) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch (error) {
        // already gone
      }
    }
    Atomics.wait(sleeper, 0, 0, 2);
  }
}

function candidatePids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const uid = /^Uid:\s+(\d+)/m.exec(status);
      const state = /^State:\s+(\S)/m.exec(status);
      if (uid && Number(uid[1]) === CANDIDATE_UID && state && state[1] !== 'Z') pids.push(Number(entry));
    } catch (error) {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The container's count of OOM kills (cgroup v2 or v1), or null. */
function oomKills() {
  for (const file of ['/sys/fs/cgroup/memory.events', '/sys/fs/cgroup/memory/memory.oom_control']) {
    try {
      const match = /^oom_kill (\d+)/m.exec(fs.readFileSync(file, 'utf8'));
      if (match) return Number(match[1]);
    } catch (error) {
      // not this cgroup version
    }
  }
  return null;
}

/** The container's memory limit in MB (cgroup v2 or v1); 512 when unknown. */
function memoryLimitMb() {
  for (const file of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const bytes = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isFinite(bytes) && bytes > 0 && bytes < 2 ** 50) return bytes / 2 ** 20;
    } catch (error) {
      // not this cgroup version
    }
  }
  return 512;
}

module.exports = { Link, CandidateTimeout, CandidateCrashed, killCandidateProcesses, writable, SUBMISSION, WORK };
