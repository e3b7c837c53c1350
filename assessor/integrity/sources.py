"""What a challenge folder itself brings to a comparison: reference and public solutions, and the base.

The layout (explained to authors in docs/authoring.md, "Public solutions")::

    challenges/<slug>/starter/<lang>/...        the base: code every candidate was given, never evidence
    challenges/<slug>/solution/<lang>/...       the reference solution: one document, kind "reference"
    challenges/<slug>/public/<lang>/<file>      a public solution of one file: one document, kind "public"
    challenges/<slug>/public/<lang>/<name>/...  a public solution of several files: one document per folder

Files are read as UTF-8 (undecodable bytes replaced); hidden files and __pycache__ are skipped.
"""

from __future__ import annotations

from pathlib import Path

from .similarity import Document


def challenge_sources(directory: Path, language: str) -> tuple[list[Document], list[str]]:
    """The reference and public solutions of `language` as documents, and the starter files' texts (the base)."""
    directory = Path(directory)
    documents = []
    reference = _files(directory / "solution" / language)
    if reference:
        documents.append(Document("reference", reference, "reference"))
    public = directory / "public" / language
    for entry in sorted(public.iterdir()) if public.is_dir() else []:
        if _skipped(entry):
            continue
        files = _files(entry) if entry.is_dir() else {entry.name: _read(entry)}
        if files:
            documents.append(Document(f"public:{entry.name}", files, "public"))
    base = list(_files(directory / "starter" / language).values())
    return documents, base


def _files(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its path relative to it; empty when there is no such folder."""
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): _read(path) for path in sorted(folder.rglob("*"))
            if path.is_file() and not any(_skipped(Path(part)) for part in path.relative_to(folder).parts)}


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or path.name == "__pycache__"
