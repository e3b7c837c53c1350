"""User directory backed by SQLite, safe against SQL injection.

Every value reaches SQLite as a bound parameter. The only SQL fragments that cannot be
parameters (the ORDER BY column and direction) come from fixed allow-lists, never from the
caller's text.
"""

import sqlite3
import threading

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

# Caller-facing name -> SQL text. Only these strings are ever spliced into a query.
SORT_COLUMNS = {"id": "id", "name": "name", "email": "email", "role": "role"}
SORT_ORDERS = {"asc": "ASC", "desc": "DESC"}
MAX_LIMIT = 100


def _like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` literally anywhere in the value (escape char: backslash)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class UserDirectory:
    """Users of one tenant, in a private in-memory SQLite database."""

    def __init__(self) -> None:
        # Requests may be served by different threads (one at a time): allow that.
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.executescript(SCHEMA)
        self._lock = threading.Lock()  # one statement/transaction at a time on the shared connection

    def add_user(self, name: str, email: str, password_hash: str, role: str = "member") -> int:
        """Insert a user and return its new id; ValueError if the email is already taken."""
        try:
            with self._lock, self._conn:
                cur = self._conn.execute(
                    "INSERT INTO users (name, email, password_hash, role) VALUES (?, ?, ?, ?)",
                    (name, email, password_hash, role),
                )
        except sqlite3.IntegrityError:
            raise ValueError(f"email already registered: {email}") from None
        return cur.lastrowid

    def get_user(self, user_id: int) -> dict | None:
        """The user with this id, or None (also for anything that is not an int)."""
        if not _is_int(user_id):
            return None
        with self._lock:
            row = self._conn.execute(
                f"SELECT {PUBLIC_COLUMNS} FROM users WHERE id = ?", (user_id,)
            ).fetchone()
        return dict(row) if row is not None else None

    def search(self, term: str, sort_by: str = "name", order: str = "asc", limit: int = 20) -> list[dict]:
        """Users whose name contains ``term`` literally (ASCII case-insensitive), sorted, at most ``limit``."""
        column = SORT_COLUMNS.get(sort_by) if isinstance(sort_by, str) else None
        if column is None:
            raise ValueError(f"cannot sort by {sort_by!r}; allowed: {sorted(SORT_COLUMNS)}")
        direction = SORT_ORDERS.get(order.lower()) if isinstance(order, str) else None
        if direction is None:
            raise ValueError(f"order must be 'asc' or 'desc', not {order!r}")
        if not _is_int(limit) or not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be an int in 1..{MAX_LIMIT}, not {limit!r}")
        if not isinstance(term, str):
            raise TypeError("term must be a str")
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {PUBLIC_COLUMNS} FROM users WHERE name LIKE ? ESCAPE '\\' "
                f"ORDER BY {column} {direction}, id ASC LIMIT ?",
                (_like_pattern(term), limit),
            ).fetchall()
        return [dict(r) for r in rows]

    def login(self, email: str, password_hash: str) -> dict | None:
        """The user with exactly this email and password hash, or None."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {PUBLIC_COLUMNS} FROM users WHERE email = ? AND password_hash = ?",
                (email, password_hash),
            ).fetchone()
        return dict(row) if row is not None else None

    def rename_user(self, user_id: int, new_name: str) -> bool:
        """Change a user's display name; True if the user exists."""
        if not _is_int(user_id):
            return False
        with self._lock, self._conn:
            cur = self._conn.execute("UPDATE users SET name = ? WHERE id = ?", (new_name, user_id))
        return cur.rowcount > 0
