"""Runs untrusted code in throwaway Docker containers. Knows nothing of Flask or the database."""

from .engine import Engine
from .archive import build_archive, check_files, read_directory
from .errors import (BadSubmission, BuildError, HarnessError, ImageMissing, InfrastructureError, SandboxError,
                     SandboxUnavailable, UnsupportedKind, UnsupportedLanguage)
from .languages import LANGUAGES, PROGRAM_KINDS, Language, Program
from .limits import Limits
from .runner import RunResult, RunSpec, run, sweep
from .pool import WarmPool

__all__ = [
    "LANGUAGES", "PROGRAM_KINDS", "Program", "BadSubmission", "BuildError", "Engine", "HarnessError", "ImageMissing", "InfrastructureError", "Language", "Limits",
    "RunResult", "RunSpec", "SandboxError", "WarmPool", "SandboxUnavailable", "UnsupportedKind", "UnsupportedLanguage",
    "build_archive", "check_files", "connect", "read_directory", "run", "sweep",
]


def connect(timeout: int = 60, check: bool = True) -> Engine:
    """The Docker Engine of DOCKER_HOST (or the local socket), checked to answer, or SandboxUnavailable.

    `check=False` skips the round trip: the first real call reports an unreachable Engine anyway."""
    engine = Engine(timeout=timeout)
    if check:
        engine.ping()
    return engine
