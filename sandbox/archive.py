"""The files that go into a grading container: checked submission files and trusted test files.

Submitted files arrive as ``{relative path: bytes}``. Everything about them is checked here,
whoever the caller is (web, API or `assessor grade`): a bad file is a `BadSubmission`, never a crash.
"""

import io
import json
import re
import tarfile
from pathlib import Path, PurePosixPath

from .errors import BadSubmission

MAX_FILES = 50
MAX_FILE_BYTES = 256 * 1024
MAX_TOTAL_BYTES = 1024 * 1024
MAX_DEPTH = 6
_SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")


def check_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return the files with normalised names, or raise BadSubmission naming the first problem."""
    if not files:
        raise BadSubmission("no files submitted")
    if len(files) > MAX_FILES:
        raise BadSubmission(f"too many files: {len(files)} (at most {MAX_FILES})")
    total = 0
    checked = {}
    for name, content in files.items():
        clean = check_name(name)
        if not isinstance(content, bytes):
            raise BadSubmission(f"{clean}: content must be bytes")
        if len(content) > MAX_FILE_BYTES:
            raise BadSubmission(f"{clean}: {len(content)} bytes is over the {MAX_FILE_BYTES}-byte limit per file")
        if b"\x00" in content:
            raise BadSubmission(f"{clean}: binary content (NUL byte) is not accepted")
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadSubmission(f"{clean}: not valid UTF-8 text (byte {error.start})") from None
        total += len(content)
        if clean in checked:
            raise BadSubmission(f"{clean}: given twice")
        checked[clean] = content
    if total > MAX_TOTAL_BYTES:
        raise BadSubmission(f"submission is {total} bytes, over the {MAX_TOTAL_BYTES}-byte limit")
    return checked


def check_name(name: str) -> str:
    """A safe relative POSIX path for a submitted file name, or BadSubmission."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        raise BadSubmission(f"invalid file name {name!r}")
    path = PurePosixPath(name)
    if path.is_absolute():
        raise BadSubmission(f"{name}: absolute paths are not accepted")
    parts = path.parts
    if len(parts) > MAX_DEPTH:
        raise BadSubmission(f"{name}: nested deeper than {MAX_DEPTH} directories")
    for part in parts:
        if part in (".", "..") or not _SAFE_PART.match(part):
            raise BadSubmission(f"{name}: file names may use letters, digits, '.', '_' and '-' only, and no '..'")
    return str(path)


def read_directory(root: Path) -> dict[str, bytes]:
    """Read a submission from a file or a directory on disk; symlinks and special files are refused."""
    root = Path(root)
    if root.is_symlink():
        raise BadSubmission(f"{root}: symlinks are not accepted")
    if root.is_file():
        return {root.name: _read_capped(root)}
    if not root.is_dir():
        raise BadSubmission(f"{root}: no such file or directory")
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(root).parts):
            continue
        if path.is_symlink():
            raise BadSubmission(f"{relative}: symlinks are not accepted")
        if path.is_dir():
            continue
        if not path.is_file():
            raise BadSubmission(f"{relative}: not a regular file")
        if len(files) >= MAX_FILES:
            raise BadSubmission(f"too many files (at most {MAX_FILES})")
        files[relative] = _read_capped(path, relative)
    return files


def _read_capped(path: Path, shown_as: str | None = None) -> bytes:
    with open(path, "rb") as handle:
        content = handle.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise BadSubmission(f"{shown_as or path.name}: over the {MAX_FILE_BYTES}-byte limit per file")
    return content


def build_archive(submission: dict[str, bytes], tests_dir: Path | None, settings: dict | None = None,
                  test_files=None) -> bytes:
    """A tar of submission/, tests/ and run.json (limits), streamed to the harness on stdin.

    `test_files(path) -> bool` keeps only some test files (io challenges send the inputs only:
    the expected outputs never enter the container)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        _add_file(tar, "run.json", json.dumps(settings or {}).encode())
        _add_dir(tar, "submission")
        for name, content in sorted(check_files(submission).items()):
            _add_parents(tar, "submission", name)
            _add_file(tar, f"submission/{name}", content)
        _add_dir(tar, "tests")
        if tests_dir is not None:
            for path in sorted(Path(tests_dir).rglob("*")):
                relative = path.relative_to(tests_dir).as_posix()
                if "__pycache__" in relative or path.is_symlink():
                    continue
                if path.is_dir():
                    _add_dir(tar, f"tests/{relative}")
                elif test_files is None or test_files(path):
                    _add_file(tar, f"tests/{relative}", path.read_bytes())
    return buffer.getvalue()


def _add_parents(tar: tarfile.TarFile, top: str, name: str) -> None:
    parents = PurePosixPath(name).parents
    for parent in reversed(list(parents)[:-1]):
        _add_dir(tar, f"{top}/{parent}")


def _add_dir(tar: tarfile.TarFile, name: str) -> None:
    if name in tar.getnames():
        return
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = 0o755
    tar.addfile(info)


def _add_file(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o644
    tar.addfile(info, io.BytesIO(content))
