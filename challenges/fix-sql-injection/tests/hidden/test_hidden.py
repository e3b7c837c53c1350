"""Hidden tests for the fix-sql-injection challenge."""

import random

import pytest

from solution import UserDirectory

ALICE = {"id": 1, "name": "Alice Smith", "email": "alice@example.com", "role": "admin"}
BOB = {"id": 2, "name": "Bob Brown", "email": "bob@example.com", "role": "member"}
CAROL = {"id": 3, "name": "carol_jones", "email": "carol@example.com", "role": "member"}
SALE = {"id": 4, "name": "Sale 100% off", "email": "promo@example.com", "role": "member"}
EVERYONE = [ALICE, BOB, CAROL, SALE]
HASHES = {1: "h-alice", 2: "h-bob", 3: "h-carol", 4: "h-promo"}


def seeded():
    users = UserDirectory()
    for user in EVERYONE:
        new_id = users.add_user(user["name"], user["email"], HASHES[user["id"]], role=user["role"])
        assert new_id == user["id"]
    return users


def snapshot(users):
    """Every user as stored, read through the public API."""
    return users.search("", sort_by="id", limit=100)


def assert_untouched(users, expected=EVERYONE):
    assert snapshot(users) == expected
    for user in expected:
        if user["id"] in HASHES:
            assert users.login(user["email"], HASHES[user["id"]]) == user


def test_normal_behaviour():
    """add_user/get_user/login/rename_user/search work as specified on ordinary data."""
    users = seeded()
    assert users.get_user(2) == BOB
    assert users.get_user(99) is None
    assert users.login("alice@example.com", "h-alice") == ALICE
    assert users.login("alice@example.com", "h-bob") is None
    assert users.login("ALICE@example.com", "h-alice") is None  # exact email match
    assert users.search("SMITH") == [ALICE]
    assert users.search("") == [ALICE, BOB, SALE, CAROL]  # by code point: "Sale..." < "carol_jones"
    assert users.rename_user(3, "Carol Jones") is True
    assert users.get_user(3) == dict(CAROL, name="Carol Jones")
    assert users.search("") == [ALICE, BOB, dict(CAROL, name="Carol Jones"), SALE]
    assert users.rename_user(42, "Nobody") is False
    assert users.add_user("Dave", "dave@example.com", "h-dave") == 5


def test_special_characters_round_trip():
    """Quotes, semicolons, comments, backslashes and SQL keywords are stored and found verbatim."""
    users = UserDirectory()
    names = [
        "Bob O'Brien",
        'The "Quoted" One',
        "'; DROP TABLE users; --",
        "Robert'); DELETE FROM users WHERE ('1'='1",
        "back\\slash \\' end",
        "semi;colon -- not a comment /* nor this */",
        "Zoë Ünïcødé 名前",
    ]
    for i, name in enumerate(names, start=1):
        email = f"o'user{i}@example.com"
        assert users.add_user(name, email, f"hash'{i}", role=f"role'{i}") == i
    for i, name in enumerate(names, start=1):
        expected = {"id": i, "name": name, "email": f"o'user{i}@example.com", "role": f"role'{i}"}
        assert users.get_user(i) == expected
        assert users.login(f"o'user{i}@example.com", f"hash'{i}") == expected
        assert users.search(name) == [expected]
    assert len(snapshot(users)) == len(names)


def test_login_bypass_payloads_fail():
    """Classic authentication-bypass payloads log nobody in and raise nothing."""
    users = seeded()
    payloads = [
        ("alice@example.com' --", "wrong"),
        ("alice@example.com'/*", "*/ OR '1'='1"),
        ("' OR '1'='1", "' OR '1'='1"),
        ("alice@example.com", "' OR '1'='1"),
        ("alice@example.com", "x' OR 1=1 --"),
        ("' OR 1=1 --", ""),
        ("nobody@example.com' OR role = 'admin' --", "x"),
        ("\" OR \"\"=\"", "\" OR \"\"=\""),
    ]
    for email, password_hash in payloads:
        assert users.login(email, password_hash) is None, (email, password_hash)
    assert_untouched(users)


def test_union_select_leaks_nothing():
    """UNION SELECT payloads in search, login and get_user return no data and leak no hashes."""
    users = seeded()
    union = "zzz%' UNION SELECT id, password_hash, email, role FROM users --"
    assert users.search(union) == []
    assert users.search("' UNION SELECT 1, sqlite_version(), 3, 4 --") == []
    assert users.search("x') UNION SELECT id, password_hash, email, role FROM users --") == []
    assert users.login("x' UNION SELECT id, password_hash, email, role FROM users --", "x") is None
    assert users.get_user("0 UNION SELECT id, password_hash, email, role FROM users") is None
    # The leaked columns must not appear anywhere in ordinary results either.
    for user in snapshot(users):
        assert set(user) == {"id", "name", "email", "role"}
        assert not any(str(v).startswith("h-") for v in user.values())


def test_destructive_payloads_change_nothing():
    """DROP/DELETE/UPDATE payloads in every method are inert data; the database is unchanged."""
    users = seeded()
    drop = "'; DROP TABLE users; --"
    delete = "x' OR 1=1; DELETE FROM users; --"
    for payload in (drop, delete, "x'); UPDATE users SET role = 'admin'; --"):
        assert users.search(payload) == []
        assert users.login(payload, payload) is None
        assert users.get_user(payload) is None
        assert users.rename_user(payload, "Mallory") is False
    assert_untouched(users)
    # Stored as a name, the payload is just a name.
    assert users.add_user(drop, "mallory@example.com", drop, role=drop) == 5
    mallory = {"id": 5, "name": drop, "email": "mallory@example.com", "role": drop}
    assert users.get_user(5) == mallory
    assert users.search("DROP TABLE") == [mallory]
    assert users.login("mallory@example.com", drop) == mallory
    assert_untouched(users, EVERYONE + [mallory])


def test_rename_cannot_escalate_or_touch_other_rows():
    """rename_user stores payloads as the literal name and never changes role or other users."""
    users = seeded()
    payloads = [
        "x', role = 'admin",
        "x', role = 'admin' WHERE 1=1 --",
        "x' --",
        "x', email = 'alice@example.com",
        "x', password_hash = 'h-alice",
    ]
    for payload in payloads:
        assert users.rename_user(2, payload) is True
        assert users.get_user(2) == dict(BOB, name=payload)
        assert users.login("bob@example.com", "h-bob") == dict(BOB, name=payload)
        others = [u for u in snapshot(users) if u["id"] != 2]
        assert others == [ALICE, CAROL, SALE]


def test_non_int_ids_match_nothing():
    """get_user/rename_user with a non-int id (injection strings, floats, None) find nobody."""
    users = seeded()
    for bad in ("1 OR 1=1", "1", "2; DROP TABLE users", "-1 OR id > 0", None, 1.5, [1]):
        assert users.get_user(bad) is None, bad
        assert users.rename_user(bad, "Pwned") is False, bad
    assert_untouched(users)


def test_like_wildcards_are_literal():
    """%, _ and backslash in the search term match only themselves; matching is ASCII case-insensitive."""
    users = UserDirectory()
    names = ["100% cotton", "1000 cotton", "snake_case", "snakeXcase", "back\\slash",
             "backslash", "50%_off", "50% off", "Percent%Sign", "under__score"]
    for i, name in enumerate(names, start=1):
        users.add_user(name, f"u{i}@example.com", "h")

    def found(term):
        return sorted(u["name"] for u in users.search(term, limit=100))

    assert found("%") == sorted(["100% cotton", "50%_off", "50% off", "Percent%Sign"])
    assert found("0%") == sorted(["100% cotton", "50%_off", "50% off"])
    assert found("_") == sorted(["snake_case", "50%_off", "under__score"])
    assert found("e_c") == ["snake_case"]
    assert found("%_") == ["50%_off"]
    assert found("__") == ["under__score"]
    assert found("\\") == ["back\\slash"]
    assert found("k\\s") == ["back\\slash"]
    assert found("\\%") == []
    assert found("%%") == []
    assert found("PERCENT%sign") == ["Percent%Sign"]
    assert found("") == sorted(names)


def test_sort_column_allow_list():
    """Only id/name/email/role are sortable; anything else (incl. SQL expressions) raises ValueError."""
    users = seeded()
    for column in ("id", "name", "email", "role"):
        assert len(users.search("", sort_by=column)) == 4
    refused = [
        "password_hash",
        "name; DROP TABLE users",
        "name DESC",
        "name --",
        "(CASE WHEN (SELECT substr(password_hash, 1, 1) FROM users WHERE id = 1) = 'h' "
        "THEN name ELSE email END)",
        "1",
        "rowid",
        "",
        None,
    ]
    for sort_by in refused:
        with pytest.raises(ValueError):
            users.search("", sort_by=sort_by)
    assert_untouched(users)


def test_order_and_limit_validation():
    """order accepts asc/desc in any case; bad order or limit values raise ValueError."""
    users = seeded()
    assert [u["id"] for u in users.search("", sort_by="id", order="DESC")] == [4, 3, 2, 1]
    assert [u["id"] for u in users.search("", sort_by="id", order="Asc")] == [1, 2, 3, 4]
    for order in ("desc; DROP TABLE users", "desc, (SELECT 1)", "up", "", None):
        with pytest.raises(ValueError):
            users.search("", order=order)
    for limit in (0, -1, 101, True, "5", "5; DROP TABLE users", "1 UNION SELECT 1", 2.0, None):
        with pytest.raises(ValueError):
            users.search("", limit=limit)
    assert len(users.search("", limit=100)) == 4
    assert [u["id"] for u in users.search("", sort_by="id", limit=1)] == [1]
    assert_untouched(users)


def test_sorting_and_tie_breaks():
    """Each column sorts by code point in both directions, ties broken by id ascending."""
    users = UserDirectory()
    rows = [("bob", "z@x", "member"), ("Zed", "a@x", "admin"), ("alice", "m@x", "member"),
            ("bob", "b@x", "admin"), ("Bob", "c@x", "member")]
    for name, email, role in rows:
        users.add_user(name, email, "h", role=role)

    def order(**kwargs):
        return [u["id"] for u in users.search("", **kwargs)]

    assert order(sort_by="name") == [5, 2, 3, 1, 4]
    assert order(sort_by="name", order="desc") == [1, 4, 3, 2, 5]
    assert order(sort_by="email") == [2, 4, 5, 3, 1]
    assert order(sort_by="role") == [2, 4, 1, 3, 5]
    assert order(sort_by="role", order="desc") == [1, 3, 5, 2, 4]
    assert order(sort_by="id", order="desc") == [5, 4, 3, 2, 1]
    assert order(sort_by="name", limit=2) == [5, 2]


def test_duplicate_email_rejected():
    """A second user with an already registered email (even one with a quote) raises ValueError."""
    users = seeded()
    with pytest.raises(ValueError):
        users.add_user("Alice Again", "alice@example.com", "h")
    assert users.add_user("Pat O'Neil", "pat.o'neil@example.com", "h-pat") == 5
    with pytest.raises(ValueError):
        users.add_user("Pat Again", "pat.o'neil@example.com", "h")
    assert len(snapshot(users)) == 5


def test_large_directory_matches_model():
    """With 1,500 generated users, search results match a model of the spec for many queries."""
    rng = random.Random(20240501)
    alphabet = "abcXYZ_%\\' -;"
    users = UserDirectory()
    model = []
    for i in range(1, 1501):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        role = rng.choice(["member", "admin", "auditor"])
        user = {"id": i, "name": name, "email": f"user{i}'@example.com", "role": role}
        assert users.add_user(name, user["email"], f"h{i}", role=role) == i
        model.append(user)

    def fold(text):
        return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)

    def expected(term, sort_by, order, limit):
        hits = [u for u in model if fold(term) in fold(u["name"])]
        hits.sort(key=lambda u: u["id"])
        hits.sort(key=lambda u: u[sort_by], reverse=(order == "desc"))
        return hits[:limit]

    for _ in range(60):
        term = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 2)))
        sort_by = rng.choice(["id", "name", "email", "role"])
        order = rng.choice(["asc", "desc"])
        limit = rng.randint(1, 100)
        assert users.search(term, sort_by=sort_by, order=order, limit=limit) == \
            expected(term, sort_by, order, limit), (term, sort_by, order, limit)
