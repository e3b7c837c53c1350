'use strict';
/**
 * The stand-ins of the wire (wire.js): a Proxy per remote function or object, whose calls, property
 * reads and writes become requests of the Peer. Conversion hooks (valueOf, toString,
 * Symbol.toPrimitive, then, toJSON) are answered locally, never by the remote object.
 */

const STANDARD_ERRORS = new Map([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]
  .map((type) => [type.name, type]));
const NEVER_FORWARDED = new Set(['valueOf', 'toString', 'toLocaleString', 'toJSON', 'then']);
const REMOTE_ERROR = Symbol('assessor.remoteError');   // on decoded errors: the remote class chain
const NAME = /^[A-Za-z_$][\w$]{0,100}$/;

/** What a proxy stands for: the remote object's id (in one generation of the process) or its path. */
class Handle {
  constructor(peer, data) {
    this.peer = peer;
    this.id = data.i;
    // Paths are only kept when every part is a name (the decoder checked the handle's other fields).
    this.path = Array.isArray(data.p) && data.p.every((p) => typeof p === 'string') ? data.p.slice(0, 50) : null;
    this.name = typeof data.n === 'string' ? data.n.slice(0, 200) : '';
    this.methods = new Set(Array.isArray(data.m) ? data.m.filter((m) => typeof m === 'string').slice(0, 200) : []);
    this.iterable = data.it === 1;
    this.kind = data.k;
    this.generation = peer.generation;
  }

  /** The handle as sent back to its owner: its id, or its path after the owner was restarted. */
  reference() {
    if (this.generation === this.peer.generation) {
      const reference = { $: 'h', s: this.side(), i: this.id, k: this.kind };
      return this.path ? { ...reference, p: this.path } : reference;
    }
    if (this.path) return { $: 'h', s: this.side(), k: this.kind, p: this.path };
    throw new StaleHandle('this object belonged to an earlier run of the code, which was restarted after a crash or a timeout');
  }

  side() {
    return this.peer.side === 'T' ? 'C' : 'T';
  }
}

class StaleHandle extends Error {}

/** The stand-in of a remote function or class: calling or `new`-ing it runs it remotely. */
function functionProxy(peer, handle) {
  // A bound function: callable and constructible, without an own `prototype` to keep in step.
  const target = function remote() {}.bind(null);
  Object.defineProperty(target, 'name', { value: handle.name || 'remote', configurable: true });
  const proxy = new Proxy(target, {
    apply: (_t, thisArg, args) => peer.request('call', { target: handle, this: thisArg, args }),
    construct: (_t, args) => peer.request('construct', { target: handle, args }),
    get: (t, key) => {
      if (key === Symbol.hasInstance) return (value) => peer.instanceOf(value, proxy);
      if (typeof key === 'symbol' || key === 'name' || key === 'length') return t[key];
      if (NEVER_FORWARDED.has(key) || key === 'call' || key === 'apply' || key === 'bind') return Function.prototype[key];
      return peer.request('get', { target: handle, key, path: handle.path || undefined });
    },
    ...forwardedProperties(peer, handle),
  });
  return proxy;
}

/** The stand-in of a remote object: its methods run remotely, its properties are read remotely. */
function objectProxy(peer, handle) {
  const display = displayClass(handle.name);
  const target = Object.create(display.prototype);
  const methods = new Map();
  return new Proxy(target, {
    get: (t, key) => {
      if (key === Symbol.iterator && handle.iterable) {
        return () => peer.request('iterate', { target: handle });
      }
      if (typeof key === 'symbol') return undefined;
      if (NEVER_FORWARDED.has(key)) return key === 'then' ? undefined : Object.prototype[key];
      if (handle.methods.has(key)) {
        if (!methods.has(key)) {
          methods.set(key, { [key](...args) {
            return peer.request('invoke', { target: handle, key, args });
          } }[key]);
        }
        return methods.get(key);
      }
      return peer.request('get', { target: handle, key, path: handle.path || undefined });
    },
    ...forwardedProperties(peer, handle),
  });
}

/** Proxy traps that forward property writes, `in`, Object.keys; the shape itself cannot be changed. */
function forwardedProperties(peer, handle) {
  return {
    set: (_t, key, value) => {
      if (typeof key === 'symbol') return false;
      peer.request('set', { target: handle, key, value });
      return true;
    },
    has: (_t, key) => typeof key === 'string' && peer.request('has', { target: handle, key }) === true,
    ownKeys: (t) => {
      const remote = peer.request('keys', { target: handle });
      const keys = Array.isArray(remote) ? remote.filter((k) => typeof k === 'string') : [];
      const fixed = Reflect.ownKeys(t).filter((k) => !Reflect.getOwnPropertyDescriptor(t, k).configurable);
      return [...new Set([...keys, ...fixed])];
    },
    getOwnPropertyDescriptor: (t, key) => {
      const own = Reflect.getOwnPropertyDescriptor(t, key);
      if (own && !own.configurable) return own;
      if (typeof key === 'symbol') return undefined;
      if (!peer.request('has', { target: handle, key })) return undefined;
      const value = peer.request('get', { target: handle, key });
      return { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
  };
}

const displayClasses = new Map();

/** A local, empty class named like the remote one, so failure messages say `Stack {}`. */
function displayClass(name) {
  const key = NAME.test(name) ? name : 'RemoteObject';
  if (!displayClasses.has(key)) displayClasses.set(key, { [key]: class {} }[key]);
  return displayClasses.get(key);
}

const errorClasses = new Map();

/** A local error class for a remote class chain: the standard one, or one named like the remote class. */
function errorClass(chain) {
  const base = STANDARD_ERRORS.get(chain.find((name) => STANDARD_ERRORS.has(name))) || Error;
  const name = chain[0];
  if (!name || STANDARD_ERRORS.has(name) || !NAME.test(name)) return base;
  const key = `${name}:${base.name}`;
  if (!errorClasses.has(key)) {
    const made = { [name]: class extends base {} }[name];
    Object.defineProperty(made.prototype, 'name', { value: name, writable: true, configurable: true });
    errorClasses.set(key, made);
  }
  return errorClasses.get(key);
}

module.exports = {
  Handle, StaleHandle, functionProxy, objectProxy, errorClass, STANDARD_ERRORS, NEVER_FORWARDED, REMOTE_ERROR,
};
