"""Hidden tests for the password-hashing challenge."""

import base64
import hashlib
import re
import unicodedata

import pytest

from solution import hash_password, needs_rehash, verify_password

RECORD_RE = re.compile(r"pbkdf2_sha256\$60000\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)")

# Records computed independently with hashlib.pbkdf2_hmac: (password, record).
VECTORS = [
    ("correct horse battery staple",
     "pbkdf2_sha256$60000$YXNzZXNzb3Itc2FsdC0xNg==$nBQH9TnKedE1CGO6s05ibTVZeGYv/xuB3I70VFdCcZ8="),
    ("hunter2",  # legacy: 1,000 iterations, 8-byte salt
     "pbkdf2_sha256$1000$OGJ5dGVzYWw=$AEl7sbzjjtWBxPKwqIkl6T+hJrNjTPo+UT7yuRZBAuw="),
    ("Pa\u00dfw\u00f6rd \u2014 \u6771\u4eac",  # more iterations than ITERATIONS
     "pbkdf2_sha256$120000$AAECAwQFBgcICQoLDA0ODw==$deFbTetLhxsltINf486XfL49RDiqRordtzapGSuSS2s="),
]
GOOD = VECTORS[0][1]
UNICODE_VECTOR = "pbkdf2_sha256$60000$dW5pY29kZS1zYWx0LTAxNg==$EVP6n8tTY/3C0+vCmkW88+Ei+P/szQ8tnxZAWnM6CyE="
MAX_VECTOR = "pbkdf2_sha256$1000000$bWF4LWl0ZXJhdGlvbnMhIQ==$N9NKRI7/ngfUVktdEY2Ti1pDcZlmQu0wYrWO6bd78WE="


def fields(record):
    match = RECORD_RE.fullmatch(record)
    assert match, f"not a well-formed new record: {record!r}"
    return base64.b64decode(match.group(1)), base64.b64decode(match.group(2))


def with_field(record, index, value):
    parts = record.split("$")
    parts[index] = value
    return "$".join(parts)


def test_record_format_and_derivation():
    """hash_password writes pbkdf2_sha256$60000$salt$hash with a 16-byte salt and the correct PBKDF2 key."""
    password = "correct horse battery staple"
    record = hash_password(password)
    assert isinstance(record, str)
    salt, digest = fields(record)
    assert len(salt) == 16
    assert digest == hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 60_000)
    assert verify_password(password, record) is True
    assert needs_rehash(record) is False


def test_salts_are_unique():
    """Hashing the same password repeatedly gives a different salt and hash every time."""
    records = [hash_password("same password") for _ in range(12)]
    salts = {fields(r)[0] for r in records}
    digests = {fields(r)[1] for r in records}
    assert len(salts) == 12 and len(digests) == 12
    assert all(verify_password("same password", r) for r in records)


def test_wrong_passwords_rejected():
    """Near-miss passwords (case, whitespace, prefix, suffix, empty) do not verify."""
    password = "correct horse battery staple"
    record = hash_password(password)
    for wrong in ("Correct horse battery staple", "correct horse battery staple ",
                  " correct horse battery staple", "correct horse battery", "correct horse battery staple!",
                  "correcthorsebatterystaple", "", "hunter2"):
        assert verify_password(wrong, record) is False, wrong
    assert verify_password(password, record) is True


def test_reference_vectors_verify():
    """Records made by an independent implementation verify (current, legacy and stronger ones)."""
    for password, record in VECTORS:
        assert verify_password(password, record) is True, record
        assert verify_password(password + "x", record) is False, record
    assert verify_password("max", MAX_VECTOR) is True  # exactly MAX_ITERATIONS is allowed


def test_unicode_passwords_normalised_nfkc():
    """Passwords are NFKC-normalised and UTF-8 encoded before hashing."""
    assert verify_password("fine pass", UNICODE_VECTOR) is True        # stored from "\ufb01ne ｐａｓｓ"
    assert verify_password("\ufb01ne \uff50\uff41\uff53\uff53", UNICODE_VECTOR) is True
    assert verify_password("fine Pass", UNICODE_VECTOR) is False
    for typed, other in [("\u212b", "\u00c5"), ("A\u030a", "\u00c5"), ("caf\u00e9", "cafe\u0301"),
                         ("\u2460\u2461", "12")]:
        record = hash_password(typed)
        assert verify_password(other, record) is True, (typed, other)
        salt, digest = fields(record)
        expected = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", typed).encode("utf-8"),
                                       salt, 60_000)
        assert digest == expected, typed
    record = hash_password("p\u00e4ss \U0001f511 \u6771\u4eac")
    assert verify_password("pa\u0308ss \U0001f511 \u6771\u4eac", record) is True
    assert verify_password("pass \U0001f511 \u6771\u4eac", record) is False


def test_tampered_records_rejected():
    """Changing any field of a genuine record (hash, salt, iterations, algorithm) makes it fail."""
    password = "correct horse battery staple"
    salt_text, hash_text = GOOD.split("$")[2:]
    flipped_hash = ("A" if hash_text[0] != "A" else "B") + hash_text[1:]
    flipped_salt = ("A" if salt_text[5] != "A" else "B").join([salt_text[:5], salt_text[6:]])
    other = VECTORS[2][1].split("$")
    tampered = [
        with_field(GOOD, 3, flipped_hash),
        with_field(GOOD, 2, flipped_salt),
        with_field(GOOD, 1, "60001"),
        with_field(GOOD, 1, "59999"),
        with_field(GOOD, 1, "120000"),
        with_field(GOOD, 0, "pbkdf2_sha1"),
        with_field(GOOD, 0, "PBKDF2_SHA256"),
        with_field(GOOD, 2, other[2]),           # another record's salt
        with_field(GOOD, 3, other[3]),           # another record's hash
    ]
    for record in tampered:
        assert verify_password(password, record) is False, record
    assert verify_password(password, GOOD) is True


def test_malformed_records_return_false():
    """Malformed records (structure, iterations, Base64, lengths, types) give False, never an exception."""
    password = "correct horse battery staple"
    it, salt, digest = GOOD.split("$")[1:]
    malformed = [
        "", "pbkdf2_sha256", "$$$", GOOD + "$", GOOD + "$extra", "$" + GOOD,
        f"pbkdf2_sha256${it}${salt}", f"pbkdf2_sha256${salt}${digest}",
        # iterations: not canonical ASCII decimal, or out of range
        with_field(GOOD, 1, ""), with_field(GOOD, 1, "abc"), with_field(GOOD, 1, "0"),
        with_field(GOOD, 1, "-60000"), with_field(GOOD, 1, "+60000"), with_field(GOOD, 1, " 60000"),
        with_field(GOOD, 1, "60000 "), with_field(GOOD, 1, "60_000"), with_field(GOOD, 1, "060000"),
        with_field(GOOD, 1, "60000.0"), with_field(GOOD, 1, "6e4"),
        with_field(GOOD, 1, "\uff16\uff10\uff10\uff10\uff10"),   # full-width digits
        with_field(GOOD, 1, "\u0666\u0660\u0660\u0660\u0660"),   # Arabic-Indic digits
        # Base64: missing padding, stray or foreign characters, URL-safe alphabet
        with_field(GOOD, 3, digest.rstrip("=")), with_field(GOOD, 2, salt.rstrip("=")),
        GOOD + "\n", GOOD + " ", with_field(GOOD, 3, digest[:10] + " " + digest[10:]),
        with_field(GOOD, 3, digest[:10] + "!" + digest[10:]), with_field(GOOD, 2, "é" + salt[1:]),
        with_field(GOOD, 3, digest.replace("/", "_")),
        # lengths: salt below 8 bytes, hash not 32 bytes
        with_field(GOOD, 2, base64.b64encode(b"short").decode()),
        with_field(GOOD, 2, ""),
        with_field(GOOD, 3, base64.b64encode(base64.b64decode(digest)[:31]).decode()),
        with_field(GOOD, 3, base64.b64encode(base64.b64decode(digest) + b"\x00").decode()),
        with_field(GOOD, 3, ""),
        # not a str at all
        None, 12345, GOOD.encode(), ["pbkdf2_sha256", it, salt, digest],
    ]
    for record in malformed:
        assert verify_password(password, record) is False, record
        assert needs_rehash(record) is True, record


def test_huge_iteration_count_rejected_without_hashing():
    """A record asking for more than MAX_ITERATIONS is refused at once instead of hanging the login."""
    counts = ("1000000000", "99999999999999999999", "1000001")
    for count in counts:  # 10**9 iterations would take hours: this must return at once
        assert verify_password("correct horse battery staple", with_field(GOOD, 1, count)) is False, count
    for count in counts:
        assert needs_rehash(with_field(GOOD, 1, count)) is True, count


def test_needs_rehash_by_iterations():
    """needs_rehash is True below ITERATIONS and False at or above it for well-formed records."""
    assert needs_rehash(hash_password("pw")) is False
    assert needs_rehash(GOOD) is False
    assert needs_rehash(VECTORS[1][1]) is True                     # 1,000 iterations
    assert needs_rehash(VECTORS[2][1]) is False                    # 120,000 iterations
    assert needs_rehash(with_field(GOOD, 1, "59999")) is True
    assert needs_rehash(with_field(GOOD, 1, "1")) is True
    assert needs_rehash(MAX_VECTOR) is False


def test_empty_and_non_str_passwords():
    """Empty passwords are refused by hash_password and never verify; non-str passwords raise TypeError."""
    with pytest.raises(ValueError):
        hash_password("")
    for bad in (None, b"password", 12345, ["password"]):
        with pytest.raises(TypeError):
            hash_password(bad)
        with pytest.raises(TypeError):
            verify_password(bad, GOOD)
    assert verify_password("", GOOD) is False


def test_unusual_passwords_round_trip():
    """Long passwords and ones containing $, NUL, newlines or quotes hash and verify correctly."""
    for password in ("a" * 10_000, "pa$$word$60000$", "nul\x00byte", "line\nbreak\r\n", "'\"\\`",
                     " ", "\t"):
        record = hash_password(password)
        fields(record)
        assert verify_password(password, record) is True, password[:20]
        assert verify_password(password + " ", record) is False, password[:20]
    assert verify_password("a" * 9_999, hash_password("a" * 10_000)) is False
