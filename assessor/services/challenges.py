"""Keeping the database in step with the challenge library, version by version."""

import io
import tarfile
from pathlib import Path

from flask import current_app

from .. import library
from ..extensions import db
from ..models import Challenge, ChallengeVersion


def sync(library_dir: Path | None = None) -> list[tuple[str, str, bool]]:
    """Add a version for every new or edited challenge; returns (slug, version, added) per challenge."""
    report = []
    for loaded in library.load_all(library_dir):
        challenge = db.session.scalar(db.select(Challenge).filter_by(slug=loaded.slug))
        if challenge is None:
            challenge = Challenge(slug=loaded.slug)
            db.session.add(challenge)
            db.session.flush()
        version = db.session.scalar(db.select(ChallengeVersion).filter_by(challenge_id=challenge.id,
                                                                          version=loaded.version))
        added = version is None
        if added:
            version = ChallengeVersion(
                challenge_id=challenge.id, version=loaded.version, title=loaded.title, kind=loaded.kind,
                difficulty=loaded.difficulty, skills=list(loaded.skills), languages=list(loaded.languages),
                statement=loaded.statement, max_score=loaded.max_score, bundle=bundle(loaded.path),
            )
            db.session.add(version)
            db.session.flush()
        challenge.current_version_id = version.id
        report.append((loaded.slug, loaded.version, added))
    db.session.commit()
    return report


def bundle(directory: Path) -> bytes:
    """A tar.gz snapshot of a challenge directory, named by its slug."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(directory, arcname=directory.name,
                filter=lambda info: None if "__pycache__" in info.name else info)
    return buffer.getvalue()


def load_version(version: ChallengeVersion) -> library.Challenge:
    """The challenge exactly as it was at this version, unpacked once into the instance cache."""
    root = Path(current_app.instance_path) / "challenge-cache" / f"{version.challenge_id}-{version.version}"
    slug = version.challenge.slug
    if not (root / slug / "challenge.toml").exists():
        partial = root.with_name(root.name + ".partial")
        with tarfile.open(fileobj=io.BytesIO(version.bundle), mode="r:gz") as tar:
            tar.extractall(partial, filter="data")
        partial.rename(root) if not root.exists() else None
    return library.load(root / slug)


def starter_text(version: ChallengeVersion, language: str) -> dict[str, str]:
    """The starter files of a version for a language, as text."""
    return {name: content.decode("utf-8") for name, content in load_version(version).starter(language).items()}
