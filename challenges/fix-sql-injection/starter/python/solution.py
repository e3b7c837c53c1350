"""User directory backed by SQLite.

A security review found SQL injection in this module. Fix it without changing the public
API (see statement.md). Only the Python standard library may be used.
"""

import sqlite3

SCHEMA = """
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'member'
);
"""

PUBLIC_COLUMNS = "id, name, email, role"


class UserDirectory:
    """Users of one tenant, in a private in-memory SQLite database."""

    def __init__(self) -> None:
        # Requests may be served by different threads (one at a time): allow that.
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.executescript(SCHEMA)

    def _row(self, row):
        return dict(row) if row is not None else None

    def add_user(self, name: str, email: str, password_hash: str, role: str = "member") -> int:
        """Insert a user and return its new id; ValueError if the email is already taken."""
        try:
            cur = self._conn.execute(
                f"INSERT INTO users (name, email, password_hash, role) "
                f"VALUES ('{name}', '{email}', '{password_hash}', '{role}')"
            )
        except sqlite3.IntegrityError:
            raise ValueError(f"email already registered: {email}") from None
        self._conn.commit()
        return cur.lastrowid

    def get_user(self, user_id: int) -> dict | None:
        """The user with this id, or None."""
        row = self._conn.execute(
            f"SELECT {PUBLIC_COLUMNS} FROM users WHERE id = {user_id}"
        ).fetchone()
        return self._row(row)

    def search(self, term: str, sort_by: str = "name", order: str = "asc", limit: int = 20) -> list[dict]:
        """Users whose name contains ``term`` (ASCII case-insensitive), sorted, at most ``limit``."""
        rows = self._conn.execute(
            f"SELECT {PUBLIC_COLUMNS} FROM users WHERE name LIKE '%{term}%' "
            f"ORDER BY {sort_by} {order}, id ASC LIMIT {limit}"
        ).fetchall()
        return [dict(r) for r in rows]

    def login(self, email: str, password_hash: str) -> dict | None:
        """The user with exactly this email and password hash, or None."""
        row = self._conn.execute(
            f"SELECT {PUBLIC_COLUMNS} FROM users "
            f"WHERE email = '{email}' AND password_hash = '{password_hash}'"
        ).fetchone()
        return self._row(row)

    def rename_user(self, user_id: int, new_name: str) -> bool:
        """Change a user's display name; True if the user exists."""
        cur = self._conn.execute(f"UPDATE users SET name = '{new_name}' WHERE id = {user_id}")
        self._conn.commit()
        return cur.rowcount > 0
