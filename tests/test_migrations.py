"""The Alembic migrations build the schema on SQLite and on PostgreSQL, and tear it down again."""

import sqlalchemy as sa

from assessor import create_app

TABLES = {"user", "challenge", "challenge_version", "challenge_set", "challenge_set_item", "invitation",
          "attempt", "submission", "alembic_version"}


def migrate_and_inspect(url, tmp_path, monkeypatch):
    from flask_migrate import downgrade, upgrade

    from assessor.extensions import db
    from assessor.services.challenges import sync
    from tests.conftest import FIXTURE_LIBRARY

    monkeypatch.setenv("ASSESSOR_INSTANCE", str(tmp_path / "instance"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "TESTING": True})
    with app.app_context():
        upgrade()
        tables = set(sa.inspect(db.engine).get_table_names())
        synced = sync(FIXTURE_LIBRARY)           # the schema really holds the models' data
        downgrade(revision="base")
        left = set(sa.inspect(db.engine).get_table_names())
        db.engine.dispose()
    return tables, synced, left


def test_migrations_on_sqlite(tmp_path, monkeypatch):
    tables, synced, left = migrate_and_inspect(f"sqlite:///{tmp_path / 'm.db'}", tmp_path, monkeypatch)
    assert TABLES <= tables
    assert [slug for slug, _version, added in synced] == ["mean-of-numbers", "notes-api", "sum-pairs", "top-customers"]
    assert left <= {"alembic_version"}


def test_migrations_on_postgresql(postgres_database, tmp_path, monkeypatch):
    tables, synced, left = migrate_and_inspect(postgres_database, tmp_path, monkeypatch)
    assert TABLES <= tables
    assert [slug for slug, _version, added in synced] == ["mean-of-numbers", "notes-api", "sum-pairs", "top-customers"]
    assert left <= {"alembic_version"}
