"""Code similarity at scale: 1,000 Python submissions of one challenge through `compare()`.

    python bench/similarity.py [--submissions 1000] [--seed 8]

The corpus: the honest log-summary samples and the reference solution
(tests/fixtures/similarity/log-summary/python), and
as many generated submissions as needed to reach --submissions — random but well-formed Python
functions, about 100 lines each, so that most pairs share no more than short idioms, as honest
submissions do — of which one in twenty is a planted copy of another (identifiers renamed,
functions reordered, comments and blank lines added). Prints the time of tokenizing and
fingerprinting, of the pairwise stage, of the whole, the peak memory, the pairs flagged, how
many planted copies were found, and two floors measured in the same run: tokenizing alone (no
comparison can be faster than reading its input), and naive all-pairs set intersection on a
100-document subset, extrapolated to the whole corpus.
"""

import argparse
import itertools
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.integrity import Document, Settings, compare, tokenize
from assessor.integrity.similarity import _fingerprint

SAMPLES = ROOT / "tests" / "fixtures" / "similarity" / "log-summary" / "python"
NAMES = ["total", "count", "items", "result", "line", "parts", "value", "key", "index", "seen", "best",
         "limit", "buffer", "row", "record", "status", "path", "times", "entry", "left", "right", "step"]


class ProgramGenerator:
    """Random Python modules of several functions: assignments, loops, branches, calls, comprehensions."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def module(self, functions: int) -> str:
        """A module of `functions` functions with distinct names."""
        names = [f"{self.rng.choice(NAMES)}_{n}" for n in range(functions)]
        return "\n\n".join(self.function(name, names) for name in names) + "\n"

    def function(self, name: str, callees: list[str]) -> str:
        """One function with 2 to 3 parameters and 4 to 10 statements."""
        self.local = self.rng.sample(NAMES, 6)
        self.callees = callees
        params = ", ".join(self.local[: self.rng.randint(2, 3)])
        body = self.block(1, self.rng.randint(4, 10))
        return f"def {name}({params}):\n" + body + f"    return {self.expr()}\n"

    def block(self, depth: int, statements: int) -> str:
        """`statements` statements at indentation `depth`, nesting at most three deep."""
        pad = "    " * depth
        out = []
        for _ in range(statements):
            kind = self.rng.random()
            if kind < 0.15 and depth < 3:
                out.append(f"{pad}if {self.cond()}:\n{self.block(depth + 1, self.rng.randint(1, 3))}")
                if self.rng.random() < 0.4:
                    out.append(f"{pad}else:\n{self.block(depth + 1, self.rng.randint(1, 2))}")
            elif kind < 0.27 and depth < 3:
                out.append(f"{pad}for {self.var()} in {self.iterable()}:\n{self.block(depth + 1, self.rng.randint(1, 3))}")
            elif kind < 0.32 and depth < 3:
                out.append(f"{pad}try:\n{self.block(depth + 1, 1)}{pad}except (KeyError, ValueError):\n"
                           f"{pad}    {self.var()} = None\n")
            else:
                out.append(pad + self.simple() + "\n")
        return "".join(out)

    def simple(self) -> str:
        """One simple statement."""
        v = self.var()
        return self.rng.choice([
            f"{v} = {self.expr()}", f"{v} += {self.expr()}", f"{v}.append({self.expr()})",
            f"{v}[{self.expr()}] = {self.expr()}", f"{v}, {self.var()} = {self.expr()}, {self.expr()}",
            f"{v} = {self.rng.choice(self.callees)}({self.expr()}, {self.expr()})",
            f"{v} = [{self.var()} for {self.var()} in {self.iterable()} if {self.cond()}]",
            f"{v} = {{{self.var()}: {self.expr()} for {self.var()} in {self.iterable()}}}",
        ])

    def expr(self, depth: int = 0) -> str:
        """An expression, nested at most twice."""
        if depth > 1 or self.rng.random() < 0.35:
            return self.rng.choice([self.var(), str(self.rng.randint(0, 99)), f'"{self.rng.choice(NAMES)}"'])
        a, b = self.expr(depth + 1), self.expr(depth + 1)
        shape = self.rng.choice(["{a} + {b}", "{a} * {b}", "len({a})", "{a}.get({b}, 0)", "min({a}, {b})",
                                 "{a}[{b}]", "{a}.split({b})", "sorted({a}, reverse=True)", "({a} - {b}) // 2",
                                 "{a} if {c} else {b}", "str({a}).strip()"])
        return shape.format(a=a, b=b, c=self.cond() if "{c}" in shape else "")

    def cond(self) -> str:
        """A condition (its operands are leaves, so conditions and expressions do not recurse forever)."""
        shape = self.rng.choice(["{v} > {e}", "not {v}", "{v} in {w}", "{v} == {e} and {w}", "{v} is None"])
        return shape.format(v=self.var(), w=self.var(), e=self.expr(2))

    def iterable(self) -> str:
        """Something a loop runs over."""
        return self.rng.choice([self.var(), f"range({self.expr(1)})", f"{self.var()}.items()", f"enumerate({self.var()})"])

    def var(self) -> str:
        """One of the function's local names."""
        return self.rng.choice(self.local)


def disguise(source: str, rng: random.Random) -> str:
    """A plagiarised copy: names renamed, top-level functions shuffled, comments and blank lines added."""
    names = sorted(set(re.findall(r"\b[a-z]+(?:_\d+)?\b", source)) & set(NAMES) | set(re.findall(r"\b[a-z]+_\d+\b", source)))
    renames = {name: "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(6)) + f"_{n}"
               for n, name in enumerate(names)}
    renamed = re.sub(r"\b[a-z]+(?:_\d+)?\b", lambda m: renames.get(m.group(), m.group()), source)
    functions = renamed.strip().split("\n\n\n")
    rng.shuffle(functions)
    lines = []
    for line in "\n\n\n".join(functions).splitlines():
        lines.append(line)
        if line.strip() and rng.random() < 0.08:
            lines.append(re.match(r"\s*", line).group() + "# " + rng.choice(NAMES))
    return "\n".join(lines) + "\n"


def corpus(size: int, seed: int) -> tuple[list[Document], set[frozenset], str]:
    """The documents, the planted copying pairs, and the starter code."""
    rng = random.Random(seed)
    generator = ProgramGenerator(rng)
    samples = sorted(p for p in SAMPLES.glob("*.py") if p.stem == "reference" or p.stem.startswith("honest_"))
    documents = [Document(p.stem, {"solution.py": p.read_text()}, "reference" if p.stem == "reference" else "submission")
                 for p in samples]
    family = {d.id: d.id for d in documents}  # document -> the original it descends from
    while len(documents) < size:
        n = len(documents)
        if n % 20 == 0:
            original = rng.choice(documents)
            documents.append(Document(f"copy-{n}", {"solution.py": disguise(original.files["solution.py"], rng)}))
            family[f"copy-{n}"] = family[original.id]
        else:
            documents.append(Document(f"gen-{n}", {"solution.py": generator.module(rng.randint(3, 7))}))
            family[f"gen-{n}"] = f"gen-{n}"
    # A copy of a copy makes a family of three: every two of them are a copying pair.
    planted = {frozenset((a, b)) for a, b in itertools.combinations(family, 2) if family[a] == family[b]}
    return documents, planted, (SAMPLES / "starter.py").read_text()


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Build the corpus, time the floors and compare(), print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    documents, planted, starter = corpus(args.submissions, args.seed)
    lines = sum(d.files["solution.py"].count("\n") for d in documents)
    rss_before = peak_rss_mib()
    print(f"corpus: {len(documents)} documents, {lines:,} lines, {len(planted)} planted copies; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (shared)")

    started = time.perf_counter()
    tokens = sum(len(tokenize(d.files["solution.py"], "python")) for d in documents)
    tokenize_only = time.perf_counter() - started

    started = time.perf_counter()
    fingerprinted = [_fingerprint(d, "python", Settings()).hashes for d in documents]
    fingerprinting = time.perf_counter() - started
    subset = fingerprinted[:100]
    del fingerprinted

    started = time.perf_counter()
    pairs = compare(documents, "python", base=[starter])
    total = time.perf_counter() - started
    peak = peak_rss_mib()

    started = time.perf_counter()
    for a, b in itertools.combinations(subset, 2):
        len(a & b) / max(1, min(len(a), len(b)))
    naive_subset = time.perf_counter() - started
    all_pairs = len(documents) * (len(documents) - 1) // 2
    naive = naive_subset / 4950 * all_pairs

    flagged = [p for p in pairs if p.flagged]
    found = {frozenset((p.a, p.b)) for p in flagged} & planted
    print(f"tokens: {tokens:,}")
    print(f"floor, tokenizing alone:             {tokenize_only:6.2f} s")
    print(f"tokenizing + fingerprinting:         {fingerprinting:6.2f} s")
    print(f"pairwise stage (compare - the above): {total - fingerprinting:6.2f} s")
    print(f"compare() total:                     {total:6.2f} s")
    print(f"floor, naive all-pairs intersection: {naive:6.2f} s for {all_pairs:,} pairs "
          f"(measured {naive_subset * 1000:.0f} ms on 4,950 pairs of 100 documents, extrapolated)")
    print(f"peak memory: {peak:.0f} MiB resident ({peak - rss_before:+.0f} MiB over the corpus alone)")
    print(f"pairs reported (score >= {Settings().report_from}): {len(pairs)}; flagged: {len(flagged)}; "
          f"planted copies flagged: {len(found)}/{len(planted)}; flagged but not planted: {len(flagged) - len(found)}")


if __name__ == "__main__":
    main()
