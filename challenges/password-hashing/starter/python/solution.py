"""Salted, self-describing PBKDF2-SHA256 password hashes.

Implement the three functions below; see statement.md for the record format and the rules.
Only the Python standard library may be used.
"""

import base64
import hashlib
import hmac
import secrets
import unicodedata

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 60_000          # work factor of new hashes
MAX_ITERATIONS = 1_000_000   # largest work factor a stored record may ask for


def hash_password(password: str) -> str:
    """Return a new record ``pbkdf2_sha256$<iterations>$<salt_b64>$<hash_b64>``.

    Uses ``ITERATIONS`` iterations, a fresh random 16-byte salt from ``secrets`` and the
    NFKC-normalised, UTF-8 encoded password. Raises ``TypeError`` if ``password`` is not a
    str and ``ValueError`` if it is empty.
    """
    raise NotImplementedError


def verify_password(password: str, stored: str) -> bool:
    """Return True iff ``stored`` is a well-formed record of ``password``.

    Compares in constant time. Returns False (never raises) for malformed or tampered
    records and for an empty password; raises ``TypeError`` only if ``password`` is not a str.
    """
    raise NotImplementedError


def needs_rehash(stored: str) -> bool:
    """Return True if ``stored`` is malformed or uses fewer than ``ITERATIONS`` iterations."""
    raise NotImplementedError
