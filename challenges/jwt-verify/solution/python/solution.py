"""Sign and verify HS256 JSON Web Tokens (RFC 7519 / RFC 7515 compact serialisation)."""

import base64
import binascii
import hashlib
import hmac
import json
import re

ALGORITHM = "HS256"
REASONS = ("malformed", "unsupported_algorithm", "bad_signature", "expired", "not_yet_valid", "bad_audience")

_SEGMENT = re.compile(r"[A-Za-z0-9_-]*")


class InvalidToken(Exception):
    """The token must not be trusted; ``reason`` (also ``args[0]``) is one of ``REASONS``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(segment: str) -> bytes:
    """Strict unpadded base64url; InvalidToken("malformed") on anything else."""
    if not _SEGMENT.fullmatch(segment) or len(segment) % 4 == 1:
        raise InvalidToken("malformed")
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        raise InvalidToken("malformed") from None


def _json_object(data: bytes) -> dict:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidToken("malformed") from None
    if not isinstance(value, dict):
        raise InvalidToken("malformed")
    return value


def _key(secret) -> bytes:
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not isinstance(secret, (bytes, bytearray)):
        raise TypeError("secret must be bytes or str")
    if not secret:
        raise ValueError("secret must not be empty")
    return bytes(secret)


def _mac(key: bytes, signing_input: str) -> bytes:
    return hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def sign(claims: dict, secret) -> str:
    """A compact HS256 JWT carrying ``claims``."""
    if not isinstance(claims, dict):
        raise TypeError("claims must be a dict")
    key = _key(secret)
    header = _b64url_encode(json.dumps({"alg": ALGORITHM, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64url_encode(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
    signing_input = f"{header}.{payload}"
    return f"{signing_input}.{_b64url_encode(_mac(key, signing_input))}"


def verify(token: str, secret, *, now: float, audience: str | None = None, leeway: float = 0) -> dict:
    """The claims of ``token`` if it is a valid HS256 JWT for ``secret`` at time ``now``; else InvalidToken."""
    key = _key(secret)
    if not _is_number(leeway) or leeway < 0:
        raise ValueError("leeway must be a non-negative number")
    if not _is_number(now):
        raise TypeError("now must be a number of seconds since the epoch")

    # 1. Structure: three unpadded base64url segments, a JSON-object header.
    if not isinstance(token, str):
        raise InvalidToken("malformed")
    segments = token.split(".")
    if len(segments) != 3:
        raise InvalidToken("malformed")
    header_b64, payload_b64, signature_b64 = segments
    header_bytes, payload_bytes, signature = (_b64url_decode(s) for s in segments)
    header = _json_object(header_bytes)

    # 2. Algorithm: exactly HS256, never "none" or whatever else the token asks for.
    if header.get("alg") != ALGORITHM:
        raise InvalidToken("unsupported_algorithm")

    # 3. Signature over the segments exactly as received, compared in constant time.
    if not hmac.compare_digest(_mac(key, f"{header_b64}.{payload_b64}"), signature):
        raise InvalidToken("bad_signature")

    # 4. Only now is the payload trusted enough to interpret.
    claims = _json_object(payload_bytes)
    for name in ("exp", "nbf"):
        if name in claims and not _is_number(claims[name]):
            raise InvalidToken("malformed")
    aud = claims.get("aud")
    if "aud" in claims and not (
        isinstance(aud, str) or (isinstance(aud, list) and all(isinstance(a, str) for a in aud))
    ):
        raise InvalidToken("malformed")

    if "exp" in claims and now >= claims["exp"] + leeway:
        raise InvalidToken("expired")
    if "nbf" in claims and now < claims["nbf"] - leeway:
        raise InvalidToken("not_yet_valid")
    if audience is None:
        if "aud" in claims:
            raise InvalidToken("bad_audience")
    elif not (aud == audience if isinstance(aud, str) else isinstance(aud, list) and audience in aud):
        raise InvalidToken("bad_audience")
    return claims
