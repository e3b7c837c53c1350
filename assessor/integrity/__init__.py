"""Code-similarity detection within one challenge: who submitted whose code.

The pipeline, one module a step (standard library only; no Flask, no database)::

    tokens.py      source -> normalised tokens (identifiers -> ID, literals -> STR/NUM/...,
                   comments dropped), one tokenizer a language in a registry
    winnow.py      tokens -> k-gram hashes -> winnowed fingerprints with positions
    similarity.py  documents -> pairs sharing fingerprints, scored, starter code and
                   too-common fingerprints removed; `compare()` is the entry point
    regions.py     a pair's shared fingerprints -> matching line ranges on both sides
    sources.py     a challenge folder -> its reference and public solutions, and the starter as base

Usage::

    from assessor.integrity import Document, compare
    known, base = challenge_sources(Path("challenges/top-words"), "python")
    pairs = compare(known + [Document("alice", {"solution.py": text}), ...], "python", base=base)
    [p for p in pairs if p.flagged]
"""

from .regions import Region
from .similarity import DEFAULT_THRESHOLD, KINDS, Document, PairMatch, Settings, compare
from .sources import challenge_sources
from .tokens import LANGUAGES, Token, UnknownLanguage, tokenize

__all__ = ["DEFAULT_THRESHOLD", "KINDS", "LANGUAGES", "Document", "PairMatch", "Region", "Settings",
           "Token", "UnknownLanguage", "challenge_sources", "compare", "tokenize"]
