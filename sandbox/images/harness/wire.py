"""The wire between the trusted harness and the candidate's process: values and remote calls.

Both processes run this module. Messages are length-prefixed JSON. A value crosses either
**by value** (data) or **by reference** (a proxy that forwards calls to the process that owns it):

  by value      None, bool, int, float (nan/inf too), str, bytes, bytearray, list, tuple, dict
                (any data keys; plain JSON objects when the keys are strings), set, frozenset, namedtuples, dataclass instances, enum members,
                datetime/date/time/timedelta, Decimal, Fraction, UUID, exceptions (type, args)
  by reference  everything else: functions, classes, instances of other classes, generators...
                Calls, attribute access, len/iter/next/[]/in/repr/str/bool are forwarded.
                Equality and ordering are NOT forwarded (a proxy equals only itself), so an object
                whose __eq__ always says True cannot pass a test: tests compare data.
  iterators     the harness sends an iterator or generator argument as its items (up to a cap),
                and the candidate receives a one-shot iterator over them.
  clocks        time.monotonic, time.time, time.perf_counter (and _ns) cross by name: the
                receiving process uses its own.

The harness side never executes a candidate-controlled private attribute: requests from the
candidate may only read public attributes of objects the harness handed to it, and call them;
it may not set their attributes (a test's counter of calls must stay the test's).
"""

import binascii
import datetime
import enum
import itertools
import json
import marshal
import queue
import struct
import threading

MAX_DEPTH = 64
_PLAIN = frozenset((int, str, bool, type(None)))
MAX_ITERATOR_ITEMS = 2_000_000
# Dunder operations a proxy forwards. Equality and ordering are deliberately absent.
FORWARDED = {"__len__", "__iter__", "__next__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
             "__repr__", "__str__", "__bool__", "__enter__", "__exit__"}


class WireError(Exception):
    """The other side sent something that is not a valid message."""


class PeerGone(Exception):
    """The other process ended (crashed, exited or was killed) before answering."""


class CallTimeout(Exception):
    """The other process did not answer within the allowed time."""


class RemoteError(Exception):
    """An exception from the other side whose type has no local counterpart."""


# ---------------------------------------------------------------- values


class Record:
    """A dataclass instance or enum member received by value: attribute access, equality by data."""

    def __init__(self, type_name, fields, kind="record"):
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "_kind", kind)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{self._type} has no field {name!r}") from None

    def __setattr__(self, name, value):
        raise AttributeError(f"{self._type} received by value is read-only")

    def __eq__(self, other):
        if not isinstance(other, Record):
            return NotImplemented
        return (self._type, self._kind, self._fields) == (other._type, other._kind, other._fields)

    def __hash__(self):
        return hash((self._type, self._kind, tuple(self._fields)))

    def __repr__(self):
        if self._kind == "enum":
            return f"<{self._type}.{self._fields['name']}: {self._fields['value']!r}>"
        inner = ", ".join(f"{k}={v!r}" for k, v in self._fields.items())
        return f"{self._type}({inner})"


_namedtuple_types = {}
_exception_types = {}
_lock = threading.Lock()


def _namedtuple_type(name, fields):
    import collections

    key = (name, tuple(fields))
    with _lock:
        if key not in _namedtuple_types:
            _namedtuple_types[key] = collections.namedtuple(name, fields)
        return _namedtuple_types[key]


def exception_type(name, mro):
    """A local exception class for a remote one: a builtin by name, else a class made once per name."""
    import builtins

    if name in _BUILTIN_EXCEPTIONS:
        return getattr(builtins, name)
    with _lock:
        if name not in _exception_types:
            base = next((getattr(builtins, n) for n in mro[1:] if n in _BUILTIN_EXCEPTIONS), RemoteError)
            if not issubclass(base, Exception):
                base = RemoteError       # SystemExit, KeyboardInterrupt... must not stop the harness
            _exception_types[name] = type(name, (base,), {"__module__": "solution"})
        return _exception_types[name]


def _builtin_exceptions():
    import builtins

    return {n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)}


_BUILTIN_EXCEPTIONS = _builtin_exceptions() - {"SystemExit", "KeyboardInterrupt", "GeneratorExit",
                                               "BaseException", "BaseExceptionGroup"}


class Codec:
    """Encodes local values for the wire and decodes the peer's, keeping the local exported objects."""

    def __init__(self, side, materialize_iterators=False, resolver=None):
        self.side = side
        self.materialize_iterators = materialize_iterators
        self.resolver = resolver          # path -> object, on the side that owns the submission
        self.exports = {}
        self.export_ids = {}
        self._next = itertools.count(1)
        self.peer = None

    def export(self, obj):
        """The id under which a local object is reachable by reference."""
        key = id(obj)
        with _lock:
            if key in self.export_ids and self.exports[self.export_ids[key]] is obj:
                return self.export_ids[key]
            ref = next(self._next)
            self.exports[ref], self.export_ids[key] = obj, ref
            return ref

    def encode(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply to send")
        d = depth + 1
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int) and type(value) is int:
            return value
        if isinstance(value, float) and type(value) is float:
            return value if value == value and value not in (float("inf"), float("-inf")) else {"$t": "float", "v": repr(value)}
        if isinstance(value, Proxy):
            return {"$t": "ref", "side": value._side, "id": value._ref, "path": value._path}
        if isinstance(value, Resolved):
            encoded = self.encode(value.value, d)
            if isinstance(encoded, dict) and encoded.get("$t") == "ref":
                encoded["path"] = value.path   # survives a restart of the process that owns it
            return encoded
        if isinstance(value, Record):
            return {"$t": value._kind, "type": value._type,
                    "fields": [[k, self.encode(v, d)] for k, v in value._fields.items()]}
        if type(value) is list:
            if _PLAIN.issuperset(map(type, value)):
                return value              # the common case of big inputs: no per-item work
            return [self.encode(v, d) for v in value]
        if isinstance(value, tuple) and isinstance(getattr(type(value), "_fields", None), tuple):
            return {"$t": "ntuple", "type": type(value).__name__, "fields": list(value._fields),
                    "v": [self.encode(v, d) for v in value]}
        if type(value) is tuple:
            return {"$t": "tuple", "v": [self.encode(v, d) for v in value]}
        if type(value) is dict:
            if "$t" not in value and all(type(k) is str for k in value):
                return {k: self.encode(v, d) for k, v in value.items()}     # compact: a JSON object
            return {"$t": "dict", "v": [[self.encode(k, d), self.encode(v, d)] for k, v in value.items()]}
        if type(value) in (set, frozenset):
            return {"$t": type(value).__name__, "v": [self.encode(v, d) for v in value]}
        if type(value) is slice:
            return {"$t": "slice", "v": [self.encode(value.start, d), self.encode(value.stop, d),
                                         self.encode(value.step, d)]}
        if type(value) in (bytes, bytearray):
            return {"$t": type(value).__name__, "v": binascii.b2a_base64(bytes(value), newline=False).decode()}
        if isinstance(value, enum.Enum):
            return {"$t": "enum", "type": type(value).__name__,
                    "fields": [["name", value.name], ["value", self.encode(value.value, d)]]}
        fields = getattr(type(value), "__dataclass_fields__", None)
        if fields is not None and not isinstance(value, type):
            # the fields dataclasses.fields() would give: not ClassVar nor InitVar pseudo-fields
            names = [name for name, spec in fields.items() if getattr(spec._field_type, "name", "") == "_FIELD"]
            return {"$t": "record", "type": type(value).__name__,
                    "fields": [[name, self.encode(getattr(value, name), d)] for name in names]}
        kind = _SCALAR_KINDS.get((type(value).__module__, type(value).__name__))
        if kind is not None:
            return {"$t": kind, "v": value.isoformat() if hasattr(value, "isoformat") else str(value)}
        if type(value) is datetime.timedelta:
            return {"$t": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
        if isinstance(value, BaseException):
            return self.encode_exception(value, d)
        name = _STDLIB_NAMES.get(id(value))
        if name is not None:
            return {"$t": "stdlib", "v": name}
        if self.materialize_iterators and _is_iterator(value):
            items = list(itertools.islice(value, MAX_ITERATOR_ITEMS + 1))
            if len(items) > MAX_ITERATOR_ITEMS:
                raise WireError(f"an iterator argument may yield at most {MAX_ITERATOR_ITEMS} items")
            return {"$t": "iter", "v": [self.encode(v, d) for v in items]}
        return self._reference(value)

    def encode_exception(self, error, depth=0):
        """An exception by type name, base classes and data arguments."""
        mro = [cls.__name__ for cls in type(error).__mro__]
        try:
            text = str(error)[:2000]
        except Exception:                 # a __str__ that raises, an int too long to print...
            text = type(error).__name__
        try:
            args = [self.encode(a, depth + 1) for a in error.args]
        except WireError:
            args = [text]
        if any(isinstance(a, dict) and a.get("$t") == "ref" for a in args):
            args = [text]
        return {"$t": "exc", "type": type(error).__name__, "mro": mro, "args": args, "message": text}

    def _reference(self, value):
        kind = "object"
        if isinstance(value, type):
            kind = "exception_class" if issubclass(value, BaseException) else "class"
        return {"$t": "ref", "side": self.side, "id": self.export(value), "path": None, "kind": kind,
                "type": type(value).__name__ if kind == "object" else value.__name__,
                "mro": [c.__name__ for c in value.__mro__] if kind != "object" else None,
                "callable": callable(value)}

    def decode(self, data, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")
        d = depth + 1
        if data is None or isinstance(data, (bool, int, float, str)):
            return data
        if isinstance(data, list):
            if _PLAIN.issuperset(map(type, data)):
                return data
            return [self.decode(v, d) for v in data]
        if not isinstance(data, dict):
            raise WireError(f"unexpected value {type(data).__name__}")
        tag = data.get("$t")
        if tag is None:
            return {k: self.decode(v, d) for k, v in data.items()}
        try:
            if tag == "float":
                return float(data["v"])
            if tag == "slice":
                return slice(*[self.decode(v, d) for v in data["v"]])
            if tag == "bigint":
                return int(data["v"], 16)
            if tag == "tuple":
                return tuple(self.decode(v, d) for v in data["v"])
            if tag == "dict":
                return {self.decode(k, d): self.decode(v, d) for k, v in data["v"]}
            if tag in ("set", "frozenset"):
                return (set if tag == "set" else frozenset)(self.decode(v, d) for v in data["v"])
            if tag in ("bytes", "bytearray"):
                raw = binascii.a2b_base64(data["v"])
                return raw if tag == "bytes" else bytearray(raw)
            if tag == "ntuple":
                return _namedtuple_type(str(data["type"]), [str(f) for f in data["fields"]])(
                    *[self.decode(v, d) for v in data["v"]])
            if tag in ("record", "enum"):
                return Record(str(data["type"]), [(str(k), self.decode(v, d)) for k, v in data["fields"]], tag)
            if tag in _SCALARS:
                return _parse_scalar(tag, data["v"])
            if tag == "timedelta":
                return datetime.timedelta(*data["v"])
            if tag == "stdlib":
                return _STDLIB[data["v"]]
            if tag == "iter":
                return iter([self.decode(v, d) for v in data["v"]])
            if tag == "exc":
                return self.decode_exception(data)
            if tag == "ref":
                return self._proxy(data)
        except WireError:
            raise
        except Exception as error:
            raise WireError(f"malformed {tag} value: {error}") from None
        raise WireError(f"unknown value tag {tag!r}")

    def decode_exception(self, data):
        """A local exception instance for a remote one."""
        if not isinstance(data, dict) or not isinstance(data.get("mro", []), list):
            raise WireError("malformed exception")
        cls = exception_type(str(data.get("type", "RemoteError")), [str(n) for n in data.get("mro", [])])
        args = [self.decode(a) for a in data.get("args", [])]
        try:
            error = cls(*args)
        except Exception:
            error = cls(str(data.get("message", "")))
        error.remote_message = str(data.get("message", ""))
        return error

    def _proxy(self, data):
        if data.get("path") and self.resolver is not None:
            return self.resolver([str(p) for p in data["path"]])
        if data.get("side") == self.side:
            ref = data.get("id")
            if ref not in self.exports:
                raise WireError("reference to an unknown local object")
            return self.exports[ref]
        if data.get("kind") == "exception_class":
            return exception_type(str(data["type"]), [str(n) for n in data.get("mro") or []])
        return Proxy(self.peer, data["side"], data.get("id"), data.get("path"), data.get("type", "object"),
                     data.get("kind", "object"))


# Value types sent as text, by (module, class name); decimal, fractions and uuid load only when seen.
_SCALAR_KINDS = {("datetime", "datetime"): "datetime", ("datetime", "date"): "date", ("datetime", "time"): "time",
                 ("decimal", "Decimal"): "decimal", ("fractions", "Fraction"): "fraction", ("uuid", "UUID"): "uuid"}
_SCALARS = {kind: (module, name) for (module, name), kind in _SCALAR_KINDS.items()}


# Clock functions cross by name: each process uses its own (a call back per tick would be slow).
_STDLIB = {f"time.{name}": getattr(__import__("time"), name)
           for name in ("monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "time", "time_ns")}
_STDLIB_NAMES = {id(function): name for name, function in _STDLIB.items()}


def _parse_scalar(tag, text):
    module, name = _SCALARS[tag]
    cls = getattr(__import__(module), name)
    return cls.fromisoformat(text) if module == "datetime" else cls(text)


def _is_iterator(value):
    import types

    return isinstance(value, (types.GeneratorType, map, filter, zip, enumerate, reversed)) or (
        hasattr(value, "__next__") and hasattr(value, "__iter__") and type(value).__module__ in ("builtins", "itertools"))


class Resolved:
    """A value found by its import path (module, attribute): sent with the path, not only an id."""

    def __init__(self, value, path):
        self.value, self.path = value, path


# ---------------------------------------------------------------- proxies


class Proxy:
    """A local stand-in for an object of the other process; operations become remote requests."""

    __slots__ = ("_peer", "_side", "_ref", "_path", "_type", "_kind")

    def __init__(self, peer, side, ref, path, type_name, kind):
        for name, value in (("_peer", peer), ("_side", side), ("_ref", ref), ("_path", path),
                            ("_type", type_name), ("_kind", kind)):
            object.__setattr__(self, name, value)

    def _target(self):
        return {"$t": "ref", "side": self._side, "id": self._ref, "path": self._path}

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._peer.request("getattr", target=self._target(), name=name)

    def __setattr__(self, name, value):
        self._peer.request("setattr", target=self._target(), name=name, value=value)

    def __call__(self, *args, **kwargs):
        return self._peer.request("call", target=self._target(), args=list(args), kwargs=kwargs)

    def _dunder(self, name, *args):
        return self._peer.request("dunder", target=self._target(), name=name, args=list(args))

    def __len__(self):
        return self._dunder("__len__")

    def __iter__(self):
        return self._dunder("__iter__")

    def __next__(self):
        return self._dunder("__next__")

    def __getitem__(self, key):
        return self._dunder("__getitem__", key)

    def __setitem__(self, key, value):
        self._dunder("__setitem__", key, value)

    def __delitem__(self, key):
        self._dunder("__delitem__", key)

    def __contains__(self, item):
        return self._dunder("__contains__", item)

    def __bool__(self):
        return bool(self._dunder("__bool__")) if self._kind == "object" else True

    def __enter__(self):
        return self._dunder("__enter__")

    def __exit__(self, *exc):
        return self._dunder("__exit__", None, None, None)

    def __repr__(self):
        try:
            text = self._dunder("__repr__")
        except Exception:
            text = f"<remote {self._type}>"
        return str(text)[:2000]

    def __str__(self):
        return str(self._dunder("__str__"))

    def __eq__(self, other):
        # Never forwarded: a candidate object must not decide whether it equals an expected value.
        return isinstance(other, Proxy) and (other._side, other._ref, other._path) == (self._side, self._ref, self._path)

    def __hash__(self):
        return hash((self._side, self._ref, str(self._path)))


# ---------------------------------------------------------------- the peer


class Peer:
    """One end of the wire: sends requests and waits for answers; answers the other side's requests."""

    def __init__(self, rfile, wfile, codec, handler, max_message, workers=8, send_marshal=False,
                 trust_marshal=False):
        # Frames are a format byte and the message: b"J" JSON, or b"M" marshal, which is much faster for
        # big inputs but must never be read from an untrusted sender. The harness sends marshal to the
        # candidate's process, which trusts it; the harness itself reads only JSON.
        self.rfile, self.wfile, self.codec, self.handler = rfile, wfile, codec, handler
        self.send_marshal, self.trust_marshal = send_marshal, trust_marshal
        codec.peer = self
        self.max_message = max_message
        self._ids = itertools.count(1)
        self._waiting = {}
        self._send_lock = threading.Lock()
        self._state = threading.Lock()
        self.closed = None
        self._pool = _Workers(workers)

    def start(self):
        """Read messages in a background thread."""
        threading.Thread(target=self.serve, name="wire-reader", daemon=True).start()
        return self

    def send(self, message):
        if self.send_marshal:
            payload = b"M" + marshal.dumps(message)
        else:
            try:
                text = json.dumps(message, separators=(",", ":"))
            except ValueError:          # an int too long for decimal text: send it as hex instead
                text = json.dumps(_hex_big_ints(message), separators=(",", ":"))
            payload = b"J" + text.encode("utf-8")
        with self._send_lock:
            self.wfile.write(struct.pack(">I", len(payload)) + payload)
            self.wfile.flush()

    def request(self, op, timeout=None, **fields):
        """Send a request and wait for its answer; re-raise the remote exception locally."""
        ident = next(self._ids)
        message = {"id": ident, "op": op}
        for key, value in fields.items():
            if key in ("target",):
                message[key] = value
            elif key == "args":
                message[key] = [self.codec.encode(v) for v in value]
            elif key == "kwargs":
                message[key] = [[str(k), self.codec.encode(v)] for k, v in value.items()]
            elif key == "value":
                message[key] = self.codec.encode(value)
            else:
                message[key] = value
        slot = _Slot()
        with self._state:
            if self.closed:
                raise PeerGone(self.closed)
            self._waiting[ident] = slot
        try:
            self.send(message)
        except OSError as error:
            self._waiting.pop(ident, None)
            raise PeerGone(f"the other process is gone ({error})") from None
        answered = slot.ready.acquire(timeout=-1 if timeout is None else max(timeout, 0))
        with self._state:
            self._waiting.pop(ident, None)
        if not answered:
            raise CallTimeout("no answer in time")
        if slot.answer is None:
            raise PeerGone(self.closed)
        answer = slot.answer
        if "err" in answer:
            raise self.codec.decode_exception(answer["err"])
        return self.codec.decode(answer.get("ok"))

    def serve(self):
        """Reader loop: answers go to their waiters, requests to the worker pool."""
        reason = "the other process closed the connection"
        try:
            while True:
                header = _read_exactly(self.rfile, 4)
                if header is None:
                    break
                size = struct.unpack(">I", header)[0]
                if size > self.max_message:
                    reason = f"a message of {size} bytes is over the {self.max_message}-byte limit"
                    break
                body = _read_exactly(self.rfile, size)
                if body is None:
                    break
                try:
                    message = self._parse(body)
                except (ValueError, RecursionError, EOFError, TypeError):
                    reason = "garbled message"
                    break
                if not isinstance(message, dict) or not isinstance(message.get("re", message.get("id", 0)), int):
                    reason = "garbled message"
                    break
                if "re" in message:
                    with self._state:
                        slot = self._waiting.get(message["re"])
                    if slot is not None and slot.answer is None:
                        slot.answer = message
                        slot.ready.release()
                elif "op" in message:
                    self._pool.submit(self._answer, message)
                else:
                    reason = "garbled message"
                    break
        except OSError as error:
            reason = f"connection lost ({error})"
        with self._state:
            self.closed = reason
            waiting = list(self._waiting.values())
        for slot in waiting:          # wake every waiter: no answer is coming
            if slot.answer is None:
                try:
                    slot.ready.release()
                except RuntimeError:
                    pass

    def _parse(self, body: bytes):
        """A frame's message; marshal only from a trusted sender."""
        kind, data = body[:1], body[1:]
        if kind == b"J":
            return json.loads(data)
        if kind == b"M" and self.trust_marshal:
            return marshal.loads(data)
        raise ValueError("unexpected frame format")

    def _answer(self, message):
        try:
            result = self.handler(self, message)
            reply = {"re": message.get("id"), "ok": self.codec.encode(result)}
        except BaseException as error:  # the other side gets the exception, whatever it is
            try:
                reply = {"re": message.get("id"), "err": self.codec.encode_exception(error)}
            except BaseException:       # even the exception cannot be described: say so plainly
                reply = {"re": message.get("id"), "err": {"$t": "exc", "type": "RemoteError", "mro": [],
                                                          "args": [], "message": type(error).__name__}}
        try:
            self.send(reply)
        except (OSError, ValueError):
            pass


def _hex_big_ints(value):
    """The encoded value with every int of more than 4,000 digits as {"$t": "bigint"} (linear time)."""
    if type(value) is int and value.bit_length() > 13_000:
        return {"$t": "bigint", "v": hex(value)}
    if type(value) is list:
        return [_hex_big_ints(v) for v in value]
    if type(value) is dict:
        return {k: _hex_big_ints(v) for k, v in value.items()}
    return value


class _Workers:
    """A small pool of daemon threads, started as needed (lighter than concurrent.futures)."""

    def __init__(self, limit):
        self.limit, self.jobs, self.threads, self.idle = limit, queue.SimpleQueue(), 0, 0
        self._lock = threading.Lock()

    def submit(self, function, *args):
        with self._lock:
            if self.idle == 0 and self.threads < self.limit:
                self.threads += 1
                threading.Thread(target=self._run, name="wire-worker", daemon=True).start()
        self.jobs.put((function, args))

    def _run(self):
        while True:
            with self._lock:
                self.idle += 1
            function, args = self.jobs.get()
            with self._lock:
                self.idle -= 1
            try:
                function(*args)
            except BaseException:       # noqa: B036 - a worker thread must outlive any one job
                pass


class _Slot:
    """Where the answer to one request arrives; `ready` is released when it does (or the peer ends)."""

    __slots__ = ("answer", "ready")

    def __init__(self):
        self.answer = None
        self.ready = threading.Lock()
        self.ready.acquire()


def _read_exactly(stream, size):
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _now():
    import time

    return time.monotonic()


def apply(codec, message, allow_private):
    """Carry out a getattr/setattr/call/dunder request on a local object (both sides use this)."""
    target = codec.decode(message.get("target"))
    if isinstance(target, Proxy):
        raise PeerGone("this object belonged to an earlier run of the code, which was restarted")
    op = message.get("op")
    name = str(message.get("name", ""))
    if op in ("getattr", "setattr") and name.startswith("_") and not allow_private:
        raise AttributeError(f"private attribute {name!r} is not reachable from the other side")
    if op == "getattr":
        return getattr(target, name)
    if op == "setattr":
        setattr(target, name, codec.decode(message.get("value")))
        return None
    if op == "call":
        args = [codec.decode(a) for a in message.get("args", [])]
        kwargs = {str(k): codec.decode(v) for k, v in message.get("kwargs", [])}
        return target(*args, **kwargs)
    if op == "dunder":
        if name not in FORWARDED:
            raise AttributeError(f"operation {name!r} is not forwarded")
        args = [codec.decode(a) for a in message.get("args", [])]
        if name == "__iter__":
            return iter(target)
        if name == "__next__":
            return next(target)
        if name == "__len__":
            return len(target)
        if name == "__bool__":
            return bool(target)
        if name == "__repr__":
            return repr(target)
        if name == "__str__":
            return str(target)
        if name == "__contains__":
            return args[0] in target
        if name == "__enter__":
            return target.__enter__()
        if name == "__exit__":
            return target.__exit__(None, None, None)
        return getattr(target, name)(*args)
    raise WireError(f"unknown operation {op!r}")


