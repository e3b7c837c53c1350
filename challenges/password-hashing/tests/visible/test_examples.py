"""Worked examples from the statement."""

import pytest

from solution import hash_password, needs_rehash, verify_password

LEGACY = "pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw="


def test_hash_and_verify():
    """A new record verifies its password only, is salted, and needs no rehash."""
    record = hash_password("correct horse battery staple")
    assert record.startswith("pbkdf2_sha256$60000$")
    assert verify_password("correct horse battery staple", record) is True
    assert verify_password("Correct horse battery staple", record) is False
    assert hash_password("correct horse battery staple") != record
    assert needs_rehash(record) is False


def test_legacy_record_and_errors():
    """An old record still verifies but needs a rehash; bad input is handled as specified."""
    assert verify_password("hunter2", LEGACY) is True
    assert needs_rehash(LEGACY) is True
    assert verify_password("hunter2", "pbkdf2_sha256$1000$not base64$") is False
    with pytest.raises(ValueError):
        hash_password("")
