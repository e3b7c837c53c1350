"""The wire between the trusted harness and the candidate's process (sandbox/images/harness/wire.py)."""

import collections
import concurrent.futures
import copy
import dataclasses
import datetime
import decimal
import enum
import fractions
import json
import math
import os
import struct
import sys
import time
import types
import typing
import uuid
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "sandbox" / "images" / "harness"
sys.path.insert(0, str(HARNESS))
import wire  # noqa: E402

H = wire.Codec("h", materialize_iterators=True)
C = wire.Codec("c1")
BIG = math.factorial(2000)          # 5736 digits: over Python's 4300-digit int/str conversion limit


def cross(value):
    """Encode on the harness side, through JSON text, decode on the candidate side."""
    return C.decode(json.loads(json.dumps(H.encode(value))))


class InvalidCursor(ValueError):
    pass


@dataclasses.dataclass
class Extras:
    kind: typing.ClassVar[str] = "k"
    seed: dataclasses.InitVar[int] = 0
    x: int = 0

    def __post_init__(self, seed):
        self.x += seed


Point = dataclasses.make_dataclass("Point", ["x", "y"])
Color = enum.Enum("Color", "RED GREEN")
Pair2 = collections.namedtuple("Pair2", "x y")
Typed = typing.NamedTuple("Typed", [("a", int), ("b", str)])

VALUES = {
    "none": None, "true": True, "int": -7, "int_2**200": 2 ** 200, "str": "héllo", "float": 1.5, "neg_zero": -0.0,
    "inf": math.inf, "-inf": -math.inf, "list": [1, "a", None], "tuple": (1, (2, 3)),
    "tuples_in_list": [(1, 2), [(3,)]], "str_dict": {"a": 1, "b": [1.5, {"c": (1,)}]},
    "int_tuple_keys": {1: "a", (1, 2): "b", frozenset({3}): "c"}, "dollar_t_key": {"$t": "tuple", "v": [1]},
    "nested_dollar_t": [{"a": {"$t": "ref", "side": "h", "id": 1}}], "set": {1, (2, 3)},
    "frozenset": frozenset({"a"}), "bytes": b"\x00\xff", "bytearray": bytearray(b"ab"),
    "datetime": datetime.datetime(2024, 2, 29, 12, 30, 1, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
    "date": datetime.date(2024, 1, 2), "time": datetime.time(23, 59, 59, 999),
    "timedelta": datetime.timedelta(days=-1, seconds=5, microseconds=7), "decimal": decimal.Decimal("1.10"),
    "fraction": fractions.Fraction(1, 3), "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
}


@pytest.mark.parametrize("value", list(VALUES.values()), ids=list(VALUES))
def test_data_round_trips_with_its_type(value):
    """Data values cross as JSON text and arrive equal and of the same type."""
    back = cross(value)
    assert back == value and type(back) is type(value)
    if isinstance(value, (float, decimal.Decimal)):
        assert str(back) == str(value)      # Decimal("1.10") keeps its digits, -0.0 its sign


def test_special_floats_and_compact_dicts():
    """nan crosses as nan; a dict with str keys is sent as a plain JSON object."""
    assert math.isnan(cross(math.nan)) and H.encode({1: 2})["$t"] == "dict"
    assert H.encode({"a": 1, "b": [1, 2]}) == {"a": 1, "b": [1, 2]}


def test_namedtuples_arrive_as_tuples_with_attributes():
    """A namedtuple equals the plain tuple and keeps its field names."""
    back, typed = cross(Pair2(1, [2])), cross(Typed(1, "x"))
    assert back == (1, [2]) and back.x == 1 and back.y == [2]
    assert typed == (1, "x") and typed.b == "x"


def test_namedtuple_subclass_is_data():
    """A namedtuple subclass with methods (a common idiom) is a namedtuple: it must cross by value."""
    class Vec(collections.namedtuple("Vec", "x y")):
        __slots__ = ()

        def norm(self):
            return math.hypot(self.x, self.y)

    assert H.encode(Vec(3, 4)).get("$t") == "ntuple"


def test_dataclass_arrives_as_read_only_record():
    """A dataclass becomes a read-only Record of its real fields (no ClassVar/InitVar), equal by data."""
    assert H.encode(Extras(seed=5, x=1))["fields"] == [["x", 6]]
    assert cross(Extras(x=2)) == wire.Record("Extras", [("x", 2)])
    back = cross(Point(1, 2))
    assert (back.x, back.y) == (1, 2)
    assert back == cross(Point(1, 2)) and hash(back) == hash(cross(Point(1, 2)))
    assert back != cross(Point(1, 3)) and back != (1, 2)
    with pytest.raises(AttributeError):
        back.x = 5
    with pytest.raises(AttributeError):
        back.z


def test_record_can_be_deep_copied():
    """A received Record can be copy.deepcopy'd like any value a test keeps."""
    back = cross(Point(1, 2))
    assert copy.deepcopy(back) == back


def test_enum_member_arrives_as_record():
    """An enum member crosses with its name and value."""
    back = cross(Color.RED)
    assert (back.name, back.value) == ("RED", 1)
    assert back == cross(Color.RED) and back != cross(Color.GREEN)


def test_iterator_from_harness_is_one_shot():
    """A generator argument arrives as an iterator over its items, empty on a second pass."""
    back = cross((i * i for i in range(4)))
    assert list(back) == [0, 1, 4, 9] and list(back) == []
    assert list(cross(map(str, [1, 2]))) == ["1", "2"]


def test_iterator_over_cap_is_refused(monkeypatch):
    """An iterator with more than MAX_ITERATOR_ITEMS items raises WireError."""
    monkeypatch.setattr(wire, "MAX_ITERATOR_ITEMS", 3)
    assert list(cross(iter(range(3)))) == [0, 1, 2]
    with pytest.raises(wire.WireError):
        H.encode(iter(range(4)))


def test_self_referencing_values_raise_wire_error():
    """Cyclic data raises WireError, not RecursionError."""
    loop = []
    loop.append(loop)
    for value in (loop, {"me": loop}, (loop,)):
        with pytest.raises(wire.WireError):
            H.encode(value)


@pytest.mark.parametrize("name", ["monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "time", "time_ns"])
def test_clocks_cross_by_name(name):
    """time.<clock> crosses by name and is the receiver's own function."""
    function = getattr(time, name)
    assert H.encode(function) == {"$t": "stdlib", "v": f"time.{name}"}
    assert cross(function) is function


def test_exceptions_cross_with_their_types():
    """ValueError stays ValueError; a custom subclass becomes one local class, usable with pytest.raises."""
    error = C.decode_exception(json.loads(json.dumps(H.encode_exception(ValueError("x")))))
    assert type(error) is ValueError and error.args == ("x",)
    first = C.decode_exception(H.encode_exception(InvalidCursor("bad")))
    cls = type(first)
    assert cls.__name__ == "InvalidCursor" and issubclass(cls, ValueError)
    assert type(C.decode_exception(H.encode_exception(InvalidCursor("worse")))) is cls
    assert cross(InvalidCursor) is cls           # the class itself, sent by reference
    with pytest.raises(cls, match="bad"):
        raise first


@pytest.mark.parametrize("error", [SystemExit(3), KeyboardInterrupt(), GeneratorExit(), BaseException("x")],
                         ids=lambda e: type(e).__name__)
def test_process_ending_exceptions_become_ordinary(error):
    """Exceptions that would stop the harness arrive as Exception subclasses."""
    local = C.decode_exception(H.encode_exception(error))
    assert isinstance(local, Exception) and not isinstance(local, (SystemExit, KeyboardInterrupt, GeneratorExit))


MALFORMED = [object(), {"$t": "nope"}, {"$t": "tuple"}, {"$t": "tuple", "v": 5}, {"$t": "dict", "v": [[1]]},
             {"$t": "dict", "v": [[[1], 2]]}, {"$t": "set", "v": [[1]]}, {"$t": "bytes", "v": "abc"},
             {"$t": "float", "v": "abc"}, {"$t": "datetime", "v": "x"}, {"$t": "decimal", "v": "x"},
             {"$t": "fraction", "v": "1/0"}, {"$t": "uuid", "v": 5}, {"$t": "timedelta", "v": [10 ** 12]},
             {"$t": "bigint", "v": "zz"}, {"$t": "stdlib", "v": "os.system"}, {"$t": "stdlib", "v": []},
             {"$t": ["x"]}, {"$t": "ntuple", "type": "P", "fields": ["a", "a"], "v": [1, 2]},
             {"$t": "record", "fields": [["x"]]}, {"$t": "ref", "side": "c1", "id": 999}, {"$t": "ref"},
             {"$t": "exc", "type": "UnicodeDecodeError"}, json.loads("[" * 100 + "]" * 100)]


@pytest.mark.parametrize("data", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_values_raise_wire_error(data):
    """Anything that is not a valid value raises WireError, never another exception."""
    with pytest.raises(wire.WireError):
        C.decode(data)


def test_malformed_remote_error_raises_wire_error():
    """A malformed "err" answer (Peer.request decodes it with decode_exception) raises WireError."""
    with pytest.raises(wire.WireError):
        C.decode_exception(5)


# ---------------------------------------------------------------- a real Peer pair over pipes


class Counter:
    count = 0

    def add(self, n=1):
        self.count += n
        return self.count


class AlwaysEqual:
    __eq__, __hash__ = (lambda self, other: True), object.__hash__


class Bag:
    items = ["a", "b", "c"]
    __len__ = lambda self: len(self.items)                  # noqa: E731
    __getitem__ = lambda self, index: self.items[index]     # noqa: E731
    __contains__ = lambda self, item: item in self.items    # noqa: E731
    __iter__ = lambda self: iter(self.items)                # noqa: E731


def _fail(message):
    raise InvalidCursor(message)


MODULE = types.SimpleNamespace(
    double=lambda x: x * 2, fail=_fail, counter=Counter(), always_equal=AlwaysEqual(), bag=Bag(),
    count_to=lambda n: (i for i in range(n)), apply_cb=lambda cb, x: cb(x) + 1, ident=lambda x: x,
    sleep=lambda s: time.sleep(s) or s, text=lambda n: "x" * n,
    probe=lambda obj, name: obj._peer.request("getattr", target=obj._target(), name=name))


def _resolve(path):
    value = MODULE
    for name in path[1:]:
        value = getattr(value, name)
    return value


def _candidate_handler(peer, message):          # as candidate.py's handle()
    if message.get("op") == "resolve":
        path = [str(p) for p in message.get("path", [])]
        return wire.Resolved(_resolve(path), path)
    return wire.apply(peer.codec, message, allow_private=True)


class Pair:
    """A harness Peer and a candidate Peer talking over two os.pipe()s in this process."""

    def __init__(self, max_message):
        to_harness_r, to_harness_w = os.pipe()
        to_candidate_r, to_candidate_w = os.pipe()
        self.candidate = wire.Peer(os.fdopen(to_candidate_r, "rb"), os.fdopen(to_harness_w, "wb"),
                                   wire.Codec("c1", resolver=_resolve), _candidate_handler, 1 << 30).start()
        self.harness = wire.Peer(os.fdopen(to_harness_r, "rb"), os.fdopen(to_candidate_w, "wb"),
                                 wire.Codec("h", materialize_iterators=True),
                                 lambda peer, message: wire.apply(peer.codec, message, allow_private=False),
                                 max_message).start()

    def get(self, name):
        return self.harness.request("resolve", path=["mod", name], timeout=5)

    def call(self, name, *args, timeout=5):
        target = self.get(name)._target()
        return self.harness.request("call", target=target, args=list(args), kwargs={}, timeout=timeout)

    def close(self):
        for peer in (self.harness, self.candidate):
            with peer._send_lock:
                peer.wfile.close()
        deadline = time.monotonic() + 2         # let the readers see end of file before closing their ends
        while None in (self.harness.closed, self.candidate.closed) and time.monotonic() < deadline:
            time.sleep(0.01)
        for peer in (self.harness, self.candidate):
            peer.rfile.close()


@pytest.fixture
def make_pair():
    pairs = []
    yield lambda max_message=1 << 20: pairs.append(Pair(max_message)) or pairs[-1]
    for pair in pairs:
        pair.close()


@pytest.fixture
def pair(make_pair):
    return make_pair()


def test_remote_call_returns_data(pair):
    """Calling a remote function returns data, huge ints included."""
    assert pair.get("double")(21) == 42
    assert pair.get("double")((1, "a")) == (1, "a", 1, "a")
    assert pair.call("ident", [BIG, {"k": -BIG}]) == [BIG, {"k": -BIG}]


def test_remote_exception_is_raised_with_its_type(pair):
    """A remote InvalidCursor is raised locally as the class solution.InvalidCursor gives the test."""
    with pytest.raises(ValueError, match="bad cursor") as caught:
        pair.get("fail")("bad cursor")
    assert type(caught.value).__name__ == "InvalidCursor" and type(caught.value) is cross(InvalidCursor)


def test_remote_exception_with_huge_int_is_raised(pair):
    """A remote exception whose argument is a huge int is raised locally, not turned into a timeout."""
    with pytest.raises(ValueError):
        pair.call("fail", BIG)


def test_remote_object_methods_and_attributes(pair):
    """Methods and attributes of a remote object work; setattr is forwarded."""
    counter = pair.get("counter")
    assert counter.add(2) == counter.count
    counter.count = 10
    assert counter.add() == 11 and pair.get("counter").count == 11


def test_len_iter_in_index_are_forwarded(pair):
    """len, iteration, `in` and [] reach the remote object."""
    bag = pair.get("bag")
    assert len(bag) == 3 and "b" in bag and "z" not in bag and bag[2] == "c"
    assert list(bag) == ["a", "b", "c"]
    assert list(pair.get("count_to")(4)) == [0, 1, 2, 3]


def test_slice_indexing_is_forwarded(pair):
    """bag[0:2] on a remote sequence gives the slice (the slice must reach the candidate as a slice)."""
    assert pair.get("bag")[0:2] == ["a", "b"]


def test_equality_is_not_forwarded(pair):
    """A proxy equals itself but a remote always-equal object does not equal 3; proxies hash."""
    sneaky = pair.get("always_equal")
    assert sneaky == pair.get("always_equal") and hash(sneaky) == hash(pair.get("always_equal"))
    assert not (sneaky == 3) and sneaky != 3 and not (3 == sneaky)
    assert sneaky != pair.get("counter") and len({sneaky, pair.get("counter")}) == 2


def test_callback_into_the_harness(pair):
    """A harness lambda passed to a remote function is called back across the wire."""
    assert pair.get("apply_cb")(lambda x: x * 10, 4) == 41


@pytest.mark.parametrize("name", ["_secret", "__class__", "__dict__"])
def test_candidate_cannot_reach_private_attributes(pair, name):
    """The candidate asking for a private attribute of a harness object gets an error."""
    target = types.SimpleNamespace(public=7, _secret="expected answers")
    assert pair.get("probe")(target, "public") == 7
    with pytest.raises(AttributeError, match="private"):
        pair.get("probe")(target, name)


def test_timeout_raises_call_timeout(pair):
    """A request with timeout= raises CallTimeout when the remote function takes longer."""
    started = time.monotonic()
    with pytest.raises(wire.CallTimeout):
        pair.call("sleep", 1.0, timeout=0.2)
    assert time.monotonic() - started < 0.9


def test_concurrent_requests_get_their_own_answers(pair):
    """Requests from 8 threads at once each get their own answer."""
    ident = pair.get("ident")
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: ident((i, "x" * (i % 7))), range(200)))
    assert results == [(i, "x" * (i % 7)) for i in range(200)]


def test_closed_channel_raises_peer_gone(pair):
    """When the candidate's end closes, pending and new requests raise PeerGone."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pending = pool.submit(pair.call, "sleep", 1.0)
        time.sleep(0.2)
        with pair.candidate._send_lock:
            pair.candidate.wfile.close()
        assert isinstance(pending.exception(timeout=5), wire.PeerGone)
    with pytest.raises(wire.PeerGone):
        pair.get("double")


def test_oversized_message_closes_the_peer(make_pair):
    """A message over max_message closes the peer: that request and later ones raise PeerGone."""
    pair = make_pair(max_message=1000)
    assert pair.call("text", 10) == "x" * 10
    with pytest.raises(wire.PeerGone):
        pair.call("text", 5000)
    assert "limit" in pair.harness.closed
    with pytest.raises(wire.PeerGone):
        pair.get("double")


@pytest.mark.parametrize("payload", [b"not json", b"\xff\xfe", b"[1, 2]", b"[" * 100_000, b'{"re": []}'],
                         ids=["text", "bad_utf8", "not_object", "deeply_nested", "unhashable_re"])
def test_garbage_on_the_wire_closes_the_peer(pair, payload):
    """Garbage from the candidate's process closes the harness's peer; requests then raise PeerGone."""
    with pair.candidate._send_lock:
        pair.candidate.wfile.write(struct.pack(">I", len(payload)) + payload)
        pair.candidate.wfile.flush()
    with pytest.raises(wire.PeerGone):
        pair.get("double")
    assert pair.harness.closed


def test_marshal_frames_are_read_only_from_a_trusted_sender(pair):
    """The harness reads JSON only: a marshal frame from the candidate's side closes the peer."""
    import marshal

    payload = b"M" + marshal.dumps({"re": 1, "ok": 1})
    with pair.candidate._send_lock:
        pair.candidate.wfile.write(struct.pack(">I", len(payload)) + payload)
        pair.candidate.wfile.flush()
    with pytest.raises(wire.PeerGone):
        pair.get("double")
    assert pair.harness.closed


def test_marshal_from_the_harness_round_trips():
    """Frames the harness sends as marshal arrive intact at a peer that trusts them."""
    import os

    read_fd, write_fd = os.pipe()
    with open(os.devnull, "rb") as nothing_in, open(os.devnull, "wb") as nothing_out, \
            os.fdopen(write_fd, "wb") as sending, os.fdopen(read_fd, "rb") as receiving:
        sender = wire.Peer(nothing_in, sending, wire.Codec("h"), None, 1 << 20, send_marshal=True)
        message = {"id": 1, "op": "call", "args": [list(range(1000)), {"$t": "tuple", "v": [1, 2]}]}
        sender.send(message)
        receiver = wire.Peer(receiving, nothing_out, wire.Codec("c1"), None, 1 << 20, trust_marshal=True)
        size = struct.unpack(">I", receiving.read(4))[0]
        assert receiver._parse(receiving.read(size)) == message
