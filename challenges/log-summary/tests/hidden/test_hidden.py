"""Hidden tests for the log-summary challenge."""

from solution import summarise

TS = "[10/Oct/2023:13:55:36 +0000]"


def line(path="/", status=200, method="GET", size="123", ms=None, combined=False, host="10.0.0.1"):
    """Build one well-formed log line."""
    s = f'{host} - - {TS} "{method} {path} HTTP/1.1" {status} {size}'
    if combined:
        s += ' "https://example.com/" "Mozilla/5.0 (X11; Linux x86_64)"'
    if ms is not None:
        s += f" {ms}"
    return s + "\n"


def test_common_format_counts():
    """Common Log Format lines are counted per status class and path."""
    lines = [
        line("/a", 200),
        line("/a", 204),
        line("/b", 301),
        line("/c", 404),
        line("/c", 503),
        line("/c", 500),
    ]
    result = summarise(lines)
    assert result["total_requests"] == 6
    assert result["status_classes"] == {"2xx": 2, "3xx": 1, "4xx": 1, "5xx": 2}
    assert result["top_paths"] == [("/c", 3), ("/a", 2), ("/b", 1)]
    assert result["malformed"] == 0
    assert result["p95_ms"] is None


def test_combined_format_with_timing():
    """Combined Log Format lines (referer + user agent) and trailing timings parse."""
    lines = [
        line("/x", 200, combined=True),
        line("/x", 200, combined=True, ms=15),
        line("/y", 302, method="POST", size="-", combined=True, ms="2.25"),
    ]
    result = summarise(lines)
    assert result["total_requests"] == 3
    assert result["status_classes"] == {"2xx": 2, "3xx": 1}
    assert result["top_paths"] == [("/x", 2), ("/y", 1)]
    assert result["malformed"] == 0
    assert result["p95_ms"] == 15.0


def test_malformed_lines_are_skipped_and_counted():
    """Broken lines are counted as malformed and excluded from every other statistic."""
    good = line("/ok", 200, ms=5)
    bad = [
        "garbage\n",
        '10.0.0.1 - - 10/Oct/2023:13:55:36 +0000 "GET /nobracket HTTP/1.1" 200 1\n',
        f'10.0.0.1 - - {TS} "GET /badstatus HTTP/1.1" 2000 1\n',
        f'10.0.0.1 - - {TS} "GET /badstatus HTTP/1.1" 099 1\n',
        f'10.0.0.1 - - {TS} "GET /badstatus HTTP/1.1" 600 1\n',
        f'10.0.0.1 - - {TS} "-" 408 0\n',
        f'10.0.0.1 - - {TS} "GET /twoparts" 200 1\n',
        f'10.0.0.1 - - {TS} "GET /size HTTP/1.1" 200 abc\n',
        f'10.0.0.1 - - {TS} "GET /timing HTTP/1.1" 200 1 fast\n',
        f'10.0.0.1 - - {TS} "GET /halfcombined HTTP/1.1" 200 1 "-"\n',
        f'10.0.0.1 - - {TS} "GET /noquote HTTP/1.1 200 1\n',
    ]
    result = summarise([good] + bad)
    assert result == {
        "total_requests": 1,
        "status_classes": {"2xx": 1},
        "top_paths": [("/ok", 1)],
        "malformed": len(bad),
        "p95_ms": 5.0,
    }


def test_query_string_stripped_from_path():
    """Paths are grouped without their query string."""
    lines = [
        line("/search?q=a"),
        line("/search?q=b&page=2"),
        line("/search"),
        line("/other?x=1"),
    ]
    result = summarise(lines)
    assert result["top_paths"] == [("/search", 3), ("/other", 1)]


def test_top_paths_ties_broken_alphabetically():
    """Top paths are ordered by count desc, ties by path ascending, at most three."""
    lines = []
    for path, n in [("/zeta", 2), ("/beta", 3), ("/alpha", 2), ("/gamma", 2), ("/delta", 1)]:
        lines += [line(path)] * n
    result = summarise(lines)
    assert result["top_paths"] == [("/beta", 3), ("/alpha", 2), ("/gamma", 2)]


def test_p95_nearest_rank():
    """p95 uses nearest rank: value at rank ceil(0.95 * n) of the sorted timings."""
    # n = 20 -> rank 19; timings given in shuffled order
    values = [7, 3, 20, 1, 15, 2, 19, 11, 5, 18, 4, 16, 6, 9, 10, 13, 12, 8, 17, 14]
    assert summarise(line(ms=v) for v in values)["p95_ms"] == 19.0
    # n = 21 -> rank ceil(19.95) = 20
    assert summarise(line(ms=v) for v in range(1, 22))["p95_ms"] == 20.0
    # n = 100 -> rank 95
    assert summarise(line(ms=v) for v in range(100, 0, -1))["p95_ms"] == 95.0
    # n = 1 -> the only value
    assert summarise([line(ms="0.5")])["p95_ms"] == 0.5
    # n = 2 -> rank 2
    assert summarise([line(ms=40), line(ms=10)])["p95_ms"] == 40.0
    # n = 15 -> rank ceil(14.25) = 15 (rounding 14.25 would give 14)
    assert summarise(line(ms=v) for v in range(15, 0, -1))["p95_ms"] == 15.0


def test_p95_ignores_lines_without_timing():
    """Only well-formed lines that carry a timing contribute to p95; result is a float."""
    lines = [line(ms=None)] * 50 + [line(ms=3), line(ms=1), line(ms=2)]
    result = summarise(lines)
    assert result["total_requests"] == 53
    assert result["p95_ms"] == 3.0
    assert isinstance(result["p95_ms"], float)
    assert summarise([line(), line()])["p95_ms"] is None


def test_empty_input():
    """Empty input yields zero counts, empty collections and p95 None."""
    expected = {
        "total_requests": 0,
        "status_classes": {},
        "top_paths": [],
        "malformed": 0,
        "p95_ms": None,
    }
    assert summarise([]) == expected
    assert summarise(iter([])) == expected


def test_generator_crlf_and_blank_lines():
    """A one-shot generator with CRLF endings and blank lines is handled; blanks are not malformed."""
    raw = [
        line("/a", 200, ms=1).replace("\n", "\r\n"),
        "\r\n",
        "   \n",
        "",
        line("/a", 404, ms=2).rstrip("\n"),
        line("/b", 500, ms=3).replace("\n", "\r\n"),
    ]
    result = summarise(x for x in raw)
    assert result == {
        "total_requests": 3,
        "status_classes": {"2xx": 1, "4xx": 1, "5xx": 1},
        "top_paths": [("/a", 2), ("/b", 1)],
        "malformed": 0,
        "p95_ms": 3.0,
    }


def test_large_input():
    """200k lines with 50k distinct paths are summarised quickly and correctly."""
    n = 200_000
    distinct = 50_000

    def gen():
        for i in range(n):
            path = f"/items/{i % distinct}"
            if i % distinct == 0:
                path = "/hot"
            elif i % 1000 == 1:
                path = "/warm"
            status = (200, 201, 304, 404, 500)[i % 5]
            if i % 10_000 == 7:
                yield "corrupted line\n"
                continue
            yield line(f"{path}?i={i}", status, ms=(i * 7919) % 1000)

    result = summarise(gen())
    malformed = n // 10_000
    assert result["malformed"] == malformed
    assert result["total_requests"] == n - malformed
    assert sum(result["status_classes"].values()) == n - malformed
    assert set(result["status_classes"]) == {"2xx", "3xx", "4xx", "5xx"}
    assert result["top_paths"][0] == ("/warm", 200)
    assert result["top_paths"][1][0] == "/hot"
    assert result["top_paths"][1][1] == 4
    assert result["top_paths"][2] == ("/items/10", 4)
    assert result["p95_ms"] == 950.0
