"""Unit tests of sandbox.archive: submitted file checks, reading from disk, and the tar sent to the harness."""

import io
import os
import tarfile

import pytest

from sandbox.archive import (MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, build_archive, check_files,
                             check_name, read_directory)
from sandbox.errors import BadSubmission

GOOD = b"def count_pairs(numbers, target):\n    return 0\n"


def refused(files):
    """The message of the BadSubmission that check_files raises for these files."""
    with pytest.raises(BadSubmission) as caught:
        check_files(files)
    return str(caught.value)


def tar_members(data: bytes) -> dict[str, bytes | None]:
    """Name -> content (None for directories) of every entry in a tar."""
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return {m.name: (tar.extractfile(m).read() if m.isfile() else None) for m in tar.getmembers()}


# --- names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../x.py", "a/../../b.py", "pkg/../../etc/passwd", "./../x.py", "/etc/passwd"])
def test_names_escaping_the_folder_are_refused(name):
    """A parent-directory or absolute name is refused and named in the message."""
    assert name in refused({name: GOOD})


@pytest.mark.parametrize("name", ["..\\x.py", "pkg\\mod.py", "", "a\x00.py"])
def test_backslash_empty_and_nul_names_are_refused(name):
    """Backslashes, an empty name and a NUL in a name are refused, with the name shown as a literal."""
    assert repr(name) in refused({name: GOOD})


@pytest.mark.parametrize("name", ["-rf.py", "my file.py", ".env", "a/.hidden.py", "naïve.py",
                                  "/".join(["d"] * MAX_DEPTH) + "/too_deep.py"])
def test_unsafe_names_are_refused(name):
    """Spaces, a leading dash or dot, non-ASCII letters or nesting past MAX_DEPTH are refused, naming the file."""
    assert name in refused({name: GOOD})


def test_safe_names_are_normalised():
    """Ordinary and nested names are accepted and normalised to plain relative POSIX paths."""
    assert check_name("solution.py") == "solution.py"
    assert check_name("./pkg//util.py") == "pkg/util.py"
    assert check_name("pkg/sub/_private-1.py") == "pkg/sub/_private-1.py"


# --- contents and limits -------------------------------------------------------------------------

def test_valid_files_come_back_with_normalised_names():
    """A good submission is returned unchanged except for normalised names."""
    assert check_files({"solution.py": GOOD, "./pkg/util.py": b"X = 1\n"}) == {
        "solution.py": GOOD, "pkg/util.py": b"X = 1\n"}


def test_binary_content_is_refused():
    """A file containing a NUL byte is refused as binary, naming the file."""
    message = refused({"solution.py": GOOD, "data.bin": b"abc\x00def"})
    assert "data.bin" in message and "NUL" in message


def test_non_utf8_content_is_refused():
    """A file that is not valid UTF-8 is refused, naming the file and the bad byte's offset."""
    message = refused({"latin.py": b"name = 'caf\xe9'\n"})
    assert "latin.py" in message and "UTF-8" in message and "byte 11" in message


def test_empty_submission_and_str_content_are_refused():
    """An empty submission is refused; content given as str instead of bytes is refused, naming the file."""
    assert "no files" in refused({})
    assert "solution.py" in refused({"solution.py": "print(1)"})


def test_file_over_the_per_file_limit_is_refused():
    """A file one byte over MAX_FILE_BYTES is refused, naming it; exactly the limit is accepted."""
    assert check_files({"edge.py": b"#" * MAX_FILE_BYTES})
    message = refused({"small.py": GOOD, "big.py": b"#" * (MAX_FILE_BYTES + 1)})
    assert "big.py" in message and str(MAX_FILE_BYTES) in message


def test_total_over_the_submission_limit_is_refused():
    """Files each under the per-file limit but together over MAX_TOTAL_BYTES are refused."""
    count = MAX_TOTAL_BYTES // MAX_FILE_BYTES + 1
    files = {f"part{i}.py": b"#" * MAX_FILE_BYTES for i in range(count)}
    message = refused(files)
    assert str(count * MAX_FILE_BYTES) in message and str(MAX_TOTAL_BYTES) in message


def test_more_than_max_files_is_refused():
    """MAX_FILES files are accepted; one more is refused with the count in the message."""
    assert len(check_files({f"m{i}.py": GOOD for i in range(MAX_FILES)})) == MAX_FILES
    message = refused({f"m{i}.py": GOOD for i in range(MAX_FILES + 1)})
    assert str(MAX_FILES + 1) in message


def test_duplicate_names_after_normalisation_are_refused():
    """Two names that normalise to the same path are refused as given twice."""
    message = refused({"pkg/util.py": GOOD, "pkg//util.py": b"X = 2\n"})
    assert "pkg/util.py" in message and "twice" in message


# --- read_directory ------------------------------------------------------------------------------

def test_read_single_file(tmp_path):
    """Reading a single file returns it under its own name."""
    path = tmp_path / "solution.py"
    path.write_bytes(GOOD)
    assert read_directory(path) == {"solution.py": GOOD}


def test_read_nested_directory_skips_hidden_and_caches(tmp_path):
    """Nested files come back by relative path; dot files and __pycache__ are left out."""
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "solution.py").write_bytes(GOOD)
    (tmp_path / "pkg" / "sub" / "deep.py").write_bytes(b"D = 1\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_bytes(b"x")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "solution.cpython-311.pyc").write_bytes(b"\x00\x01")
    assert read_directory(tmp_path) == {"solution.py": GOOD, "pkg/sub/deep.py": b"D = 1\n"}


def test_symlinked_file_inside_directory_is_refused(tmp_path):
    """A symlink inside the submission folder (here to /etc/passwd) is refused, naming the link."""
    (tmp_path / "solution.py").write_bytes(GOOD)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "secret.py").symlink_to("/etc/passwd")
    with pytest.raises(BadSubmission, match="pkg/secret.py: symlinks are not accepted"):
        read_directory(tmp_path)


def test_symlinked_directory_inside_directory_is_refused(tmp_path):
    """A symlink to a directory outside the submission is refused rather than followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "stolen.py").write_bytes(b"S = 1\n")
    root = tmp_path / "sub"
    root.mkdir()
    (root / "solution.py").write_bytes(GOOD)
    (root / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(BadSubmission, match="linked: symlinks are not accepted"):
        read_directory(root)


def test_symlink_as_root_is_refused(tmp_path):
    """A symlink given as the submission root is refused, naming it, for a file and for a directory."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "solution.py").write_bytes(GOOD)
    for link, target in (("link-dir", tmp_path / "real"), ("link.py", tmp_path / "real" / "solution.py")):
        (tmp_path / link).symlink_to(target)
        with pytest.raises(BadSubmission, match=link):
            read_directory(tmp_path / link)


def test_special_file_is_refused(tmp_path):
    """A FIFO in the submission folder is refused as not a regular file, naming it."""
    os.mkfifo(tmp_path / "pipe.py")
    with pytest.raises(BadSubmission, match="pipe.py: not a regular file"):
        read_directory(tmp_path)


def test_missing_root_is_refused(tmp_path):
    """A path that does not exist is refused, naming it."""
    with pytest.raises(BadSubmission, match="nowhere"):
        read_directory(tmp_path / "nowhere")


def test_read_directory_refuses_oversized_nested_file(tmp_path):
    """An oversized nested file is named by its relative path, so a same-named sibling is not blamed."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "util.py").write_bytes(GOOD)
    (tmp_path / "b" / "util.py").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(BadSubmission) as caught:
        read_directory(tmp_path)
    assert "b/util.py" in str(caught.value)


def test_read_directory_refuses_too_many_files(tmp_path):
    """A folder with more than MAX_FILES files is refused."""
    for i in range(MAX_FILES + 1):
        (tmp_path / f"m{i:03}.py").write_bytes(GOOD)
    with pytest.raises(BadSubmission, match="too many files"):
        read_directory(tmp_path)


# --- build_archive -------------------------------------------------------------------------------

def test_archive_holds_submission_and_tests(tmp_path):
    """The tar has submission/<name> and tests/<relative path> entries with the exact content."""
    tests = tmp_path / "hidden"
    (tests / "data").mkdir(parents=True)
    (tests / "test_hidden.py").write_bytes(b"def test_a():\n    assert True\n")
    (tests / "data" / "cases.json").write_bytes(b"[1, 2]")
    (tests / "__pycache__").mkdir()
    (tests / "__pycache__" / "test_hidden.pyc").write_bytes(b"junk")
    members = tar_members(build_archive({"solution.py": GOOD, "pkg/util.py": b"X = 1\n"}, tests))
    assert members["submission/solution.py"] == GOOD
    assert members["submission/pkg/util.py"] == b"X = 1\n"
    assert members["tests/test_hidden.py"] == b"def test_a():\n    assert True\n"
    assert members["tests/data/cases.json"] == b"[1, 2]"
    assert {"submission", "submission/pkg", "tests", "tests/data"} <= {n for n, c in members.items() if c is None}
    assert not any("__pycache__" in name for name in members)


def test_archive_without_tests_dir_has_empty_tests_folder():
    """With no tests folder the tar still holds the submission, an empty tests/ and the settings."""
    members = tar_members(build_archive({"solution.py": GOOD}, None, {"time_limit_s": 3}))
    assert members == {"submission": None, "submission/solution.py": GOOD, "tests": None,
                       "run.json": b'{"time_limit_s": 3}'}


def test_archive_refuses_bad_submission(tmp_path):
    """build_archive checks the submission itself: a traversal name never reaches the tar."""
    with pytest.raises(BadSubmission, match=r"\.\./escape\.py"):
        build_archive({"../escape.py": GOOD}, tmp_path)
