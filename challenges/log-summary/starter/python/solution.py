"""Summarise an access log.

Implement ``summarise`` below. See statement.md for the full specification.
Only the Python standard library may be used.
"""

from __future__ import annotations

from typing import Iterable


def summarise(lines: Iterable[str]) -> dict:
    """Summarise Common/Combined Log Format access-log lines.

    ``lines`` may be any iterable of strings, including a one-shot generator;
    each line may end in ``"\\n"`` or ``"\\r\\n"``.

    Returns a dict with exactly these keys:

    - ``"total_requests"`` (int): number of well-formed lines.
    - ``"status_classes"`` (dict[str, int]): count per status class, e.g.
      ``{"2xx": 3, "4xx": 1}``; only classes that occur are present.
    - ``"top_paths"`` (list[tuple[str, int]]): up to three ``(path, count)``
      pairs, by count descending, ties broken by path ascending. The path is
      the request target without its query string.
    - ``"malformed"`` (int): number of non-blank lines that could not be
      parsed (they are otherwise ignored). Blank lines are not counted.
    - ``"p95_ms"`` (float | None): nearest-rank 95th percentile of the
      trailing response-time field, i.e. the value at 1-based rank
      ``ceil(95 * n / 100)`` of the ``n`` sorted timings; ``None`` if no
      well-formed line has a response time.
    """
    raise NotImplementedError
