"""Languages the sandbox can run, one registry entry each, with the runner image that serves it."""

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import UnsupportedKind, UnsupportedLanguage
from .registry import Registry

IMAGES_DIR = Path(__file__).parent / "images"



@dataclass(frozen=True)
class Language:
    """A language: its runner image and the harness command of each challenge kind it supports."""

    name: str
    title: str
    extension: str
    commands: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The harness starts as root with only these capabilities, to run the candidate's code as an
    # unprivileged user of its own (and kill it); it never holds any other privilege.
    harness_user: str = "0:0"
    harness_capabilities: tuple[str, ...] = ("SETUID", "SETGID", "KILL")

    @property
    def image_dir(self) -> Path:
        """Folder holding this language's Dockerfile and harness."""
        return IMAGES_DIR / self.name

    @property
    def image(self) -> str:
        """Tag of the runner image; it changes whenever the Dockerfile or harness changes."""
        return f"assessor-runner-{self.name}:{_digest(self.image_dir)}"

    def command(self, kind: str) -> list[str]:
        """The harness command for a challenge kind, or UnsupportedKind."""
        if kind not in self.commands:
            raise UnsupportedKind(f"kind {kind!r} is not supported for {self.name}")
        return list(self.commands[kind])


@lru_cache(maxsize=None)
def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


LANGUAGES: Registry[Language] = Registry("language", UnsupportedLanguage)

LANGUAGES.register("python", Language(
    name="python",
    title="Python 3",
    extension=".py",
    commands={
        "unit": ("python3", "-I", "-B", "/opt/assessor/harness/run_pytest.py"),
        "io": ("python3", "-I", "-B", "/opt/assessor/harness/run_io.py"),
    },
))
