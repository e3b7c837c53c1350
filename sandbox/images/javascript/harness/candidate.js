'use strict';
/**
 * Runs in the candidate's own process, as the unprivileged candidate user.
 *
 * It loads the submitted modules and answers the test runner's requests (fd 3, read on the event
 * loop); calls back into the tests' callbacks block on fd 4 until answered. It cannot see the
 * tests, their expected values or the report: those live in the runner's process, under another
 * user. Whatever the submission does to this process (patch globals, print, exit) stays here.
 */

const fs = require('fs');
const net = require('net');
const path = require('path');
const { FrameReader, Peer, frame } = require('./wire');

const SUBMISSION = '/tmp/submission';
const WORK = '/tmp/work';
const REQUESTS = 3;
const CALLBACKS = 4;
const modules = new Map();

/** The value at an import path: [module, attribute, ...]; an import error is thrown each time. */
function resolve(parts) {
  const [name, ...attributes] = parts;
  if (!modules.has(name)) {
    const file = path.resolve(SUBMISSION, name);
    if (!file.startsWith(`${SUBMISSION}/`)) throw new Error(`no module ${name} in the submission`);
    try {
      modules.set(name, { value: require(file) });
    } catch (error) {
      modules.set(name, { error });
    }
  }
  const loaded = modules.get(name);
  if (loaded.error) throw loaded.error;
  let value = loaded.value;
  for (const attribute of attributes) value = value[attribute];
  return value;
}

/** Blocking reads of whole frames from the callbacks channel. */
class SyncChannel {
  constructor(fd) {
    this.fd = fd;
    this.pending = Buffer.alloc(0);
  }

  read() {
    for (;;) {
      if (this.pending.length >= 4) {
        const length = this.pending.readUInt32BE(0);
        if (this.pending.length >= 4 + length) {
          const text = this.pending.toString('utf8', 4, 4 + length);
          this.pending = this.pending.subarray(4 + length);
          return JSON.parse(text);
        }
      }
      const chunk = Buffer.alloc(1 << 16);
      let count;
      try {
        count = fs.readSync(this.fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error.code === 'EAGAIN') continue;
        throw error;
      }
      if (count === 0) process.exit(0);         // the runner is gone
      this.pending = Buffer.concat([this.pending, chunk.subarray(0, count)]);
    }
  }

  write(message) {
    const bytes = frame(message);
    for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(this.fd, bytes, offset);
  }
}

function main() {
  try {
    fs.writeFileSync('/proc/self/oom_score_adj', '1000');   // the first the kernel picks, never the runner
  } catch (error) {
    // not allowed here: the memory limit still holds
  }
  fs.mkdirSync(WORK, { recursive: true });
  process.chdir(WORK);
  const requests = new net.Socket({ fd: REQUESTS, readable: true, writable: true });
  const callbacks = new SyncChannel(CALLBACKS);
  let peer;
  const transport = {
    prepare() {},
    send(channel, message) {
      if (channel === 'b') callbacks.write(message);
      else requests.write(frame(message));
    },
    wait(_channel, id) {
      while (!peer.replies.has(id)) peer.receive(callbacks.read(), 'b');
    },
  };
  peer = new Peer('C', transport, { resolve, trustedInput: true });
  const reader = new FrameReader(2 ** 31 - 1);
  requests.on('data', (chunk) => {
    for (const text of reader.push(chunk)) peer.receive(JSON.parse(text), 'a');
  });
  requests.on('close', () => process.exit(0));
  for (const name of (process.env.ASSESSOR_PRELOAD || '').split(',')) {
    if (name) {
      try {
        resolve([name]);            // while the runner loads the tests; the error is kept for later
      } catch (error) {
        // answered when the tests ask for this module
      }
    }
  }
}

main();
