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
    editor_mode: str = ""                   # the code editor's syntax mode; default: the language's name
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
