"""Runs untrusted code in throwaway Docker containers. Knows nothing of Flask or the database."""

from .archive import build_archive, check_files, read_directory
from .errors import (BadSubmission, BuildError, HarnessError, ImageMissing, InfrastructureError, SandboxError,
                     SandboxUnavailable, UnsupportedKind, UnsupportedLanguage)
from .languages import LANGUAGES, Language
from .limits import Limits
from .runner import RunResult, RunSpec, run, sweep

__all__ = [
    "LANGUAGES", "BadSubmission", "BuildError", "HarnessError", "ImageMissing", "InfrastructureError", "Language", "Limits",
    "RunResult", "RunSpec", "SandboxError", "SandboxUnavailable", "UnsupportedKind", "UnsupportedLanguage",
    "build_archive", "check_files", "connect", "read_directory", "run", "sweep",
]


def connect(timeout: int = 60):
    """A Docker client from the environment (DOCKER_HOST or the local socket), or SandboxUnavailable."""
    import docker

    try:
        client = docker.from_env(timeout=timeout)
        client.ping()
    except Exception as error:  # docker raises DockerException, requests errors, or OSError here
        raise SandboxUnavailable(f"cannot reach the Docker Engine: {error}") from error
    return client
