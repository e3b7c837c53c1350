"""Hidden tests for the jwt-verify challenge.

Tokens are built with the tiny encoder below, never with the candidate's own sign().
"""

import base64
import hashlib
import hmac
import json
import random

import pytest

from solution import InvalidToken, sign, verify

SECRET = b"hidden-test-secret-\x00\xff-bytes"
NOW = 1_700_000_000
HS256 = {"alg": "HS256", "typ": "JWT"}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def encode(value, style="compact") -> str:
    """base64url of raw bytes, or of a JSON value serialised in the given style."""
    if isinstance(value, bytes):
        return b64url(value)
    if style == "compact":
        text = json.dumps(value, separators=(",", ":"))
    elif style == "spaced":
        text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    else:
        text = json.dumps(value)
    return b64url(text.encode("utf-8"))


def mac(signing_input: str, key=SECRET, digest=hashlib.sha256) -> str:
    return b64url(hmac.new(key, signing_input.encode("ascii"), digest).digest())


def make_token(claims, header=HS256, key=SECRET, digest=hashlib.sha256, style="compact"):
    signing_input = f"{encode(header, style)}.{encode(claims, style)}"
    return f"{signing_input}.{mac(signing_input, key, digest)}"


def resign(header_b64, payload_b64, key=SECRET):
    """A correctly signed token from already-encoded segments."""
    signing_input = f"{header_b64}.{payload_b64}"
    return f"{signing_input}.{mac(signing_input, key)}"


def reason(token, secret=SECRET, now=NOW, **kwargs):
    with pytest.raises(InvalidToken) as error:
        verify(token, secret, now=now, **kwargs)
    return error.value.args[0]


def test_valid_tokens_return_claims():
    """Valid tokens in any JSON style return their exact claims; a str secret means its UTF-8 bytes."""
    claims = {"sub": "user-42", "iat": NOW - 10, "exp": NOW + 60, "nbf": NOW - 5,
              "scope": ["read", "write"], "name": "Zoë 東京", "meta": {"n": 1.5, "ok": True, "x": None}}
    for style in ("compact", "spaced", "default"):
        assert verify(make_token(claims, style=style), SECRET, now=NOW) == claims, style
    header = {"typ": "JWT", "kid": "2024-key", "alg": "HS256"}  # extra header fields, any order
    assert verify(make_token(claims, header=header), SECRET, now=NOW) == claims
    assert verify(make_token({}), SECRET, now=NOW) == {}
    text_secret = "pässwörd-secret"
    token = make_token({"sub": "a"}, key=text_secret.encode("utf-8"))
    assert verify(token, text_secret, now=NOW) == {"sub": "a"}
    assert verify(token, text_secret.encode("utf-8"), now=NOW) == {"sub": "a"}


def test_sign_produces_standard_hs256_tokens():
    """sign() emits unpadded base64url segments, an HS256 header and a correct HMAC-SHA256."""
    claims = {"sub": "user-7", "aud": ["api", "web"], "exp": NOW + 3600, "name": "Ünïcødé ✓"}
    token = sign(claims, SECRET)
    assert isinstance(token, str)
    parts = token.split(".")
    assert len(parts) == 3
    for part in parts:
        assert part and set(part) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    header = json.loads(b64url_decode(parts[0]))
    assert header["alg"] == "HS256" and header.get("typ") == "JWT"
    assert json.loads(b64url_decode(parts[1])) == claims
    assert parts[2] == mac(f"{parts[0]}.{parts[1]}")
    assert verify(token, SECRET, now=NOW, audience="web") == claims
    assert sign({"a": 1}, "text-secret").split(".")[2] == mac(
        ".".join(sign({"a": 1}, "text-secret").split(".")[:2]), b"text-secret")


def test_alg_none_attack_rejected():
    """Tokens declaring alg none (any spelling), null, empty or no alg are unsupported_algorithm."""
    payload = encode({"sub": "admin", "admin": True})
    for header in ({"alg": "none"}, {"alg": "None"}, {"alg": "NONE"}, {"alg": "nOnE", "typ": "JWT"},
                   {"alg": None}, {"alg": ""}, {"typ": "JWT"}, {}):
        h = encode(header)
        assert reason(f"{h}.{payload}.") == "unsupported_algorithm", header
        assert reason(resign(h, payload)) == "unsupported_algorithm", header  # even "correctly" signed


def test_other_algorithms_rejected():
    """HS512/HS384/RS256/ES256/lower-case hs256 are refused even with a valid MAC for that alg."""
    claims = {"sub": "user-42"}
    assert reason(make_token(claims, header={"alg": "HS512"}, digest=hashlib.sha512)) == "unsupported_algorithm"
    assert reason(make_token(claims, header={"alg": "HS384"}, digest=hashlib.sha384)) == "unsupported_algorithm"
    for alg in ("RS256", "ES256", "PS256", "hs256", "HS256 ", "HS 256", ["HS256"], 256):
        assert reason(make_token(claims, header={"alg": alg})) == "unsupported_algorithm", alg


def test_signature_stripping_and_tampering():
    """Stripped, truncated, foreign or reused signatures and edited payloads are bad_signature."""
    token = make_token({"sub": "user-42", "admin": False, "exp": NOW + 60})
    header, payload, signature = token.split(".")
    forged_payload = encode({"sub": "user-42", "admin": True, "exp": NOW + 60})
    other = make_token({"sub": "someone-else"}).split(".")[2]
    cases = [
        f"{header}.{payload}.",                              # signature stripped
        f"{header}.{forged_payload}.{signature}",            # payload edited, old signature kept
        f"{header}.{payload}.{signature[:-4]}",              # truncated
        f"{header}.{payload}.{signature}AAAA",               # extended
        f"{header}.{payload}.{other}",                       # another token's signature
        make_token({"sub": "user-42"}, key=b"attacker-key"),  # signed with another secret
        make_token({"sub": "user-42"}, key=SECRET[:-1]),
        f"{header}.{payload}.{mac(header + '.' + payload, key=hashlib.sha256(SECRET).digest())}",
    ]
    for forged in cases:
        assert reason(forged) == "bad_signature", forged
    assert verify(token, SECRET, now=NOW) == {"sub": "user-42", "admin": False, "exp": NOW + 60}


def test_structure_and_encoding_malformed():
    """Wrong segment counts, padding, non-base64url characters and non-object headers are malformed."""
    token = make_token({"sub": "user-42"})
    header, payload, signature = token.split(".")
    truncated_json = encode(b'{"alg":"HS256"')
    not_utf8 = encode(b"\xff\xfe{}")
    bad_utf8_in_string = encode(b'{"alg":"HS256","x":"\xc3\x28"}')
    bad = [
        "", ".", "..", "...", header, f"{header}.{payload}", f"{token}.", f"{token}.{signature}",
        f"{header}=.{payload}.{signature}",                # padding
        f"{header}.{payload}.{signature}=",
        f"{header}.{payload} .{signature}",                # whitespace
        f" {token}", f"{token}\n",
        f"{header}.{payload}.{signature[:-1]}+",           # standard-alphabet characters
        f"{header}.{payload[:5]}/{payload[5:]}.{signature}",
        f"{header}.{payload}.{signature[:10]}é{signature[10:]}",
        f"{header}A.{payload}.{signature}",                # length = 1 mod 4 after a valid one
        f"{encode(b'not json')}.{payload}.{signature}",
        f"{encode(b'')}.{payload}.{signature}",
        f"{encode(['HS256'])}.{payload}.{signature}",        # header is JSON but not an object
        f"{encode('HS256')}.{payload}.{signature}",
        f"{truncated_json}.{payload}.{signature}",
        f"{not_utf8}.{payload}.{signature}",                 # not UTF-8
        f"{bad_utf8_in_string}.{payload}.{signature}",
        f"{encode(None)}.{payload}.{signature}",
    ]
    for candidate in bad:
        assert reason(candidate) == "malformed", candidate
    for not_a_str in (None, token.encode(), 12345, ["a", "b", "c"]):
        assert reason(not_a_str) == "malformed", not_a_str


def test_payload_checked_only_after_signature():
    """Bad payloads/claim types are malformed when signed, but bad_signature when the MAC is wrong."""
    header = encode(HS256)
    bad_payloads = [
        encode(b"not json"), encode(b""), encode([1, 2, 3]), encode("claims"), encode(b"\xff\xfe"),
        encode({"exp": str(NOW + 60)}), encode({"exp": True}), encode({"nbf": None}),
        encode({"nbf": [NOW]}), encode({"aud": 123}), encode({"aud": ["api", 1]}),
        encode({"aud": {"name": "api"}}), encode({"aud": None}), encode(None),
    ]
    for payload in bad_payloads:
        assert reason(resign(header, payload), audience="api") == "malformed", payload
        assert reason(resign(header, payload, key=b"wrong"), audience="api") == "bad_signature", payload


def test_expiry_boundaries_and_leeway():
    """exp: valid while now < exp + leeway, expired from then on; float timestamps work."""
    token = make_token({"sub": "a", "exp": NOW + 100})
    assert verify(token, SECRET, now=NOW + 99) == {"sub": "a", "exp": NOW + 100}
    assert verify(token, SECRET, now=NOW + 99.999) == {"sub": "a", "exp": NOW + 100}
    assert reason(token, now=NOW + 100) == "expired"
    assert reason(token, now=NOW + 10**6) == "expired"
    assert verify(token, SECRET, now=NOW + 109, leeway=10)["exp"] == NOW + 100
    assert reason(token, now=NOW + 110, leeway=10) == "expired"
    fractional = make_token({"exp": NOW + 0.5})
    assert verify(fractional, SECRET, now=NOW) == {"exp": NOW + 0.5}
    assert reason(fractional, now=NOW + 0.5) == "expired"
    assert verify(fractional, SECRET, now=NOW + 1, leeway=0.75) == {"exp": NOW + 0.5}
    assert verify(make_token({"sub": "no-exp"}), SECRET, now=NOW + 10**9) == {"sub": "no-exp"}


def test_not_before_boundaries_and_leeway():
    """nbf: not_yet_valid while now < nbf - leeway, valid from nbf - leeway on."""
    token = make_token({"sub": "a", "nbf": NOW + 100, "exp": NOW + 200})
    assert reason(token, now=NOW) == "not_yet_valid"
    assert reason(token, now=NOW + 99.5) == "not_yet_valid"
    assert verify(token, SECRET, now=NOW + 100)["sub"] == "a"
    assert verify(token, SECRET, now=NOW + 95, leeway=5)["sub"] == "a"
    assert reason(token, now=NOW + 94.9, leeway=5) == "not_yet_valid"
    assert reason(token, now=NOW + 200) == "expired"


def test_checks_run_in_the_specified_order():
    """The first failing check names the reason: alg, then signature, then exp, nbf, aud."""
    expired = {"sub": "a", "exp": NOW - 10, "nbf": NOW + 10, "aud": "other"}
    assert reason(make_token(expired, header={"alg": "none"}), audience="api") == "unsupported_algorithm"
    assert reason(make_token(expired, key=b"wrong"), audience="api") == "bad_signature"
    assert reason(make_token(expired), audience="api") == "expired"
    assert reason(make_token(dict(expired, exp=NOW + 60)), audience="api") == "not_yet_valid"
    assert reason(make_token(dict(expired, exp=NOW + 60, nbf=NOW)), audience="api") == "bad_audience"
    assert reason(make_token({"exp": "soon"}, header={"alg": "HS512"}, digest=hashlib.sha512)) == \
        "unsupported_algorithm"


def test_audience_rules():
    """aud must equal (or, as a list, contain) the expected audience; an unexpected aud is refused."""
    assert verify(make_token({"aud": "api"}), SECRET, now=NOW, audience="api") == {"aud": "api"}
    assert verify(make_token({"aud": ["web", "api"]}), SECRET, now=NOW, audience="api") == {"aud": ["web", "api"]}
    for aud, audience in [("web", "api"), ("API", "api"), ("api ", "api"), (["web"], "api"), ([], "api"),
                          ("api", "ap"), ("apiX", "api"), (["apiX", "ap"], "api")]:
        assert reason(make_token({"aud": aud}), audience=audience) == "bad_audience", (aud, audience)
    assert reason(make_token({"sub": "no-aud"}), audience="api") == "bad_audience"
    assert reason(make_token({"aud": "api"})) == "bad_audience"              # verifier expects none
    assert reason(make_token({"aud": []})) == "bad_audience"
    assert verify(make_token({"sub": "no-aud"}), SECRET, now=NOW) == {"sub": "no-aud"}


def test_caller_errors_are_not_invalid_token():
    """Empty secrets raise ValueError, non-bytes secrets TypeError, negative leeway ValueError."""
    token = make_token({"sub": "a"})
    for secret in (b"", ""):
        with pytest.raises(ValueError):
            verify(token, secret, now=NOW)
        with pytest.raises(ValueError):
            sign({"sub": "a"}, secret)
    for secret in (None, 12345):
        with pytest.raises(TypeError):
            verify(token, secret, now=NOW)
    with pytest.raises(ValueError):
        verify(token, SECRET, now=NOW, leeway=-1)
    with pytest.raises(TypeError):
        sign(["not", "a", "dict"], SECRET)


def test_fuzzed_tokens_rejected_and_large_token_accepted():
    """300 single-character mutations of a valid token are all rejected; a 400 KB token verifies."""
    rng = random.Random(1234)
    claims = {"sub": "user-42", "roles": ["admin", "billing"], "exp": NOW + 60, "aud": "api"}
    token = make_token(claims)
    last_signature_char = len(token) - 1  # may differ only in unused bits: skip it
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ "
    mutants = set()
    while len(mutants) < 300:
        i = rng.randrange(len(token))
        kind = rng.choice(["replace", "insert", "delete"])
        if kind == "replace" and i != last_signature_char:
            mutant = token[:i] + rng.choice(alphabet.replace(token[i], "")) + token[i + 1:]
        elif kind == "insert":
            mutant = token[:i] + rng.choice(alphabet) + token[i:]
        elif kind == "delete":
            mutant = token[:i] + token[i + 1:]
        else:
            continue
        mutants.add(mutant)
    for mutant in sorted(mutants):
        with pytest.raises(InvalidToken):
            verify(mutant, SECRET, now=NOW, audience="api")
    assert verify(token, SECRET, now=NOW, audience="api") == claims

    big = {"sub": "bulk", "aud": "api", "permissions": [f"resource-{i}:read" for i in range(15_000)]}
    big_token = make_token(big)
    assert len(big_token) > 400_000
    assert verify(big_token, SECRET, now=NOW, audience="api") == big
    header, payload, signature = big_token.split(".")
    assert reason(f"{header}.{payload[:-2]}xx.{signature}", audience="api") == "bad_signature"
