'use strict';
/**
 * The wire between the trusted test runner and the candidate's process (JavaScript unit harness).
 *
 * Values cross as JSON data: primitives, arrays, plain objects, Map, Set, Date, RegExp, errors,
 * typed arrays and BigInt are copied. Functions and other objects (class instances, generators)
 * stay where they live and cross as *handles*: the other side gets a Proxy whose calls, property
 * reads and writes become requests. Promises cross as pending handles that settle later.
 *
 *     request  {id, op, ...}            answer  {re, ok} | {re, err}
 *     settle   {settle, ok} | {settle, err}       a promise handle was fulfilled / rejected
 *
 * Frames on the pipes are a 4-byte big-endian length and the UTF-8 JSON text. Both processes use
 * this module; the trusted side decodes what the candidate sends as hostile data: a malformed value
 * is a WireError, never code that runs. The stand-ins are in proxies.js: conversion hooks of remote
 * objects (valueOf, toString, Symbol.toPrimitive, then, toJSON) are never forwarded, so a candidate
 * object does not decide how it compares, prints or awaits.
 *
 * By value and by reference: arrays, and plain objects without methods, are copied (the other side
 * mutating its copy changes nothing here); a plain object with methods (a mock `res`, a counter)
 * crosses by reference. A module's exports are copied, their functions keeping their import path.
 */

const MAX_DEPTH = 400;
const TYPED_ARRAYS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
const {
  Handle, NEVER_FORWARDED, REMOTE_ERROR, StaleHandle, errorClass, functionProxy, objectProxy,
} = require('./proxies');

class WireError extends Error {}

/** A frame: 4-byte length and the JSON text. */
function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Splits a byte stream into frames' texts; an oversized frame raises WireError. */
class FrameReader {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.chunks = [];
    this.size = 0;
    this.needed = 4;             // bytes to wait for before looking again (a big frame comes in many chunks)
  }

  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size < this.needed) return [];
    let buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const texts = [];
    this.needed = 4;
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (length > this.maxBytes) throw new WireError(`a message of ${length} bytes is over the ${this.maxBytes}-byte limit`);
      if (buffer.length < 4 + length) {
        this.needed = 4 + length;
        break;
      }
      texts.push(buffer.toString('utf8', 4, 4 + length));
      buffer = buffer.subarray(4 + length);
    }
    this.chunks = buffer.length ? [buffer] : [];
    this.size = buffer.length;
    return texts;
  }
}

/** Whether a value is its own JSON: a string, a boolean, null or a finite number other than -0. */
function isScalar(value) {
  return typeof value === 'string' || typeof value === 'boolean' || value === null
    || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));
}

/** Whether a value is copied as a plain object (its prototype is Object.prototype or null). */
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Marks an object that crosses by reference even though it is plain data (a test's writable()).
const BY_REFERENCE = Symbol('assessor.byReference');

/** Let an object cross by reference whatever it holds; the other side then reaches the object itself. */
function byReference(object) {
  Object.defineProperty(object, BY_REFERENCE, { value: true });
  return object;
}

/** Whether a plain object has a function among its own enumerable properties (getters are not run). */
function hasMethods(value) {
  return Object.keys(value).some((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor && typeof descriptor.value === 'function';
  });
}

/** Names of an object's methods: its own function properties and those of its classes (not Object's). */
function methodNames(value) {
  const names = new Set();
  for (let proto = value; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && descriptor && typeof descriptor.value === 'function' && !NEVER_FORWARDED.has(name)
          && !/^class\b/.test(Function.prototype.toString.call(descriptor.value))) {
        names.add(name);
      }
    }
  }
  return [...names].slice(0, 200);
}

/**
 * One end of the wire. `transport` sends frames ({send(channel, message)}) and blocks until an
 * answer is in `replies` ({wait(channel, id)}); `policy(op, target, key)` may refuse a request.
 */
class Peer {
  constructor(side, transport, { policy = null, resolve = null, trustedInput = false } = {}) {
    this.side = side;
    this.transport = transport;
    this.policy = policy;
    this.resolver = resolve;
    this.trustedInput = trustedInput;
    this.ids = 1;
    this.replies = new Map();
    this.awaiting = new Set();
    this.serving = 0;          // requests of the other side being served (nested calls use channel b)
    this.generation = 0;       // the trusted side counts restarts of the candidate's process
    this.reset();
  }

  /** Forget every handle: the other process was replaced. */
  reset() {
    this.exports = new Map();
    this.exportIds = new Map();
    this.proxies = new Map();
    this.handles = new WeakMap();      // our proxies -> the remote handle they stand for
    this.promises = new Map();         // pending remote promises: id -> {resolve, reject}
    this.generation += 1;
  }

  // ------------------------------------------------------------------ requests

  /**
   * Send a request and wait (synchronously) for its answer; a remote throw is rethrown here.
   * `fields` holds local values (target: a Handle; this, args, value) encoded only once the
   * transport is ready, so a restarted process never receives an earlier process's handles.
   */
  request(op, fields = {}) {
    this.transport.prepare();
    const id = this.ids++;
    const message = { id, op };
    if (fields.target) message.target = fields.target.reference();
    if (fields.key !== undefined) message.key = fields.key;
    if (fields.path) message.path = fields.path;
    if ('this' in fields) message.this = this.encode(fields.this);
    if ('value' in fields) message.value = this.encode(fields.value);
    if (fields.args) message.args = fields.args.map((arg) => this.encode(arg));
    const channel = this.serving > 0 || this.side === 'C' ? 'b' : 'a';
    this.awaiting.add(id);
    try {
      this.transport.send(channel, message);
      this.transport.wait(channel, id);
    } finally {
      this.awaiting.delete(id);
    }
    const answer = this.replies.get(id);
    this.replies.delete(id);
    if (Object.prototype.hasOwnProperty.call(answer, 'err')) throw this.decode(answer.err);
    return this.decode(answer.ok);
  }

  /** Handle one incoming message: an answer, a settled promise or a request to serve. */
  receive(message, channel) {
    if (message === null || typeof message !== 'object' || Array.isArray(message)) throw new WireError('garbled message');
    if (typeof message.re === 'number') {
      if (this.awaiting.has(message.re) && !this.replies.has(message.re)) this.replies.set(message.re, message);
      return;
    }
    if (typeof message.settle === 'number') {
      const pending = this.promises.get(message.settle);
      if (!pending) return;
      this.promises.delete(message.settle);
      if (Object.prototype.hasOwnProperty.call(message, 'err')) pending.reject(this.decodeSafely(message.err));
      else pending.resolve(this.decodeSafely(message.ok));
      return;
    }
    if (typeof message.op !== 'string' || typeof message.id !== 'number') throw new WireError('garbled message');
    let reply;
    this.serving += 1;
    try {
      reply = { re: message.id, ok: this.encode(this.serve(message)) };
    } catch (error) {
      reply = { re: message.id, err: this.encodeError(error) };
    } finally {
      this.serving -= 1;
    }
    this.transport.send(channel, reply);
  }

  decodeSafely(data) {
    try {
      return this.decode(data);
    } catch (error) {
      return error;
    }
  }

  encodeError(error) {
    try {
      return this.encode(error instanceof Error ? error : new Error(String(error)));
    } catch (failure) {
      return { $: 'err', name: 'Error', message: 'an error that could not be sent', stack: '', chain: ['Error'], props: [] };
    }
  }

  /** Carry out a request on one of our objects. */
  serve(message) {
    const op = message.op;
    if (op === 'resolve') {
      if (!this.resolver) throw new Error('nothing to resolve here');
      const path = message.path;
      if (!Array.isArray(path) || !path.every((p) => typeof p === 'string')) throw new WireError('bad path');
      return new Resolved(this.resolver(path), path);
    }
    const target = this.decode(message.target);
    const key = message.key;
    if (key !== undefined && typeof key !== 'string') throw new WireError('bad key');
    if (this.policy) this.policy(op, target, key);
    switch (op) {
      case 'call':
        return Reflect.apply(target, this.decode(message.this), this.decodeArgs(message.args));
      case 'construct':
        return Reflect.construct(target, this.decodeArgs(message.args));
      case 'invoke':
        return Reflect.apply(target[key], target, this.decodeArgs(message.args));
      case 'get':
        return message.path && this.resolver ? new Resolved(target[key], [...message.path, key]) : target[key];
      case 'set':
        target[key] = this.decode(message.value);
        return undefined;
      case 'has':
        return key in target;
      case 'keys':
        return Object.keys(target);
      case 'instanceof':
        return this.decode(message.value) instanceof target;
      case 'iterate':
        return target[Symbol.iterator]();
      default:
        throw new WireError(`unknown operation ${op}`);
    }
  }

  decodeArgs(args) {
    if (!Array.isArray(args)) throw new WireError('bad arguments');
    return args.map((arg) => this.decode(arg));
  }

  // ------------------------------------------------------------------ encoding

  /** A value as JSON-able data; functions and objects become handles, promises pending handles. */
  encode(value) {
    return this.encodeValue(value, new Map(), 0, null);
  }

  encodeValue(value, seen, depth, path) {
    if (value instanceof Resolved) return this.encodeValue(value.value, seen, depth, value.path);
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value) && !Object.is(value, -0)) return value;
        return { $: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
      case 'undefined':
        return { $: 'u' };
      case 'bigint':
        return { $: 'b', v: value.toString() };
      case 'symbol':
        return { $: 's', v: value.description === undefined ? null : String(value.description) };
      case 'function':
        return this.handleOf(value, 'f', path);
      default:
    }
    if (value === null) return null;
    if (depth > MAX_DEPTH) throw new RangeError('the value is nested too deeply to be sent');
    const remote = this.handles.get(value);
    if (remote) return remote.reference();
    if (seen.has(value)) return { $: 'dup', v: seen.get(value) };
    if (Array.isArray(value)) {
      seen.set(value, seen.size);
      if (value.every(isScalar)) return value;          // JSON as it is: the common, big case
      const items = new Array(value.length);
      for (let i = 0; i < value.length; i++) items[i] = this.encodeValue(value[i], seen, depth + 1, null);
      return items;
    }
    if (value instanceof Promise) return this.promiseOf(value);
    if (value instanceof Error) return this.encodeErrorValue(value, seen, depth);
    if (value instanceof Date) return { $: 'date', v: Number.isNaN(value.getTime()) ? null : value.getTime() };
    if (value instanceof RegExp) return { $: 're', v: value.source, f: value.flags };
    if (value instanceof Map) {
      seen.set(value, seen.size);
      const entries = [];
      for (const [k, v] of value) entries.push([this.encodeValue(k, seen, depth + 1, null), this.encodeValue(v, seen, depth + 1, null)]);
      return { $: 'map', v: entries };
    }
    if (value instanceof Set) {
      seen.set(value, seen.size);
      const items = [];
      for (const item of value) items.push(this.encodeValue(item, seen, depth + 1, null));
      return { $: 'set', v: items };
    }
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const type = Buffer.isBuffer(value) ? 'Buffer' : value.constructor && value.constructor.name;
      if (type === 'Buffer' || TYPED_ARRAYS[type]) {
        return { $: 'bytes', t: type, v: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
      }
    }
    // A plain object with methods is an object (a mock `res`, a counter): it crosses by reference, so
    // the other side's calls and assignments reach it. Data (no functions) is copied, and so is a
    // module's exports object (found by path, its functions keep their paths across restarts).
    if (isPlainObject(value) && (path || !(hasMethods(value) || Object.hasOwn(value, BY_REFERENCE)))) {
      seen.set(value, seen.size);
      const entries = [];
      for (const key of Object.keys(value)) {
        entries.push([key, this.encodeValue(value[key], seen, depth + 1, path ? [...path, key] : null)]);
      }
      return Object.getPrototypeOf(value) === null ? { $: 'o', v: entries, z: 1 } : { $: 'o', v: entries };
    }
    return this.handleOf(value, 'o', path);
  }

  encodeErrorValue(error, seen, depth) {
    const chain = [];
    for (let proto = Object.getPrototypeOf(error); proto && chain.length < 20; proto = Object.getPrototypeOf(proto)) {
      const ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : null;
      if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name) chain.push(ctor.name);
      if (proto === Error.prototype) break;
    }
    const props = [];
    for (const key of Object.keys(error)) {
      if (key !== 'stack' && key !== 'message') props.push([key, this.encodeValue(error[key], seen, depth + 1, null)]);
    }
    // The tests' stack traces name their hidden files and lines: the candidate gets none.
    const stack = this.side === 'T' ? `${error.name}: ${error.message}` : String(error.stack || '');
    return { $: 'err', name: String(error.name), message: String(error.message), stack, chain, props };
  }

  handleOf(value, kind, path) {
    let id = this.exportIds.get(value);
    if (id === undefined) {
      id = this.exports.size + 1;
      this.exports.set(id, value);
      this.exportIds.set(value, id);
    }
    const handle = { $: 'h', s: this.side, i: id, k: kind };
    if (path) handle.p = path;
    const name = kind === 'f' ? value.name : value.constructor && value.constructor.name;
    if (typeof name === 'string' && name) handle.n = name.slice(0, 200);
    if (kind === 'o') {
      handle.m = methodNames(value);
      if (typeof value[Symbol.iterator] === 'function') handle.it = 1;
    }
    return handle;
  }

  promiseOf(promise) {
    const id = this.exports.size + 1;
    this.exports.set(id, promise);
    promise.then(
      (value) => this.sendSettle({ settle: id, ok: value }),
      (error) => this.sendSettle({ settle: id, err: error }),
    );
    return { $: 'p', i: id };
  }

  sendSettle(message) {
    let encoded;
    try {
      encoded = 'ok' in message ? { settle: message.settle, ok: this.encode(message.ok) }
        : { settle: message.settle, err: this.encodeError(message.err) };
    } catch (error) {
      encoded = { settle: message.settle, err: this.encodeError(error) };
    }
    try {
      this.transport.send('a', encoded);
    } catch (error) {
      // The other process is gone: nobody waits for this promise any more.
    }
  }

  // ------------------------------------------------------------------ decoding

  /** JSON data back into a value; anything malformed is a WireError. */
  decode(data) {
    return this.decodeValue(data, [], 0);
  }

  decodeValue(data, table, depth) {
    if (data === null || typeof data === 'string' || typeof data === 'boolean') return data;
    if (typeof data === 'number') return data;
    if (depth > MAX_DEPTH + 5) throw new WireError('value nested too deeply');
    if (Array.isArray(data)) {
      if (data.every(isScalar)) {                      // fresh from JSON.parse: nothing to rebuild
        table.push(data);
        return data;
      }
      const items = new Array(data.length);
      table.push(items);
      for (let i = 0; i < data.length; i++) items[i] = this.decodeValue(data[i], table, depth + 1);
      return items;
    }
    if (typeof data !== 'object') throw new WireError('garbled value');
    switch (data.$) {
      case 'u': return undefined;
      case 'n': return decodeNumber(data.v);
      case 'b': return BigInt(text(data.v, 100000));
      case 's': return Symbol(data.v === null ? undefined : text(data.v, 1000));
      case 'dup': {
        if (!Number.isInteger(data.v) || data.v < 0 || data.v >= table.length) throw new WireError('bad reference');
        return table[data.v];
      }
      case 'o': return this.decodeObject(data, table, depth);
      case 'map': {
        const map = new Map();
        table.push(map);
        for (const pair of list(data.v)) {
          if (!Array.isArray(pair) || pair.length !== 2) throw new WireError('bad map entry');
          map.set(this.decodeValue(pair[0], table, depth + 1), this.decodeValue(pair[1], table, depth + 1));
        }
        return map;
      }
      case 'set': {
        const set = new Set();
        table.push(set);
        for (const item of list(data.v)) set.add(this.decodeValue(item, table, depth + 1));
        return set;
      }
      case 'date': return new Date(data.v === null ? NaN : Number(data.v));
      case 're': return new RegExp(text(data.v, 1 << 20), text(data.f, 20));
      case 'bytes': return decodeBytes(data);
      case 'err': return this.decodeError(data, table, depth);
      case 'h': return this.decodeHandle(data);
      case 'p': return this.decodePromise(data);
      default:
        throw new WireError('garbled value');
    }
  }

  decodeObject(data, table, depth) {
    const object = data.z ? Object.create(null) : {};
    table.push(object);
    for (const pair of list(data.v)) {
      if (!Array.isArray(pair) || pair.length !== 2) throw new WireError('bad object entry');
      const key = text(pair[0], 1 << 16);
      const value = this.decodeValue(pair[1], table, depth + 1);
      if (!this.trustedInput && NEVER_FORWARDED.has(key) && typeof value === 'function') continue;
      // defineProperty, not assignment: a key named __proto__ stays a key and never sets the prototype.
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  }

  decodeError(data, table, depth) {
    const chain = list(data.chain).map((name) => text(name, 200)).slice(0, 20);
    const message = text(data.message, 1 << 20);
    const error = new (errorClass(chain))(message);
    Object.defineProperty(error, 'stack', { value: text(data.stack, 1 << 16), writable: true, configurable: true });
    Object.defineProperty(error, REMOTE_ERROR, { value: chain.length ? chain : ['Error'] });
    if (typeof data.name === 'string' && data.name !== error.name) {
      Object.defineProperty(error, 'name', { value: data.name.slice(0, 200), writable: true, configurable: true });
    }
    for (const pair of list(data.props || [])) {
      if (!Array.isArray(pair) || pair.length !== 2) throw new WireError('bad error property');
      const key = text(pair[0], 1000);
      Object.defineProperty(error, key, {
        value: this.decodeValue(pair[1], table, depth + 1), enumerable: true, writable: true, configurable: true,
      });
    }
    return error;
  }

  decodeHandle(data) {
    if (typeof data.s !== 'string' || (data.k !== 'f' && data.k !== 'o')) throw new WireError('bad handle');
    if (data.s === this.side) {
      if (data.i === undefined && Array.isArray(data.p) && this.resolver) return this.resolver(data.p.map((p) => text(p, 1000)));
      if (!this.exports.has(data.i)) throw new WireError('a reference to an unknown object');
      const value = this.exports.get(data.i);
      if (value instanceof Promise) throw new WireError('a reference to an unknown object');
      return value;
    }
    if (!Number.isInteger(data.i)) throw new WireError('bad handle');
    const cached = this.proxies.get(data.i);
    if (cached) return cached;
    const handle = new Handle(this, data);
    const proxy = data.k === 'f' ? functionProxy(this, handle) : objectProxy(this, handle);
    this.proxies.set(data.i, proxy);
    this.handles.set(proxy, handle);
    return proxy;
  }

  decodePromise(data) {
    if (!Number.isInteger(data.i)) throw new WireError('bad promise');
    return new Promise((resolve, reject) => {
      this.promises.set(data.i, { resolve, reject });
    });
  }

  /** Whether a value is an instance of a remote class (asked remotely, or by a decoded error's class chain). */
  instanceOf(value, classProxy) {
    const handle = this.handles.get(classProxy);
    if (value instanceof Error && value[REMOTE_ERROR]) return value[REMOTE_ERROR].includes(handle.name);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    if (!this.handles.has(value)) return false;
    return this.request('instanceof', { target: handle, value }) === true;
  }
}

/** A value found by its import path: handles inside it keep their path (they survive restarts). */
class Resolved {
  constructor(value, path) {
    this.value = value;
    this.path = path;
  }
}

function decodeNumber(value) {
  const numbers = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 };
  if (!Object.prototype.hasOwnProperty.call(numbers, value)) throw new WireError('bad number');
  return numbers[value];
}

function decodeBytes(data) {
  const type = text(data.t, 40);
  const bytes = Buffer.from(text(data.v, 1 << 30), 'base64');
  if (type === 'Buffer') return bytes;
  const Typed = Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, type) ? TYPED_ARRAYS[type] : null;
  if (!Typed || bytes.length % Typed.BYTES_PER_ELEMENT) throw new WireError('bad typed array');
  const copy = new Uint8Array(bytes);
  return new Typed(copy.buffer, 0, copy.length / Typed.BYTES_PER_ELEMENT);
}

function text(value, max) {
  if (typeof value !== 'string' || value.length > max) throw new WireError('bad text');
  return value;
}

function list(value) {
  if (!Array.isArray(value)) throw new WireError('bad list');
  return value;
}

module.exports = {
  Peer, Resolved, WireError, StaleHandle, FrameReader, frame, byReference, REMOTE_ERROR, NEVER_FORWARDED,
};
