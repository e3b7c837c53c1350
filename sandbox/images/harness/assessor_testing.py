"""Helpers a challenge's tests may import: `from assessor_testing import concurrently, writable`.

Tests run in the harness's process and the submission in the candidate's, so a test cannot make
the candidate's own threads race by starting threads itself: its calls arrive one message at a
time. `concurrently` asks the process that owns the function to run the calls from several threads
released together by a barrier: a real test of thread safety.
"""

import threading

from wire import Proxy

# The tests' objects whose attributes the candidate's code may set (see `writable`), by id; held
# for the run (a test makes a handful).
_WRITABLE = {}


def writable(obj):
    """Let the candidate's code set attributes of one of the test's objects (a response it fills in)."""
    _WRITABLE[id(obj)] = obj
    return obj


def is_writable(obj) -> bool:
    """Whether a test made this object writable for the candidate's code."""
    return _WRITABLE.get(id(obj)) is obj


def concurrently(function, calls, threads=8):
    """Call function(*args) for each args tuple in `calls` from `threads` threads; results in call order."""
    calls = [tuple(args) for args in calls]
    if isinstance(function, Proxy):
        return function._peer.request("concurrently", target=function._target(), args=calls, threads=int(threads))
    return run_concurrently(function, calls, int(threads))


def run_concurrently(function, calls, threads):
    """Run the calls on `threads` threads that start together; raise the first exception, if any."""
    threads = max(1, min(threads, 32, len(calls) or 1))
    results = [None] * len(calls)
    errors = []
    barrier = threading.Barrier(threads)

    def worker(offset):
        barrier.wait()
        for index in range(offset, len(calls), threads):
            try:
                results[index] = function(*calls[index])
            except BaseException as error:  # noqa: B036 - reported to the caller below
                errors.append(error)
                return

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if errors:
        raise errors[0]
    return results
