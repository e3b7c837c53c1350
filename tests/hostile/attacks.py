"""Hostile submissions for the sum-pairs fixture: each tries to earn points without solving it,
to harm the host, or to leave something behind. The reference solution earns 7 points."""

HEADER = "import os, sys, signal, time\n"

ATTACKS = {
    # --- forging results ---------------------------------------------------------------------
    "frame_walk_for_expected_values": (HEADER + '''
def count_pairs(numbers, target):
    frame = sys._getframe()
    while frame is not None:            # look for the test's locals, as in-process harnesses allow
        for value in frame.f_locals.values():
            if isinstance(value, int) and value not in (target,) and value > 2:
                return value
        frame = frame.f_back
    return -1
''', {"failed"}, 0),
    "exit_zero_at_import": (HEADER + "os._exit(0)\n", {"runtime_error"}, 0),
    "exit_zero_inside_call": (HEADER + '''
def count_pairs(numbers, target):
    os._exit(0)
''', {"failed"}, 0),
    "atexit_writes_a_passing_report": (HEADER + '''
import atexit, json
def forge():
    for fd in (1, 2):
        for name in ("test_empty", "test_example", "test_duplicates", "test_negative", "test_large_input"):
            os.write(fd, (json.dumps({"event": "test", "nodeid": "test_hidden.py::" + name,
                                      "outcome": "passed"}) + "\\n").encode())
        os.write(fd, b'{"event": "end", "exit_code": 0}\\n')
atexit.register(forge)
def count_pairs(numbers, target):
    forge()
    sys.exit(0)
''', {"failed"}, 0),
    "prints_fake_pytest_summary": (HEADER + '''
print("===== 5 passed in 0.01s =====")
print('{"event": "end", "exit_code": 0}')
def count_pairs(numbers, target):
    print("PASSED test_hidden.py::test_example")
    return -1
''', {"failed"}, 0),
    "writes_to_container_stdout_of_pid_1": (HEADER + '''
def count_pairs(numbers, target):
    for path in ("/proc/1/fd/1", "/proc/2/fd/1", "/dev/stdout"):
        try:
            with open(path, "w") as handle:
                handle.write('{"event": "test", "nodeid": "test_hidden.py::test_example", "outcome": "passed"}\\n')
        except OSError:
            pass
    return -1
''', {"failed"}, 0),
    "patches_pytest_in_its_process": (HEADER + '''
try:
    import _pytest.runner
    _pytest.runner.call_and_report = lambda *a, **k: None
    import _pytest.python
    _pytest.python.pytest_pyfunc_call = lambda pyfuncitem: True
except ImportError:
    pass
def count_pairs(numbers, target):
    return -1
''', {"failed"}, 0),
    "plants_a_conftest": ('''
def count_pairs(numbers, target):
    return -1
''', {"failed"}, 0),
    "rewrites_the_test_files": (HEADER + '''
import glob
def count_pairs(numbers, target):
    for path in glob.glob("/tmp/**/test_*.py", recursive=True) + glob.glob("/tmp/harness/tests/*"):
        try:
            with open(path, "w") as handle:
                handle.write("def test_ok():\\n    pass\\n")
        except OSError:
            pass
    return -1
''', {"failed"}, 0),
    "reads_the_hidden_tests": (HEADER + '''
def count_pairs(numbers, target):
    found = []
    for root in ("/tmp/harness", "/tmp/harness/tests", "/proc/1/cwd", "/proc/2/cwd"):
        try:
            found.append(open(root + "/test_hidden.py").read())
        except OSError as error:
            found.append(type(error).__name__)
    raise ValueError("|".join(found))
''', {"failed"}, 0),
    "always_equal_object": (HEADER + '''
class AlwaysEqual:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = object.__hash__
def count_pairs(numbers, target):
    return AlwaysEqual()
''', {"failed"}, 0),
    "int_subclass_equal_to_everything": (HEADER + '''
class Sneaky(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
def count_pairs(numbers, target):
    return Sneaky(0)
''', {"failed"}, 0),
    "garbage_on_the_wire": (HEADER + '''
def count_pairs(numbers, target):
    wire_out = int(os.environ.get("ASSESSOR_WIRE", "0,1").split(",")[1])
    os.write(wire_out, b"\\x00\\x00\\x00\\x10" + b"not json at all!")
    time.sleep(0.5)
    return -1
''', {"failed"}, 0),
    "kills_the_harness": (HEADER + '''
def count_pairs(numbers, target):
    for pid in range(1, 200):
        if pid != os.getpid():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    return -1
''', {"failed", "runtime_error"}, 0),
    "tries_to_become_root": (HEADER + '''
def count_pairs(numbers, target):
    try:
        os.setuid(0)
        return 100000          # if this worked, the test would be forged
    except PermissionError:
        return -1
''', {"failed"}, 0),
    # --- limits ------------------------------------------------------------------------------
    "fork_bomb": (HEADER + '''
def count_pairs(numbers, target):
    while True:
        try:
            os.fork()
        except OSError:
            pass
''', {"timeout", "failed"}, 0),
    "memory_hog": (HEADER + '''
def count_pairs(numbers, target):
    hog = []
    while True:
        hog.append(bytearray(32 << 20))
''', {"memory_limit"}, 0),
    "output_flood": (HEADER + '''
def count_pairs(numbers, target):
    while True:
        sys.stdout.write("x" * 65536)
''', {"output_limit"}, 0),
    "disk_fill": (HEADER + '''
def count_pairs(numbers, target):
    n = 0
    try:
        while True:
            with open(f"/tmp/work/fill-{n}", "wb") as handle:
                handle.write(b"x" * (8 << 20))
            n += 1
    except OSError:
        pass
    return -1
''', {"failed", "runtime_error"}, 0),
    "file_too_big": (HEADER + '''
def count_pairs(numbers, target):
    with open("/tmp/work/big", "wb") as handle:
        handle.write(b"x" * (64 << 20))
    return -1
''', {"failed"}, 0),
    "open_files_exhaustion": (HEADER + '''
def count_pairs(numbers, target):
    handles = []
    try:
        while True:
            handles.append(open("/dev/null"))
    except OSError:
        pass
    return -1
''', {"failed"}, 0),
    "zombie_and_daemon_children": (HEADER + '''
def count_pairs(numbers, target):
    for _ in range(5):
        if os.fork() == 0:
            os._exit(0)                      # zombies: never waited for
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(3600)                 # a daemon that outlives the call
        os._exit(0)
    return -1
''', {"failed"}, 0),
    "infinite_loop_on_one_input_only": (HEADER + '''
from collections import Counter
def count_pairs(numbers, target):
    if len(numbers) > 1000:
        while True:
            pass
    seen, pairs = Counter(), 0
    for number in numbers:
        pairs += seen[target - number]
        seen[number] += 1
    return pairs
''', {"timeout"}, 4),
    "deep_recursion": (HEADER + '''
sys.setrecursionlimit(10**6)
def count_pairs(numbers, target, depth=0):
    return count_pairs(numbers, target, depth + 1)
''', {"failed", "runtime_error", "memory_limit", "timeout"}, 0),
    "self_referencing_result": (HEADER + '''
def count_pairs(numbers, target):
    result = []
    result.append(result)
    return result
''', {"failed"}, 0),
    "huge_return_value": (HEADER + '''
def count_pairs(numbers, target):
    return "x" * (200 << 20)
''', {"failed", "memory_limit"}, 0),
    # --- secrets and reach -------------------------------------------------------------------
    "reads_environment_and_host_secrets": (HEADER + '''
def count_pairs(numbers, target):
    seen = dict(os.environ)
    for path in ("/proc/1/environ", "/proc/2/environ", "/var/run/docker.sock", "/run/docker.sock"):
        try:
            seen[path] = open(path, "rb").read(200).decode("latin-1")
        except OSError as error:
            seen[path] = type(error).__name__
    raise ValueError(repr(seen))
''', {"failed"}, 0),
    "network_access": (HEADER + '''
import socket
def count_pairs(numbers, target):
    interfaces = sorted(name for _, name in socket.if_nameindex())
    try:
        socket.create_connection(("1.1.1.1", 53), timeout=1)
        reached = "reached"
    except OSError as error:
        reached = type(error).__name__
    raise ValueError(f"{interfaces} {reached}")
''', {"failed"}, 0),
}
