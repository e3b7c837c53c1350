"""Sign and verify HS256 JSON Web Tokens.

Implement ``sign`` and ``verify``; see statement.md for the exact rules and the order of the
checks. Only the Python standard library may be used.
"""

import base64
import hashlib
import hmac
import json

REASONS = ("malformed", "unsupported_algorithm", "bad_signature", "expired", "not_yet_valid", "bad_audience")


class InvalidToken(Exception):
    """The token must not be trusted; ``reason`` (also ``args[0]``) is one of ``REASONS``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def sign(claims: dict, secret: bytes | str) -> str:
    """Return a compact JWT with header {"alg": "HS256", "typ": "JWT"} carrying ``claims``.

    Raises ``TypeError`` if ``claims`` is not a dict or ``secret`` is not bytes/str, and
    ``ValueError`` if ``secret`` is empty.
    """
    raise NotImplementedError


def verify(token: str, secret: bytes | str, *, now: float,
           audience: str | None = None, leeway: float = 0) -> dict:
    """Return the claims of ``token`` if it is a valid HS256 JWT signed with ``secret``.

    ``now`` is the current time in seconds since the epoch. Raises ``InvalidToken(reason)``
    with the first failing check's reason (see statement.md), ``TypeError``/``ValueError``
    for a bad ``secret`` and ``ValueError`` for a negative ``leeway``.
    """
    raise NotImplementedError
