"""Comparing a program's output with the expected one, in trusted code outside the sandbox."""

import math


def same_output(actual: str, expected: str, mode: str = "exact", tolerance: float = 1e-6) -> bool:
    """Whether the outputs match: exactly (but for a final newline), token by token, or with numbers
    equal within a relative/absolute tolerance."""
    if mode == "exact":
        return actual.rstrip("\n") == expected.rstrip("\n")
    got, want = actual.split(), expected.split()
    if mode == "whitespace":
        return got == want
    if len(got) != len(want):
        return False
    return all(_same_token(a, b, tolerance) for a, b in zip(got, want))


def _same_token(actual: str, expected: str, tolerance: float) -> bool:
    if actual == expected:
        return True
    try:
        a, b = float(actual), float(expected)
    except ValueError:
        return False
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)


def difference(actual: str, expected: str, limit: int = 300) -> str:
    """A short description of the first line that differs."""
    got, want = actual.splitlines(), expected.splitlines()
    for number, (a, b) in enumerate(zip(got, want), 1):
        if a != b:
            return f"line {number}: expected {b[:limit]!r}, got {a[:limit]!r}"
    if len(got) != len(want):
        return f"expected {len(want)} line(s), got {len(got)}"
    return "the outputs differ in white space"
