"""Static discovery of node:test tests (JavaScript unit challenges): nothing is run.

A test id is `<file>::<name>`, the file relative to the tests folder, with the names of enclosing
`describe()` (or parent `test()`) calls joined by ` > `, as the harness's reporter reports them:
`hidden.test.js::countPairs > counts duplicates`. Only the innermost tests are ids (a test with
subtests passes when they do). Test names must be string literals, so that they can be found here.
"""

import re
from pathlib import Path

from ..errors import ChallengeFormatError

TEST_SUFFIX = ".test.js"
# Files the tests may need beside the test files themselves (helpers, fixtures).
SENT_SUFFIXES = (".js", ".cjs", ".mjs", ".json")
# describe/suite/test/it, maybe .skip/.only/.todo, and subtests `t.test(`; not `x.test(` of a RegExp.
CALL = re.compile(r"(?<![\w$.])(?:([A-Za-z_$][\w$]*)\s*\.\s*)?(describe|suite|test|it)(?:\s*\.\s*(?:skip|only|todo))?\s*\(")
SUITES = ("describe", "suite")
# After these, a `/` starts a regular expression literal, not a division.
REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {""}
REGEX_KEYWORDS = ("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
                  "instanceof", "yield", "await")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def is_node_test_file(path: Path) -> bool:
    """Whether a file of the tests folder is sent for a JavaScript run (test files and their helpers)."""
    return path.name.endswith(SENT_SUFFIXES)


def discover_node_tests(folder: Path, shown_as: str) -> list[str]:
    """Ids of the node:test tests in a folder's `*.test.js` files, in file order."""
    from ..library import read_text

    if not folder.is_dir():
        return []
    ids = []
    for path in sorted(folder.rglob(f"*{TEST_SUFFIX}")):
        relative = path.relative_to(folder).as_posix()
        source = read_text(path, f"{shown_as}{relative}")
        ids += [f"{relative}::{' > '.join(names)}" for names in declared_tests(source, f"{shown_as}{relative}")]
    return ids


def declared_tests(source: str, shown_as: str) -> list[list[str]]:
    """The name path of every innermost test() / it() call of one file."""
    code = blank_literals(source)
    calls = []       # (start, end, kind, name)
    for match in CALL.finditer(code):
        owner, kind = match.group(1), match.group(2)
        if owner and kind != "test":
            continue
        name = string_literal(source, match.end())
        if name is None:
            if owner:
                continue            # `pattern.test(text)`: a RegExp, not a subtest
            line = source.count("\n", 0, match.start()) + 1
            raise ChallengeFormatError(shown_as, None, f"line {line}: the name of {kind}() must be a string literal "
                                       "(tests are found without running them)")
        calls.append((match.start(), closing_paren(code, match.end() - 1), kind, name))
    names = []
    for start, end, kind, name in calls:
        if kind in SUITES or any(start < other < end and k not in SUITES for other, _, k, _ in calls):
            continue
        enclosing = [n for s, e, _, n in calls if s < start and end <= e]
        names.append([*enclosing, name])
    return names


def string_literal(source: str, index: int) -> str | None:
    """The string literal starting at index (after blanks), decoded; None if there is none."""
    while index < len(source) and source[index].isspace():
        index += 1
    if index >= len(source) or source[index] not in "'\"`":
        return None
    quote, index, text = source[index], index + 1, []
    while index < len(source) and source[index] != quote:
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escaped = source[index + 1]
            if escaped == "u" and re.match(r"[0-9a-fA-F]{4}", source[index + 2:index + 6]):
                text.append(chr(int(source[index + 2:index + 6], 16)))
                index += 6
                continue
            text.append(ESCAPES.get(escaped, escaped))
            index += 2
            continue
        if quote == "`" and source.startswith("${", index):
            return None             # an interpolated name is only known when the file runs
        text.append(char)
        index += 1
    return "".join(text)


def closing_paren(code: str, index: int) -> int:
    """Index of the `)` that closes the `(` at index, in code without literals (end of code if none)."""
    depth = 0
    for position in range(index, len(code)):
        if code[position] == "(":
            depth += 1
        elif code[position] == ")":
            depth -= 1
            if depth == 0:
                return position
    return len(code)


def blank_literals(source: str) -> str:
    """The source with comments and the insides of strings, templates and regexes blanked (same length)."""
    out = list(source)
    _Scanner(source, out).code(0, in_template=False)
    return "".join(out)


class _Scanner:
    """Just enough of a JavaScript lexer to tell code from comments and literals."""

    def __init__(self, source: str, out: list[str]):
        self.source, self.out = source, out

    def blank(self, start: int, end: int) -> None:
        for position in range(start, min(end, len(self.source))):
            if self.out[position] != "\n":
                self.out[position] = " "

    def code(self, index: int, in_template: bool) -> int:
        """Scan code from index; inside `${...}` stop after its closing brace. Returns where it ended."""
        source, depth = self.source, 0
        while index < len(source):
            char = source[index]
            if source.startswith("//", index):
                end = source.find("\n", index)
                end = len(source) if end < 0 else end
                self.blank(index, end)
                index = end
            elif source.startswith("/*", index):
                end = source.find("*/", index + 2)
                end = len(source) if end < 0 else end + 2
                self.blank(index, end)
                index = end
            elif char in "'\"":
                index = self.string(index, char)
            elif char == "`":
                index = self.template(index)
            elif char == "/" and self.starts_regex(index):
                index = self.regex(index)
            else:
                if in_template and char == "{":
                    depth += 1
                elif in_template and char == "}":
                    if depth == 0:
                        return index + 1
                    depth -= 1
                index += 1
        return index

    def string(self, index: int, quote: str) -> int:
        position = index + 1
        while position < len(self.source) and self.source[position] not in (quote, "\n"):
            position += 2 if self.source[position] == "\\" else 1
        self.blank(index + 1, position)
        return position + 1

    def template(self, index: int) -> int:
        position = index + 1
        while position < len(self.source) and self.source[position] != "`":
            if self.source[position] == "\\":
                self.blank(position, position + 2)
                position += 2
            elif self.source.startswith("${", position):
                self.blank(position, position + 2)
                end = self.code(position + 2, in_template=True)
                self.blank(position + 2, end)       # a call inside an interpolation is not a test
                position = end
            else:
                self.blank(position, position + 1)
                position += 1
        return position + 1

    def starts_regex(self, index: int) -> bool:
        position = index - 1
        while position >= 0 and self.out[position].isspace():
            position -= 1
        if position < 0 or self.out[position] in REGEX_AFTER:
            return True
        end = position + 1
        while position >= 0 and (self.out[position].isalnum() or self.out[position] in "_$"):
            position -= 1
        return "".join(self.out[position + 1:end]) in REGEX_KEYWORDS

    def regex(self, index: int) -> int:
        position, in_class = index + 1, False
        while position < len(self.source) and self.source[position] != "\n":
            char = self.source[position]
            if char == "\\":
                position += 2
                continue
            if char == "[":
                in_class = True
            elif char == "]":
                in_class = False
            elif char == "/" and not in_class:
                break
            position += 1
        self.blank(index + 1, position)
        return position + 1
