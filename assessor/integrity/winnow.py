"""k-gram hashes over normalised tokens and winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003).

Every run of `k` consecutive token symbols is hashed (a Karp-Rabin rolling hash, so the same
k-gram hashes the same in every file, run and process). Winnowing then keeps, from every window
of `w` consecutive hashes, the minimum — the rightmost one on a tie, and a position only once
("robust winnowing", §4.2 of the paper, which stops a run of equal hashes such as a repeated
statement from filling the fingerprint). Its guarantee: any shared run of at least
``w + k - 1`` tokens shares at least one fingerprint; nothing shorter than `k` tokens can.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

_MASK = (1 << 64) - 1
_BASE = 1_000_003


class Fingerprint(NamedTuple):
    """A selected k-gram hash and the index of the k-gram's first token."""

    hash: int
    start: int


@cache
def _symbol_code(symbol: str) -> int:
    """A stable number for a token symbol (Python's own `hash` of a str changes every run)."""
    return zlib.crc32(symbol.encode()) + 1


def kgram_hashes(symbols: Sequence[str], k: int) -> list[int]:
    """The hash of every k-gram of `symbols`, in order; empty when there are fewer than `k`."""
    if len(symbols) < k:
        return []
    codes = [_symbol_code(symbol) for symbol in symbols]
    top = pow(_BASE, k - 1, 1 << 64)  # the weight of the symbol that leaves the window
    value = 0
    for code in codes[:k]:
        value = (value * _BASE + code) & _MASK
    hashes = [value]
    for leaving, entering in zip(codes, codes[k:]):
        value = ((value - leaving * top) * _BASE + entering) & _MASK
        hashes.append(value)
    return hashes


def winnow(hashes: Sequence[int], w: int) -> list[Fingerprint]:
    """Robust winnowing of `hashes` with window `w`: the fingerprints, in order of position."""
    if not hashes:
        return []
    if len(hashes) <= w:  # one window: its rightmost minimum
        low = min(hashes)
        return [Fingerprint(low, max(i for i, h in enumerate(hashes) if h == low))]
    selected: list[Fingerprint] = []
    low_at = -1
    for right in range(w - 1, len(hashes)):
        left = right - w + 1
        if low_at < left:  # the minimum left the window: rescan it, rightmost minimum wins
            low_at = left
            for i in range(left + 1, right + 1):
                if hashes[i] <= hashes[low_at]:
                    low_at = i
            selected.append(Fingerprint(hashes[low_at], low_at))
        elif hashes[right] < hashes[low_at]:  # strictly smaller: robust winnowing keeps the old one on a tie
            low_at = right
            selected.append(Fingerprint(hashes[low_at], low_at))
    return selected


def fingerprints(symbols: Sequence[str], k: int, w: int) -> list[Fingerprint]:
    """The winnowed fingerprints of a token-symbol sequence."""
    return winnow(kgram_hashes(symbols, k), w)
