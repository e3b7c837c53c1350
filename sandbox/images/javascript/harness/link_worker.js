'use strict';
/**
 * Worker thread of the trusted test runner: owns the candidate's process and its pipes.
 *
 * The runner's main thread blocks (Atomics.wait) while the candidate answers a call, so the pipe
 * I/O lives here, on an event loop of its own: frames from the candidate and its output are posted
 * to the main thread, each post followed by a bump of a shared counter that wakes it.
 */

const { spawn } = require('child_process');
const { StringDecoder } = require('string_decoder');
const { workerData } = require('worker_threads');
const { FrameReader, WireError } = require('./wire');

const signal = new Int32Array(workerData.signal);
const port = workerData.port;
let current = null;     // {generation, child, sockets}

function post(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function start({ generation, argv, env, cwd, uid, maxMessage, outputCap }) {
  let child;
  try {
    child = spawn(argv[0], argv.slice(1), {
      uid, gid: uid, cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    post({ t: 'exit', generation, code: null, signal: null, error: String(error.message) });
    return;
  }
  const sockets = { a: child.stdio[3], b: child.stdio[4] };
  current = { generation, child, sockets };
  let printed = 0;
  let limited = false;
  child.on('error', (error) => post({ t: 'exit', generation, code: null, signal: null, error: String(error.message) }));
  child.on('exit', (code, name) => post({ t: 'exit', generation, code, signal: name }));
  for (const stream of [child.stdout, child.stderr]) {
    const decoder = new StringDecoder('utf8');
    stream.on('data', (chunk) => {
      if (limited) return;
      const room = outputCap - printed;
      printed += chunk.length;
      if (chunk.length > room) {
        limited = true;
        post({ t: 'output', generation, text: decoder.write(chunk.subarray(0, Math.max(room, 0))) });
        post({ t: 'output_limit', generation });
        return;
      }
      post({ t: 'output', generation, text: decoder.write(chunk) });
    });
  }
  for (const [channel, socket] of Object.entries(sockets)) {
    const reader = new FrameReader(maxMessage);
    socket.on('data', (chunk) => {
      let texts;
      try {
        texts = reader.push(chunk);
      } catch (error) {
        if (!(error instanceof WireError)) throw error;
        post({ t: 'garbled', generation, reason: error.message });
        socket.destroy();
        return;
      }
      for (const text of texts) post({ t: 'frame', generation, channel, text });
    });
    socket.on('error', () => {});
    socket.on('close', () => post({ t: 'closed', generation, channel }));
  }
}

port.on('message', (message) => {
  if (message.t === 'spawn') {
    start(message);
  } else if (message.t === 'send') {
    if (current && current.generation === message.generation) {
      const socket = current.sockets[message.channel];
      if (!socket.destroyed) socket.write(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
    }
  }
});
