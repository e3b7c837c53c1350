"""Worked examples from the statement."""

import pytest

from solution import UserDirectory


def make_directory():
    users = UserDirectory()
    assert users.add_user("Alice Smith", "alice@example.com", "h-alice", role="admin") == 1
    assert users.add_user("Bob O'Brien", "bob@example.com", "h-bob") == 2
    assert users.add_user("Sale 100% off", "promo@example.com", "h-promo") == 3
    return users


def test_search_and_login():
    """Search by substring (with a literal %), sorting, and login from the example."""
    users = make_directory()
    assert [u["id"] for u in users.search("o")] == [2, 3]
    assert [u["id"] for u in users.search("100%")] == [3]
    assert [u["id"] for u in users.search("", sort_by="id", order="desc", limit=2)] == [3, 2]
    assert users.login("bob@example.com", "h-bob") == {
        "id": 2, "name": "Bob O'Brien", "email": "bob@example.com", "role": "member",
    }


def test_injection_attempts_from_the_example():
    """The login bypass finds nobody and an unknown sort column is refused."""
    users = make_directory()
    assert users.login("alice@example.com' --", "anything") is None
    with pytest.raises(ValueError):
        users.search("a", sort_by="password_hash")
