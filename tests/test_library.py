"""Unit tests of assessor.library: loading the fixture challenge, finding it, and refusing malformed ones."""

import shutil
from pathlib import Path

import pytest

from assessor import library
from assessor.kinds.unit import discover_pytest
from assessor.errors import ChallengeFormatError, UnknownChallenge

FIXTURE_LIBRARY = Path(__file__).resolve().parent / "fixtures" / "challenges"
FIXTURE = FIXTURE_LIBRARY / "sum-pairs"
HIDDEN = ("test_hidden.py::test_empty", "test_hidden.py::test_example", "test_hidden.py::test_duplicates",
          "test_hidden.py::test_negative", "test_hidden.py::test_large_input")


@pytest.fixture
def copy(tmp_path):
    """A private copy of the sum-pairs fixture, free to break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "sum-pairs"))


def edit_toml(challenge: Path, old: str, new: str) -> None:
    """Replace one exact piece of the copy's challenge.toml."""
    path = challenge / "challenge.toml"
    text = path.read_text()
    assert old in text, f"{old!r} not in challenge.toml"
    path.write_text(text.replace(old, new, 1))


def format_error(directory: Path) -> ChallengeFormatError:
    """The ChallengeFormatError raised when loading a directory."""
    with pytest.raises(ChallengeFormatError) as caught:
        library.load(directory)
    return caught.value


# --- the good fixture ----------------------------------------------------------------------------

def test_load_fixture_metadata():
    """The fixture loads with its slug, title, kind, difficulty, languages and limits."""
    challenge = library.load(FIXTURE)
    assert challenge.slug == "sum-pairs"
    assert challenge.title == "Count pairs that sum to a target"
    assert (challenge.kind, challenge.difficulty) == ("unit", "easy")
    assert challenge.languages == ("python", "javascript", "java")
    assert challenge.skills == ("algorithms",)
    assert (challenge.time_limit_s, challenge.memory_mb) == (5, 128)
    assert challenge.statement.startswith("# Count pairs")


def test_load_fixture_test_ids():
    """Hidden and visible test ids are found in file order, as pytest would report them."""
    challenge = library.load(FIXTURE)
    assert challenge.hidden_tests == HIDDEN
    assert challenge.visible_tests == ("test_examples.py::test_example",)
    assert challenge.test_ids(visible=True) == challenge.visible_tests
    assert challenge.test_ids() == HIDDEN


def test_points_and_max_score():
    """test_large_input is worth 3 points, the others 1 each, for a maximum of 7."""
    challenge = library.load(FIXTURE)
    assert challenge.points_of("test_hidden.py::test_large_input") == 3
    assert challenge.points_of("test_hidden.py::test_empty") == 1
    assert challenge.max_score == 7


def test_version_is_stable_and_follows_content(copy):
    """Two loads give the same version; editing statement.md changes it."""
    first, second = library.load(copy).version, library.load(copy).version
    assert first == second
    (copy / "statement.md").write_text((copy / "statement.md").read_text() + "\nOne more line.\n")
    assert library.load(copy).version != first


def test_find_by_path_and_by_slug():
    """find accepts a challenge directory path or a slug of the given library."""
    assert library.find(str(FIXTURE)).slug == "sum-pairs"
    assert library.find("sum-pairs", library=FIXTURE_LIBRARY).path == FIXTURE.resolve()


@pytest.mark.parametrize("name", ["no-such-challenge", "../sum-pairs", "Sum-Pairs"])
def test_find_unknown_challenge(name):
    """An unknown slug (or a path-like or badly cased one) raises UnknownChallenge naming it."""
    with pytest.raises(UnknownChallenge, match=repr(name).replace(".", r"\.")):
        library.find(name, library=FIXTURE_LIBRARY)


# --- malformed challenge.toml --------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field", [
    ('kind = "unit"\n', "", "kind"),
    ('kind = "unit"', 'kind = "essay"', "kind"),
    ('difficulty = "easy"', 'difficulty = "trivial"', "difficulty"),
    ('languages = ["python", "javascript", "java"]', 'languages = ["cobol"]', "languages"),
    ('languages = ["python", "javascript", "java"]', "languages = []", "languages"),
    ('slug = "sum-pairs"', 'slug = "other-slug"', "slug"),
    ("time_limit_s = 5", "time_limit_s = 0", "time_limit_s"),
    ("time_limit_s = 5", "time_limit_s = 1000", "time_limit_s"),
    ("memory_mb = 128", 'memory_mb = "big"', "memory_mb"),
    ("memory_mb = 128", "memory_mb = 64.5", "memory_mb"),
    ('title = "Count pairs that sum to a target"', 'title = ""', "title"),
    ('"test_hidden.py::test_large_input" = 3', '"test_hidden.py::test_large_input" = -1',
     "points.test_hidden.py::test_large_input"),
])
def test_bad_field_names_file_and_field(copy, old, new, field):
    """A bad challenge.toml field raises ChallengeFormatError whose message names the file and the field."""
    edit_toml(copy, old, new)
    error = format_error(copy)
    assert (error.file, error.field) == ("sum-pairs/challenge.toml", field)
    assert str(error).startswith(f"sum-pairs/challenge.toml: field '{field}': ")


def test_points_for_unknown_test(copy):
    """A [points] key that names no hidden test is refused, naming that key."""
    edit_toml(copy, "[points]\n", '[points]\n"test_hidden.py::test_bonus" = 5\n')
    message = str(format_error(copy))
    assert "challenge.toml" in message and "points.test_hidden.py::test_bonus" in message
    assert "names no hidden test" in message


def test_invalid_toml(copy):
    """A challenge.toml that is not TOML is refused, naming the file."""
    (copy / "challenge.toml").write_text('slug = "sum-pairs"\nkind = \n')
    message = str(format_error(copy))
    assert message.startswith("sum-pairs/challenge.toml: invalid TOML")


def test_missing_challenge_toml(copy):
    """A directory without challenge.toml is refused, naming the missing file."""
    (copy / "challenge.toml").unlink()
    assert str(format_error(copy)) == "sum-pairs/challenge.toml: missing"


# --- malformed directory layout ------------------------------------------------------------------

def test_missing_statement(copy):
    """A challenge without statement.md is refused, naming statement.md."""
    (copy / "statement.md").unlink()
    assert str(format_error(copy)).startswith("sum-pairs/statement.md: ")


def test_blank_statement(copy):
    """A whitespace-only statement.md is refused, naming statement.md."""
    (copy / "statement.md").write_text("  \n\n")
    assert str(format_error(copy)).startswith("sum-pairs/statement.md: ")


def test_statement_not_utf8(copy):
    """A statement.md that is not UTF-8 is a ChallengeFormatError naming statement.md, not a crash."""
    (copy / "statement.md").write_bytes("# Compter les paires\n\nUne fonction simple: é\n".encode("latin-1"))
    assert "statement.md" in str(format_error(copy))


@pytest.mark.parametrize("folder", ["starter", "solution"])
def test_missing_language_directory(copy, folder):
    """A language without its starter/ or solution/ folder is refused, naming that folder."""
    shutil.rmtree(copy / folder / "python")
    assert str(format_error(copy)).startswith(f"sum-pairs/{folder}/python/: ")


def test_no_hidden_tests(copy):
    """A challenge whose hidden folder has no test functions is refused, naming tests/hidden/."""
    (copy / "tests" / "hidden" / "test_hidden.py").write_text("def helper():\n    return 1\n")
    assert str(format_error(copy)).startswith("sum-pairs/tests/hidden/: no hidden tests")


def test_hidden_test_syntax_error(copy):
    """A hidden test file with a syntax error is refused, naming the file and the line."""
    (copy / "tests" / "hidden" / "test_broken.py").write_text("def test_a():\n    return (\n")
    message = str(format_error(copy))
    assert message.startswith("sum-pairs/tests/hidden/test_broken.py: line ")


def test_hidden_test_not_utf8(copy):
    """A hidden test file that is not UTF-8 is a ChallengeFormatError naming the file, not a crash."""
    (copy / "tests" / "hidden" / "test_latin.py").write_bytes("def test_caf\xe9():\n    pass\n".encode("latin-1"))
    assert "tests/hidden/test_latin.py" in str(format_error(copy))


# --- discover_pytest -----------------------------------------------------------------------------

def test_discover_tests_finds_functions_and_class_methods(tmp_path):
    """Module-level test functions and TestX methods are found; helpers and non-test files are ignored."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "test_mod.py").write_text(
        "import pytest\n\n"
        "def helper():\n    pass\n\n"
        "def test_one():\n    def test_inner():\n        pass\n\n"
        "async def test_async():\n    pass\n\n"
        "class TestThing:\n    def test_method(self):\n        pass\n    def setup_method(self):\n        pass\n\n"
        "class Helper:\n    def test_not_collected(self):\n        pass\n\n"
        "test_value = 3\n")
    (tmp_path / "sub" / "edge_test.py").write_text("def test_suffix_style():\n    pass\n")
    (tmp_path / "helpers.py").write_text("def test_in_helper_module():\n    pass\n")
    (tmp_path / "conftest.py").write_text("def test_in_conftest():\n    pass\n")
    (tmp_path / "test_data.txt").write_text("def test_in_text():\n    pass\n")
    assert discover_pytest(tmp_path, "x/") == [
        "sub/edge_test.py::test_suffix_style",
        "test_mod.py::test_one",
        "test_mod.py::test_async",
        "test_mod.py::TestThing::test_method",
    ]


def test_discover_tests_on_missing_folder(tmp_path):
    """A challenge without a visible tests folder simply has no visible tests."""
    assert discover_pytest(tmp_path / "visible", "x/") == []
