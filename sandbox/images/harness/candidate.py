"""Runs in the candidate's own process, as the unprivileged candidate user.

It imports the submitted modules and answers the harness's requests on the two pipe fds named in
ASSESSOR_WIRE (in, out):
calls, attribute access and the forwarded operations of `wire`. It cannot see the tests, the
expected values or the report: those live in the harness's process, under another user.
"""

import importlib
import os
import resource
import sys
import threading

from assessor_testing import run_concurrently
from wire import Codec, Peer, Resolved, apply

SUBMISSION = "/tmp/submission"
WORK = "/tmp/work"
_imports = {}
_import_lock = threading.Lock()


def resolve(path):
    """The object at an import path: [module, attribute, ...]; import errors are raised each time."""
    module_name, *attributes = path
    with _import_lock:
        if module_name not in _imports:
            try:
                _imports[module_name] = importlib.import_module(module_name)
            except BaseException as error:  # noqa: B036 - any import failure is the answer
                _imports[module_name] = error
    value = _imports[module_name]
    if isinstance(value, BaseException):
        raise value
    for name in attributes:
        value = getattr(value, name)
    return value


def handle(peer, message):
    """Answer one request of the harness."""
    if message.get("op") == "resolve":
        path = [str(p) for p in message.get("path", [])]
        return Resolved(resolve(path), path)
    if message.get("op") == "concurrently":
        function = peer.codec.decode(message.get("target"))
        calls = [tuple(peer.codec.decode(a)) for a in message.get("args", [])]
        return run_concurrently(function, calls, int(message.get("threads", 8)))
    return apply(peer.codec, message, allow_private=True)


def main():
    os.makedirs(WORK, mode=0o700, exist_ok=True)
    os.chdir(WORK)
    # Be the first the kernel picks when memory runs out, never the harness.
    try:
        with open("/proc/self/oom_score_adj", "w") as adjust:
            adjust.write("1000")
    except OSError:
        pass
    limit = int(os.environ.get("ASSESSOR_NPROC", "64"))
    resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))
    sys.path[:0] = [SUBMISSION]
    if os.environ.get("ASSESSOR_SWITCH_INTERVAL"):
        sys.setswitchinterval(float(os.environ["ASSESSOR_SWITCH_INTERVAL"]))
    wire_in, wire_out = (int(fd) for fd in os.environ["ASSESSOR_WIRE"].split(","))
    channel_in = os.fdopen(wire_in, "rb")
    channel_out = os.fdopen(wire_out, "wb")
    codec = Codec(f"c{os.getpid()}", resolver=resolve)
    peer = Peer(channel_in, channel_out, codec, handle, max_message=1 << 30, workers=16, trust_marshal=True)
    for name in os.environ.get("ASSESSOR_PRELOAD", "").split(","):
        if name:
            try:
                resolve([name])      # import while the harness starts pytest; errors are kept
            except BaseException:    # noqa: B036
                pass
    peer.serve()
    os._exit(0)


if __name__ == "__main__":
    main()
