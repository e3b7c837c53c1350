"""Python tokens through the standard `tokenize` module, normalised like every other language.

Docstrings (a string that is a whole statement) are dropped with the comments: adding or
removing them is the same disguise as adding or removing comments. INDENT/DEDENT are dropped
(a one-line `if x: return` and its two-line form then differ by one NEWLINE only); NEWLINE is
kept as the statement separator. Source that `tokenize` refuses (a candidate's final
submission need not parse) falls back to the table-driven lexer with Python's literals.
"""

from __future__ import annotations

import io
import keyword
import tokenize as std_tokenize

from .lexer import Lexer, LexerSpec, Token

_DROPPED = {std_tokenize.COMMENT, std_tokenize.NL, std_tokenize.INDENT, std_tokenize.DEDENT,
            std_tokenize.ENCODING, std_tokenize.ENDMARKER}
_STATEMENT_START = {std_tokenize.NEWLINE, std_tokenize.INDENT, std_tokenize.DEDENT, std_tokenize.ENCODING}
# Python 3.12 splits f-strings into START/MIDDLE/END with the expressions as ordinary tokens.
_FSTRING_START = getattr(std_tokenize, "FSTRING_START", None)
_FSTRING_PARTS = {getattr(std_tokenize, name) for name in ("FSTRING_MIDDLE", "FSTRING_END")
                  if hasattr(std_tokenize, name)}

_FALLBACK = Lexer(LexerSpec(
    keywords=frozenset(keyword.kwlist),
    skip=(r"#[^\n]*", r"\\\n"),
    literals=((r"(?i:[rbuf]{0,2})(?:'''.*?'''|\"\"\".*?\"\"\"|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\")",
               "STR"),),
    identifier=r"[^\W\d]\w*",
))


class PythonTokenizer:
    """Python source → normalised tokens (see the module docstring for what is kept)."""

    def tokenize(self, source: str) -> list[Token]:
        """The normalised tokens of `source`; never raises on malformed code."""
        try:
            raw = [t for t in std_tokenize.generate_tokens(io.StringIO(source).readline)
                   if t.type not in (std_tokenize.COMMENT, std_tokenize.NL)]
        except (std_tokenize.TokenError, SyntaxError):
            return _FALLBACK.tokenize(source)
        tokens = []
        for index, token in enumerate(raw):
            if token.type in _DROPPED or token.type in _FSTRING_PARTS:
                continue
            if token.type == std_tokenize.STRING and _is_docstring(raw, index):
                continue
            symbol = _symbol(token)
            if symbol is None or (symbol == "NEWLINE" and (not tokens or tokens[-1].symbol == "NEWLINE")):
                continue
            tokens.append(Token(symbol, token.start[0], token.start[1], token.end[0]))
        return tokens


def _symbol(token: std_tokenize.TokenInfo) -> str | None:
    if token.type == std_tokenize.NAME:
        return token.string if keyword.iskeyword(token.string) else "ID"
    if token.type == std_tokenize.NUMBER:
        return "NUM"
    if token.type == std_tokenize.STRING or token.type == _FSTRING_START:
        return "STR"
    if token.type == std_tokenize.NEWLINE:
        return "NEWLINE"
    if token.type == std_tokenize.OP:
        return token.string
    if token.type == std_tokenize.ERRORTOKEN:
        return None if token.string.isspace() else token.string
    return None


def _is_docstring(raw: list, index: int) -> bool:
    """A string that opens a statement and ends it (module, class and function docstrings, or any bare string)."""
    before = raw[index - 1].type if index > 0 else std_tokenize.ENCODING
    after = raw[index + 1].type if index + 1 < len(raw) else std_tokenize.NEWLINE
    return before in _STATEMENT_START and after in (std_tokenize.NEWLINE, std_tokenize.ENDMARKER)
