"""The tokenizer of each language the platform grades, in one registry: `tokenize(source, language)`.

Python goes through the standard `tokenize` module (`python_lexer`); JavaScript, Java, Go, C#
and PHP share the C-family lexer with their own keywords and literals; Ruby and SQL use the
same table-driven lexer with theirs. A language nobody registered raises `UnknownLanguage`.
"""

from __future__ import annotations

from typing import Protocol

from assessor.errors import AssessorError

from .lexer import Lexer, LexerSpec, Token
from .python_lexer import PythonTokenizer

__all__ = ["LANGUAGES", "Token", "Tokenizer", "UnknownLanguage", "tokenize", "tokenizer"]


class UnknownLanguage(AssessorError):
    """No tokenizer is registered for that language."""


class Tokenizer(Protocol):
    """What a registry entry offers."""

    def tokenize(self, source: str) -> list[Token]:
        """The normalised tokens of `source`."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# `this` is left out of the keywords on purpose: as an identifier, `this.total` in a method and
# `state.total` in a free function are the same tokens (turning a class into functions is a disguise).
_C_COMMENTS = (r"//[^\n]*", r"/\*.*?(?:\*/|\Z)")
_DOUBLE_QUOTED = r'"(?:\\.|[^"\\\n])*"'
_SINGLE_QUOTED = r"'(?:\\.|[^'\\\n])*'"
_CHAR = (r"'(?:\\.|[^'\\\n])+'", "CHR")

_JAVASCRIPT = LexerSpec(
    keywords=_words("""async await break case catch class const continue debugger default delete do
        else export extends false finally for function if import in instanceof let new null of
        return static super switch throw true try typeof undefined var void while with yield"""),
    skip=(*_C_COMMENTS, r"\A#![^\n]*"),
    literals=((r"`(?:\\.|[^`\\])*`", "STR"), (_DOUBLE_QUOTED, "STR"), (_SINGLE_QUOTED, "STR")),
    identifier=r"#?[A-Za-z_$][A-Za-z0-9_$]*",  # a #private name is a name like any other
    regex_literals=True,
    dropped=frozenset({";"}),  # optional (automatic semicolon insertion): writing them is style
)

_JAVA = LexerSpec(
    keywords=_words("""abstract assert boolean break byte case catch char class const continue default
        do double else enum extends false final finally float for goto if implements import instanceof
        int interface long native new null package private protected public record return short static
        strictfp super switch synchronized throw throws transient true try var void volatile while
        yield"""),
    skip=_C_COMMENTS,
    literals=((r'""".*?"""', "STR"), (_DOUBLE_QUOTED, "STR"), _CHAR),
)

_GO = LexerSpec(
    keywords=_words("""break case chan const continue default defer else fallthrough false for func go
        goto if import interface map nil package range return select struct switch true type var"""),
    skip=_C_COMMENTS,
    literals=((r"`[^`]*`", "STR"), (_DOUBLE_QUOTED, "STR"), _CHAR),
    identifier=r"[^\W\d]\w*",
    dropped=frozenset({";"}),  # gofmt removes them; the compiler inserts them
)

_CSHARP = LexerSpec(
    keywords=_words("""abstract as base bool break byte case catch char checked class const continue
        decimal default delegate do double else enum event explicit extern false finally fixed float for
        foreach goto if implicit in int interface internal is lock long namespace new null object operator
        out override params private protected public readonly record ref return sbyte sealed short sizeof
        static string struct switch throw true try typeof uint ulong unchecked unsafe ushort using
        var virtual void volatile while yield async await"""),
    skip=(*_C_COMMENTS, r"#[a-z]+[^\n]*"),  # comments and preprocessor lines such as #region
    literals=((r'\$?@"(?:""|[^"])*"', "STR"), (r'\$"(?:\\.|[^"\\\n])*"', "STR"), (_DOUBLE_QUOTED, "STR"),
              _CHAR),
    identifier=r"@?[A-Za-z_][A-Za-z0-9_]*",
)

_PHP = LexerSpec(
    keywords=_words("""abstract and array as break callable case catch class clone const continue declare
        default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile extends
        false final finally fn for foreach function global goto if implements include instanceof insteadof
        interface isset list match namespace new null or print private protected public readonly require
        return static switch throw trait true try unset use var while xor yield"""),
    skip=(*_C_COMMENTS, r"#(?!\[)[^\n]*", r"<\?php|<\?=|\?>"),
    literals=((_DOUBLE_QUOTED, "STR"), (_SINGLE_QUOTED, "STR")),
    identifier=r"\$?[A-Za-z_][A-Za-z0-9_]*",
    case_insensitive=True,
)

_RUBY = LexerSpec(
    keywords=_words("""BEGIN END alias and begin break case class def defined? do else elsif end ensure
        false for if in module next nil not or redo rescue retry return self super then true undef unless
        until when while yield"""),
    skip=(r"#[^\n]*", r"(?m:^=begin\b.*?^=end\b)[^\n]*"),
    literals=((r"%[wWiI]?[\[\(\{<].*?[\]\)\}>]", "STR"), (_DOUBLE_QUOTED, "STR"), (_SINGLE_QUOTED, "STR"),
              (r"(?<![:\w]):[A-Za-z_]\w*[?!=]?", "SYM")),
    identifier=r"(?:@@|@|\$)?[A-Za-z_]\w*[?!]?",
    regex_literals=True,
)

_SQL = LexerSpec(
    keywords=_words("""all and any as asc between by case cast coalesce count create cross delete desc
        distinct drop else end except exists false filter from full group having in index inner insert
        intersect into is join left like limit not null offset on or order outer over partition primary
        references right select set sum avg min max table then true union update using values view when
        where window with"""),
    skip=(r"--[^\n]*", r"/\*.*?(?:\*/|\Z)"),
    literals=((r"'(?:''|[^'])*'", "STR"), (r'"(?:""|[^"])*"|`[^`]*`|\[[^\]\n]*\]', "ID")),
    case_insensitive=True,
)

LANGUAGES: dict[str, Tokenizer] = {
    "python": PythonTokenizer(),
    "javascript": Lexer(_JAVASCRIPT),
    "java": Lexer(_JAVA),
    "go": Lexer(_GO),
    "csharp": Lexer(_CSHARP),
    "php": Lexer(_PHP),
    "ruby": Lexer(_RUBY),
    "sql": Lexer(_SQL),
}


def tokenizer(language: str) -> Tokenizer:
    """The registered tokenizer of `language`, or `UnknownLanguage` naming the ones there are."""
    try:
        return LANGUAGES[language]
    except KeyError:
        raise UnknownLanguage(f"no tokenizer for {language!r} (known: {', '.join(sorted(LANGUAGES))})") from None


def tokenize(source: str, language: str) -> list[Token]:
    """The normalised tokens of `source` in `language`."""
    return tokenizer(language).tokenize(source)
