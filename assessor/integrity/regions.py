"""Matching regions of two documents, as line ranges on both sides, for a side-by-side view.

A shared fingerprint says "these k tokens of A are these k tokens of B". Fingerprints that
follow each other on both sides (within a window and a k-gram of each other) merge into one
block; a block then becomes the lines its first and last tokens stand on. Reordered functions
come out as separate blocks, each pointing at its function on both sides. A block both of whose
sides lie inside larger blocks is an echo of a repeated k-gram and is dropped.

Winnowing may skip up to ``w - 1`` k-grams at either end of a shared run, so each block is grown
by up to that many tokens at both ends while the two sides' symbols still agree; a statement
separator (Python's NEWLINE, ``;``, ``}``) it starts with belongs to the line before and is not
shown as part of it.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from typing import NamedTuple

from .lexer import Token


class Region(NamedTuple):
    """Lines `a_lines` (first, last; 1-based, inclusive) of `a_file` match `b_lines` of `b_file`."""

    a_file: str
    a_lines: tuple[int, int]
    b_file: str
    b_lines: tuple[int, int]
    tokens: int


class TokenTable:
    """A file's tokens kept compactly for the regions: symbols, first lines, last lines (a tenth of the Tokens' memory)."""

    __slots__ = ("end_lines", "lines", "symbols")

    def __init__(self, tokens: Sequence[Token]):
        self.symbols = [sys.intern(t.symbol) for t in tokens]
        self.lines = array("I", [t.line for t in tokens])
        self.end_lines = array("I", [t.end_line for t in tokens])


class _Block:
    """A run of matches: token spans [a_start, a_end) and [b_start, b_end) in files fa and fb."""

    __slots__ = ("a_end", "a_start", "b_end", "b_last", "b_start", "fa", "fb")

    def __init__(self, fa: int, sa: int, fb: int, sb: int, k: int):
        self.fa, self.fb = fa, fb
        self.a_start, self.a_end, self.b_start, self.b_end, self.b_last = sa, sa + k, sb, sb + k, sb

    def covers(self, other: _Block) -> tuple[bool, bool]:
        """Whether this block's A span and its B span contain the other's."""
        return (self.fa == other.fa and self.a_start <= other.a_start and other.a_end <= self.a_end,
                self.fb == other.fb and self.b_start <= other.b_start and other.b_end <= self.b_end)


def merge_regions(matches: list[tuple[int, int, int, int]], a_tokens: Sequence[TokenTable],
                  b_tokens: Sequence[TokenTable], a_names: Sequence[str], b_names: Sequence[str],
                  settings) -> list[Region]:
    """Regions from (A file, A start, B file, B start) matches of k-grams, in A's order."""
    k, gap = settings.k, settings.k + settings.w
    open_blocks: list[_Block] = []
    blocks: list[_Block] = []
    for fa, sa, fb, sb in sorted(matches):
        for block in open_blocks:
            if (block.fa == fa and block.fb == fb and 0 <= sa - (block.a_end - k) <= gap
                    and 0 <= sb - block.b_last <= gap):
                block.a_end = max(block.a_end, sa + k)
                block.b_start, block.b_end = min(block.b_start, sb), max(block.b_end, sb + k)
                block.b_last = sb
                break
        else:
            block = _Block(fa, sa, fb, sb, k)
            blocks.append(block)
            open_blocks.append(block)
        open_blocks = [b for b in open_blocks if b.fa == fa and sa - (b.a_end - k) <= gap]
    kept: list[_Block] = []
    for block in sorted(blocks, key=lambda b: b.a_start - b.a_end):
        inside_a = any(big.covers(block)[0] for big in kept)
        inside_b = any(big.covers(block)[1] for big in kept)
        if not (inside_a and inside_b):
            kept.append(block)
    kept.sort(key=lambda b: (b.fa, b.a_start))
    for block in kept:
        _grow(block, a_tokens[block.fa], b_tokens[block.fb], settings.w - 1)
    return [Region(a_names[b.fa], _lines(a_tokens[b.fa], b.a_start, b.a_end),
                   b_names[b.fb], _lines(b_tokens[b.fb], b.b_start, b.b_end), b.a_end - b.a_start)
            for b in kept]


_SEPARATORS = frozenset({"NEWLINE", ";", "}"})


def _grow(block: _Block, a_table: TokenTable, b_table: TokenTable, most: int) -> None:
    """Extend a block by up to `most` tokens at each end where A and B still have the same symbols."""
    a, b = a_table.symbols, b_table.symbols
    for _ in range(most):
        if block.a_start == 0 or block.b_start == 0 or a[block.a_start - 1] != b[block.b_start - 1]:
            break
        block.a_start, block.b_start = block.a_start - 1, block.b_start - 1
    for _ in range(most):
        if block.a_end >= len(a) or block.b_end >= len(b) or a[block.a_end] != b[block.b_end]:
            break
        block.a_end, block.b_end = block.a_end + 1, block.b_end + 1


def _lines(table: TokenTable, start: int, end: int) -> tuple[int, int]:
    while start < end - 1 and table.symbols[start] in _SEPARATORS:
        start += 1
    return table.lines[start], table.end_lines[end - 1]
