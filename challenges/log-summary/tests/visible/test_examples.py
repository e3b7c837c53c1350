"""Worked examples from the statement."""

from solution import summarise

EXAMPLE = [
    '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /api/users?page=2 HTTP/1.1" 200 512 12\n',
    '127.0.0.1 - - [10/Oct/2023:13:55:37 +0000] "GET /api/users HTTP/1.1" 200 128 "-" "curl/8.0" 30.5\n',
    '10.0.0.2 - bob [10/Oct/2023:13:55:38 +0000] "POST /login HTTP/1.1" 401 - 7\n',
    "this is not a log line\n",
]


def test_statement_example():
    """The worked example from the statement."""
    assert summarise(EXAMPLE) == {
        "total_requests": 3,
        "status_classes": {"2xx": 2, "4xx": 1},
        "top_paths": [("/api/users", 2), ("/login", 1)],
        "malformed": 1,
        "p95_ms": 30.5,
    }


def test_empty_input():
    """An empty log gives zero counts and no percentile."""
    assert summarise([]) == {
        "total_requests": 0,
        "status_classes": {},
        "top_paths": [],
        "malformed": 0,
        "p95_ms": None,
    }
