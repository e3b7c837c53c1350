"""Salted, self-describing PBKDF2-SHA256 password hashes."""

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 60_000          # current work factor for new hashes
MAX_ITERATIONS = 1_000_000   # refuse stored records that would make verification hang
SALT_BYTES = 16
MIN_SALT_BYTES = 8
HASH_BYTES = 32


def _encode_password(password) -> bytes:
    if not isinstance(password, str):
        raise TypeError("password must be a str")
    return unicodedata.normalize("NFKC", password).encode("utf-8")


def _derive(password: bytes, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password, salt, iterations, HASH_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    """Strict standard Base64 with padding; ValueError on anything else."""
    if not text.isascii():
        raise ValueError("not ASCII")
    return base64.b64decode(text, validate=True)


def _parse(stored):
    """(iterations, salt, hash) of a well-formed record, else None."""
    if not isinstance(stored, str):
        return None
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        return None
    _, iterations_text, salt_text, hash_text = parts
    # Canonical ASCII decimal only: no sign, spaces, underscores, leading zeros or non-ASCII digits.
    if not (iterations_text.isascii() and iterations_text.isdigit()):
        return None
    iterations = int(iterations_text)
    if str(iterations) != iterations_text or not 1 <= iterations <= MAX_ITERATIONS:
        return None
    try:
        salt, digest = _unb64(salt_text), _unb64(hash_text)
    except (ValueError, binascii.Error):
        return None
    if len(salt) < MIN_SALT_BYTES or len(digest) != HASH_BYTES:
        return None
    return iterations, salt, digest


def hash_password(password: str) -> str:
    """A new record ``pbkdf2_sha256$<iterations>$<salt_b64>$<hash_b64>`` with a fresh random salt."""
    encoded = _encode_password(password)
    if not password:
        raise ValueError("password must not be empty")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _derive(encoded, salt, ITERATIONS)
    return f"{ALGORITHM}${ITERATIONS}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True iff ``stored`` is a well-formed record of ``password``; never raises for a bad record."""
    encoded = _encode_password(password)
    parsed = _parse(stored)
    if parsed is None or not password:
        return False
    iterations, salt, expected = parsed
    return hmac.compare_digest(_derive(encoded, salt, iterations), expected)


def needs_rehash(stored: str) -> bool:
    """True if ``stored`` should be replaced by a fresh hash at the next successful login."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] < ITERATIONS
