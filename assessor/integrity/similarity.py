"""Compare a challenge's documents pairwise by their shared fingerprints: `compare()`.

The corpus is the candidates' final submissions plus the reference solution and the public
solutions an author put in ``challenges/<slug>/public/<lang>/``. Fingerprints that cannot mean
copying are removed first: every k-gram of the starter code (`base`: what every candidate was
given) and every fingerprint found in too many documents (MOSS's ``-m``: an idiom or a
boilerplate line that many wrote). An inverted index from fingerprint to documents then visits
only the pairs that share something, so 1,000 submissions do not cost 500,000 comparisons.

The score of a pair is ``shared / min(|A|, |B|)`` over their remaining fingerprint sets: the
share of the smaller document found in the other. Not Jaccard (``shared / |A ∪ B|``), because
copying usually adds: a candidate who copies a solution and pads it with extra functions, or
whose copy is the smaller half of another's longer file, keeps a high containment while Jaccard
falls with every line added. Documents with fewer than `min_fingerprints` fingerprints are not
scored: a near-empty file would otherwise be "contained" in anything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations, product

from .regions import Region, TokenTable, merge_regions
from .tokens import tokenizer
from .winnow import fingerprints, kgram_hashes

KINDS = ("submission", "reference", "public")

# Chosen from tests/fixtures/similarity (see the README's section and tests/test_similarity.py):
# independent solutions there score at most 0.35, disguised copies 0.64 or more, except two
# rewrites of loops into comprehensions / forEach (0.24, 0.46), which it misses.
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Settings:
    """The knobs of the comparison, with the defaults measured on the labelled samples.

    `k` tokens make a k-gram and `w` the winnowing window: a shared run of ``k + w - 1`` tokens
    is always found. A fingerprint in more than ``max(common_floor, common_fraction * N)`` of
    the N documents is too common to count. Pairs scoring below `report_from` are not returned.
    """

    k: int = 12
    w: int = 6
    common_fraction: float = 0.1
    common_floor: int = 10
    min_fingerprints: int = 8
    report_from: float = 0.2


@dataclass(frozen=True)
class Document:
    """One document of the corpus: its id, its files by name, and what it is (one of `KINDS`)."""

    id: str
    files: Mapping[str, str]
    kind: str = "submission"


@dataclass(frozen=True)
class PairMatch:
    """Two documents' similarity: score in [0, 1], shared fingerprints, and the matching regions."""

    a: str
    b: str
    score: float
    shared: int
    flagged: bool
    regions: list[Region] = field(default_factory=list)


@dataclass
class _Fingerprinted:
    """A document's tokens per file and where each of its fingerprint hashes occurs."""

    document: Document
    names: list[str]
    tokens: list[TokenTable]
    places: dict[int, list[tuple[int, int]]]  # hash -> [(file index, k-gram start)]
    hashes: set[int] = field(default_factory=set)


def compare(documents: Iterable[Document], language: str, base: Iterable[str] = (),
            threshold: float = DEFAULT_THRESHOLD, settings: Settings = Settings()) -> list[PairMatch]:
    """Every pair (at least one a submission) scoring `settings.report_from` or more, highest first.

    `base` is the starter code's text, one string a file. A pair is `flagged` when its score
    reaches `threshold`. Raises `UnknownLanguage` for a language without a tokenizer.
    """
    corpus = [_fingerprint(document, language, settings) for document in documents]
    _check(corpus)
    _remove(corpus, _base_hashes(base, language, settings.k))
    index = _index(corpus)
    limit = max(settings.common_floor, settings.common_fraction * len(corpus))
    _remove(corpus, {h for h, holders in index.items() if len(holders) > limit})
    sizes = [len(doc.hashes) for doc in corpus]
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        if len(holders) > limit:
            continue
        holders = [i for i in holders if sizes[i] >= settings.min_fingerprints]
        if len(holders) > 1:
            shared.update(combinations(holders, 2))
    matches = []
    for (i, j), count in shared.items():
        a, b = corpus[i], corpus[j]
        if a.document.kind != "submission" and b.document.kind != "submission":
            continue
        score = count / min(sizes[i], sizes[j])
        if score >= settings.report_from:
            regions = merge_regions(_matches(a, b), a.tokens, b.tokens, a.names, b.names, settings)
            matches.append(PairMatch(a.document.id, b.document.id, round(score, 4), count,
                                     score >= threshold, regions))
    matches.sort(key=lambda m: (-m.score, m.a, m.b))
    return matches


def _fingerprint(document: Document, language: str, settings: Settings) -> _Fingerprinted:
    lexer = tokenizer(language)
    names = sorted(document.files)
    tokens = [TokenTable(lexer.tokenize(document.files[name])) for name in names]
    places: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for file_index, table in enumerate(tokens):
        for fp in fingerprints(table.symbols, settings.k, settings.w):
            places[fp.hash].append((file_index, fp.start))
    return _Fingerprinted(document, names, tokens, dict(places), set(places))


def _check(corpus: list[_Fingerprinted]) -> None:
    ids = Counter(doc.document.id for doc in corpus)
    for doc in corpus:
        if doc.document.kind not in KINDS:
            raise ValueError(f"document {doc.document.id!r}: kind {doc.document.kind!r} is not one of {KINDS}")
    repeated = [doc_id for doc_id, n in ids.items() if n > 1]
    if repeated:
        raise ValueError(f"document ids must be unique: {repeated[:5]}")


def _base_hashes(base: Iterable[str], language: str, k: int) -> set[int]:
    """Every k-gram of the starter code, not only its winnowed ones: any of them may be selected in a copy."""
    lexer = tokenizer(language)
    hashes: set[int] = set()
    for text in base:
        hashes.update(kgram_hashes([t.symbol for t in lexer.tokenize(text)], k))
    return hashes


def _remove(corpus: list[_Fingerprinted], hashes: set[int]) -> None:
    for doc in corpus:
        doc.hashes -= hashes


def _index(corpus: list[_Fingerprinted]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(corpus):
        for h in doc.hashes:
            index[h].append(i)
    return index


def _matches(a: _Fingerprinted, b: _Fingerprinted) -> list[tuple[int, int, int, int]]:
    """Each shared fingerprint's places paired across the two documents (at most 4 x 4 a hash)."""
    pairs = []
    for h in a.hashes & b.hashes:
        for (fa, sa), (fb, sb) in product(a.places[h][:4], b.places[h][:4]):
            pairs.append((fa, sa, fb, sb))
    return pairs
