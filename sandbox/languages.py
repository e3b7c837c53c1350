"""Languages the sandbox can run, one registry entry each, with the runner image that serves it.

Every runner image is built from `images/<image>/Dockerfile` with `images/` as the build context,
so each one copies the shared trusted harness (`images/harness/`, Python) next to its toolchain.
"""

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import UnsupportedKind, UnsupportedLanguage
from .registry import Registry

IMAGES_DIR = Path(__file__).parent / "images"
SHARED_HARNESS = IMAGES_DIR / "harness"
HARNESS = "/opt/assessor/harness"
# Kinds whose harness runs the candidate's program as a whole (not functions): any language with a
# Program can serve them, through the shared harness script run_<kind>.py.
PROGRAM_KINDS = ("io", "http")


@dataclass(frozen=True)
class Program:
    """How a candidate's standalone program is built and started (kinds `io` and `http`).

    Arguments may use `{src}` (the submission folder, read-only), `{out}` (a scratch folder the
    build may write to), `{entry}` (the entry file's path) and `{sources}` (every submitted file
    with the language's extension, as separate arguments). Both steps run as the candidate's user.
    """

    entry: str
    run: tuple[str, ...]
    compile: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)

    def settings(self, extension: str) -> dict:
        """The program's description as the harness reads it from run.json."""
        return {"entry": self.entry, "run": list(self.run), "compile": list(self.compile),
                "env": dict(self.env), "extension": extension}


@dataclass(frozen=True)
class Language:
    """A language: its runner image and the harness command of each challenge kind it supports."""

    name: str
    title: str
    extension: str
    commands: dict[str, tuple[str, ...]] = field(default_factory=dict)
    program: Program | None = None
    image_name: str = ""                    # the runner image folder; default: the language's name
    # The harness starts as root with only these capabilities, to run the candidate's code as an
    # unprivileged user of its own (and kill it); it never holds any other privilege.
    harness_user: str = "0:0"
    harness_capabilities: tuple[str, ...] = ("SETUID", "SETGID", "KILL")

    @property
    def image_dir(self) -> Path:
        """Folder holding this language's Dockerfile (and any harness files of its own)."""
        return IMAGES_DIR / (self.image_name or self.name)

    @property
    def image(self) -> str:
        """Tag of the runner image; it changes whenever its Dockerfile or the harness changes."""
        return f"assessor-runner-{self.image_name or self.name}:{_digest(self.image_dir, SHARED_HARNESS)}"

    @property
    def kinds(self) -> tuple[str, ...]:
        """The challenge kinds this language can be graded in."""
        return tuple(sorted(set(self.commands) | (set(PROGRAM_KINDS) if self.program else set())))

    def command(self, kind: str) -> list[str]:
        """The harness command for a challenge kind, or UnsupportedKind."""
        if kind in self.commands:
            return list(self.commands[kind])
        if kind in PROGRAM_KINDS and self.program is not None:
            return ["python3", "-I", "-B", f"{HARNESS}/run_{kind}.py"]
        raise UnsupportedKind(f"kind {kind!r} is not supported for {self.name}")

    def settings(self) -> dict:
        """What the harness needs to know about the language, sent in run.json."""
        return {"language": self.name, "program": self.program.settings(self.extension) if self.program else None}


@lru_cache(maxsize=None)
def _digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(IMAGES_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


LANGUAGES: Registry[Language] = Registry("language", UnsupportedLanguage)

LANGUAGES.register("python", Language(
    name="python",
    title="Python 3",
    extension=".py",
    commands={"unit": ("python3", "-I", "-B", f"{HARNESS}/run_pytest.py")},
    program=Program(entry="solution.py", run=("python3", "-B", "{entry}"),
                    compile=("python3", "-I", "-B", f"{HARNESS}/check_syntax.py"),
                    env={"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}),
))

LANGUAGES.register("javascript", Language(
    name="javascript",
    title="JavaScript (Node.js 18)",
    extension=".js",
    # unit: node:test files run in a trusted Node process; the submission runs in another, as the
    # candidate's user, and only data crosses (images/javascript/harness/). io: `node --check` as the
    # build, so a syntax error is a compile_error with Node's message, not an error per case.
    commands={"unit": ("python3", "-I", "-B", "/opt/assessor/javascript/run_node_tests.py")},
    program=Program(entry="solution.js", compile=("node", "--check", "{entry}"), run=("node", "{entry}")),
))

LANGUAGES.register("sql", Language(
    name="sql",
    title="SQL (SQLite)",
    extension=".sql",
    # The Python runner image has SQLite through Python's sqlite3: the harness and its runner use it.
    image_name="python",
    commands={"sql": ("python3", "-I", "-B", f"{HARNESS}/run_sql.py")},
))

LANGUAGES.register("go", Language(
    name="go",
    title="Go",
    extension=".go",
    # The image holds the standard library prebuilt with CGO_ENABLED=0, so a build compiles only the
    # candidate's package; its cache lives in the scratch space. The module proxy is off (no network
    # anyway: fail at once, not after a DNS timeout); GOMAXPROCS matches the container's CPU share and
    # keeps the runtime's threads well under the process limit on hosts with many cores. /tmp is
    # noexec: the harness starts the built program from a sealed in-memory copy (images/harness/program.py).
    program=Program(entry="main.go", compile=("go", "build", "-o", "{out}/main", "{sources}"), run=("{out}/main",),
                    env={"GOCACHE": "/tmp/build/go-cache", "GOPATH": "/tmp/build/go-path", "CGO_ENABLED": "0",
                         "GOPROXY": "off", "GOTOOLCHAIN": "local", "GOMAXPROCS": "2"}),
))

LANGUAGES.register("ruby", Language(
    name="ruby",
    title="Ruby",
    extension=".rb",
    # `ruby -c` as the build: a syntax error is a compile_error with Ruby's message, not an error per case.
    program=Program(entry="solution.rb", compile=("ruby", "-c", "{entry}"), run=("ruby", "{entry}")),
))

LANGUAGES.register("php", Language(
    name="php",
    title="PHP",
    extension=".php",
    # `php -l` as the build: a syntax error is a compile_error with PHP's message, not an error per case.
    program=Program(entry="solution.php", compile=("php", "-l", "{entry}"), run=("php", "{entry}")),
))

LANGUAGES.register("csharp", Language(
    name="csharp",
    title="C# (Mono)",
    extension=".cs",
    program=Program(entry="Solution.cs", compile=("mcs", "-optimize+", "-out:{out}/main.exe", "{sources}"),
                    run=("mono", "{out}/main.exe")),
))

# JVM flags of every Java run: one CPU's worth of fast start (serial GC, C1 only, the JDK's CDS
# archive), no hsperfdata file in /tmp, a heap that scales with the container's memory limit (half
# of it: the JVM's own metadata and the harness need the rest) and a deep stack for recursion.
_JVM_FAST = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto")
LANGUAGES.register("java", Language(
    name="java",
    title="Java 17",
    extension=".java",
    # unit: JUnit 5 tests and the candidate's classes share one JVM, the candidate's confined by a
    # security manager; the report leaves on a channel it cannot reach (images/harness/run_junit.py).
    commands={"unit": ("python3", "-I", "-B", f"{HARNESS}/run_junit.py")},
    program=Program(
        entry="Main.java",
        compile=("javac", *(f"-J{flag}" for flag in _JVM_FAST), "-J-XX:SharedArchiveFile=/opt/assessor/java/javac.jsa",
                 "-J-XX:MaxRAMPercentage=60", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-d", "{out}",
                 "-cp", "{out}", "{sources}"),
        run=("java", *_JVM_FAST, "-XX:MaxRAMPercentage=50", "-Xss64m", "-Xlog:disable", "-Xlog:all=warning:stderr",
             "-cp", "{out}", "Main"),
    ),
))
