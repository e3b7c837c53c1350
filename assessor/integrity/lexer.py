"""The normalised token and a table-driven lexer shared by the C-family languages, Ruby and SQL.

A lexer turns source text into `Token`s whose `symbol` is what fingerprinting compares:
identifiers become ``ID``, literals one symbol per literal type (``STR``, ``NUM``, ``CHR``,
``REGEX``, ``SYM``), keywords and operators stay as written, comments and white space are
dropped. Each token keeps where it stood (line, column, last line) so that a match maps back to
source lines. A `LexerSpec` is data — keywords, comment and literal patterns — so one `Lexer`
serves every language that is not Python.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple


class Token(NamedTuple):
    """One normalised token: its symbol and its place in the source (1-based lines, 0-based column)."""

    symbol: str
    line: int
    col: int
    end_line: int


# Multi-character operators of the languages we lex, longest first so that the alternation
# takes `>>>=` before `>>`; any other punctuation character is an operator of one character.
_OPERATORS = sorted(
    [">>>=", "===", "!==", "**=", "??=", "&&=", "||=", "<=>", "...", ">>>", "<<=", ">>=", "=>", "->",
     "::", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
     "^=", ".=", "<<", ">>", "**", "??", "?.", ":=", "<-", "&^"],
    key=len,
    reverse=True,
)
_OPERATOR = "|".join(re.escape(op) for op in _OPERATORS) + r"|[^\sA-Za-z0-9_]"
_NUMBER = r"(?:0[xXbBoO][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)[a-zA-Z]*"

# A `/` starts a regular-expression literal (JavaScript, Ruby) where an operand is expected:
# at the start, or after an operator other than a closing bracket, or after one of these words.
_REGEX_AFTER_WORDS = frozenset({"return", "typeof", "case", "do", "else", "in", "of", "new", "delete",
                                "void", "throw", "yield", "await", "when", "if", "unless", "and", "or",
                                "not", "then", "elsif", "while", "until"})
_REGEX = r"/(?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+/[a-zA-Z]*"


@dataclass(frozen=True)
class LexerSpec:
    """What one language's source looks like to the lexer.

    `literals` are (regex, symbol) pairs tried in order before identifiers and numbers; `skip`
    are regexes of text that carries no meaning (comments, PHP's open tag). Keywords are compared
    in lower case when `case_insensitive` (SQL, PHP). Symbols in `dropped` are left out, such as
    JavaScript's optional semicolons, so that writing them or not is only reformatting.
    """

    keywords: frozenset[str]
    skip: tuple[str, ...]
    literals: tuple[tuple[str, str], ...]
    identifier: str = r"[A-Za-z_$][A-Za-z0-9_$]*"
    case_insensitive: bool = False
    regex_literals: bool = False
    dropped: frozenset[str] = frozenset()


class Lexer:
    """Tokenises source text by a `LexerSpec`; never fails (an unknown character is an operator)."""

    def __init__(self, spec: LexerSpec):
        self.spec = spec
        literal_groups = [f"(?P<L{n}>{pattern})" for n, (pattern, _) in enumerate(spec.literals)]
        parts = [r"(?P<ws>\s+)", *(f"(?:{pattern})" for pattern in spec.skip)]
        tail = [*literal_groups, f"(?P<num>{_NUMBER})", f"(?P<id>{spec.identifier})", f"(?P<op>{_OPERATOR})"]
        # Two scanners: one where a `/` may open a regular expression, one where it divides.
        self._plain = re.compile("|".join(parts + tail), re.DOTALL)
        self._operand = re.compile("|".join(parts + [f"(?P<regex>{_REGEX})"] + tail), re.DOTALL)
        self._literal_symbol = {f"L{n}": symbol for n, (_, symbol) in enumerate(spec.literals)}

    def tokenize(self, source: str) -> list[Token]:
        """The normalised tokens of `source`."""
        line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        tokens: list[Token] = []
        previous = None  # the last token's symbol and raw text, for the regex-or-divide decision
        position, end = 0, len(source)
        while position < end:
            scanner = self._operand if self._expects_operand(previous) else self._plain
            match = scanner.match(source, position)
            if match is None:  # unreachable in practice: the operator group takes any character
                position += 1
                continue
            kind, text = match.lastgroup, match.group()
            position = match.end()
            if kind is None or kind == "ws":
                continue
            symbol = self._symbol(kind, text)
            if symbol in self.spec.dropped:
                previous = (symbol, text)
                continue
            line = bisect.bisect_right(line_starts, match.start())
            end_line = bisect.bisect_right(line_starts, match.end() - 1)
            tokens.append(Token(symbol, line, match.start() - line_starts[line - 1], end_line))
            previous = (symbol, text)
        return tokens

    def _symbol(self, kind: str, text: str) -> str:
        if kind == "id":
            word = text.lower() if self.spec.case_insensitive else text
            return word if word in self.spec.keywords else "ID"
        if kind == "num":
            return "NUM"
        if kind == "regex":
            return "REGEX"
        if kind == "op":
            return text
        return self._literal_symbol[kind]

    def _expects_operand(self, previous) -> bool:
        if not self.spec.regex_literals:
            return False
        if previous is None:
            return True
        symbol, text = previous
        if symbol in ("ID", "NUM", "STR", "REGEX", "CHR", "SYM"):
            return False
        if symbol in self.spec.keywords:
            return symbol in _REGEX_AFTER_WORDS
        return text not in (")", "]", "}")
