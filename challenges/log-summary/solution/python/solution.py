"""Reference solution for the log-summary challenge."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from typing import Iterable

_LINE_RE = re.compile(
    r'^(\S+) (\S+) (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\d+|-)'
    r'(?: "[^"]*" "[^"]*")?'
    r'(?: (\d+(?:\.\d+)?))?$'
)


def summarise(lines: Iterable[str]) -> dict:
    """Summarise Common/Combined Log Format lines.

    Returns a dict with keys ``total_requests``, ``status_classes``,
    ``top_paths``, ``malformed`` and ``p95_ms`` (see statement.md).
    """
    total = 0
    malformed = 0
    classes: Counter[str] = Counter()
    paths: Counter[str] = Counter()
    timings: list[float] = []
    match = _LINE_RE.match

    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        m = match(line)
        if m is None:
            malformed += 1
            continue
        parts = m.group(5).split(" ")
        status = int(m.group(6))
        if len(parts) != 3 or not all(parts) or not 100 <= status <= 599:
            malformed += 1
            continue
        total += 1
        classes[f"{status // 100}xx"] += 1
        paths[parts[1].split("?", 1)[0]] += 1
        ms = m.group(8)
        if ms is not None:
            timings.append(float(ms))

    top = heapq.nsmallest(3, paths.items(), key=lambda kv: (-kv[1], kv[0]))

    p95 = None
    if timings:
        timings.sort()
        rank = (95 * len(timings) + 99) // 100
        p95 = float(timings[rank - 1])

    return {
        "total_requests": total,
        "status_classes": dict(classes),
        "top_paths": [(p, c) for p, c in top],
        "malformed": malformed,
        "p95_ms": p95,
    }
