"""Worked examples from the statement."""

import pytest

from solution import InvalidToken, sign, verify

SECRET = b"k3y-for-tests-only"
NOW = 1_700_000_000


def reason(token, secret=SECRET, **kwargs):
    with pytest.raises(InvalidToken) as error:
        verify(token, secret, **kwargs)
    return error.value.args[0]


def test_sign_then_verify():
    """A signed token verifies until it expires (leeway stretches that) and only for its audience."""
    claims = {"sub": "user-42", "aud": "billing", "exp": NOW + 600}
    token = sign(claims, SECRET)
    assert verify(token, SECRET, now=NOW, audience="billing") == claims
    assert reason(token, now=NOW + 600, audience="billing") == "expired"
    assert verify(token, SECRET, now=NOW + 600, audience="billing", leeway=30) == claims
    assert reason(token, b"another-secret", now=NOW, audience="billing") == "bad_signature"
    assert reason(token, now=NOW) == "bad_audience"


def test_forged_tokens_from_the_example():
    """The alg=none forgery and a token without its signature segment are refused."""
    token = sign({"sub": "user-42", "aud": "billing", "exp": NOW + 600}, SECRET)
    header, payload, _ = token.split(".")
    assert reason(f"eyJhbGciOiJub25lIn0.{payload}.", now=NOW, audience="billing") == "unsupported_algorithm"
    assert reason(f"{header}.{payload}", now=NOW) == "malformed"
