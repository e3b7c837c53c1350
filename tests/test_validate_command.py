"""`assessor challenges validate` proves each challenge grades right, and names what is wrong."""

import shutil
import subprocess
import sys

from tests.conftest import FIXTURE_LIBRARY, ROOT


def validate(*refs):
    return subprocess.run([sys.executable, "-m", "assessor.cli", "challenges", "validate", *map(str, refs)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_the_whole_library_validates(docker_client):
    process = validate()
    assert process.returncode == 0, process.stdout + process.stderr
    slugs = [line.split()[1] for line in process.stdout.splitlines() if line.startswith("ok")]
    assert len(slugs) >= 12
    summary = process.stdout.splitlines()[-1]
    assert summary.startswith(f"{len(slugs)}/{len(slugs)} valid")
    assert "kinds: http, io, sql, unit;" in summary
    assert summary.endswith("languages: csharp, go, java, javascript, php, python, ruby, sql")


def test_a_starter_that_already_passes_is_reported(docker_client, tmp_path):
    broken = tmp_path / "sum-pairs"
    shutil.copytree(FIXTURE_LIBRARY / "sum-pairs", broken)
    shutil.copy(broken / "solution/python/solution.py", broken / "starter/python/solution.py")
    process = validate(broken)
    assert process.returncode == 1
    assert "INVALID sum-pairs" in process.stdout
    assert "starter/python/: the starter code already earns every point" in process.stdout


def test_a_wrong_reference_solution_is_reported(docker_client, tmp_path):
    broken = tmp_path / "sum-pairs"
    shutil.copytree(FIXTURE_LIBRARY / "sum-pairs", broken)
    (broken / "solution/python/solution.py").write_text("def count_pairs(numbers, target):\n    return 0\n")
    process = validate(broken)
    assert process.returncode == 1
    assert "solution/python/: reference earns 1/7" in process.stdout


def test_a_malformed_challenge_names_file_and_field(tmp_path):
    broken = tmp_path / "sum-pairs"
    shutil.copytree(FIXTURE_LIBRARY / "sum-pairs", broken)
    toml = broken / "challenge.toml"
    toml.write_text(toml.read_text().replace('difficulty = "easy"', 'difficulty = "trivial"'))
    process = validate(broken)
    assert process.returncode == 1
    assert "INVALID sum-pairs" in process.stdout
    assert "sum-pairs/challenge.toml: field 'difficulty'" in process.stdout


def test_every_malformed_challenge_is_reported_not_just_the_first(tmp_path):
    for name, (old, new) in {"sum-pairs": ('difficulty = "easy"', 'difficulty = "trivial"'),
                             "mean-of-numbers": ('kind = "io"', 'kind = "essay"')}.items():
        shutil.copytree(FIXTURE_LIBRARY / name, tmp_path / name)
        toml = tmp_path / name / "challenge.toml"
        toml.write_text(toml.read_text().replace(old, new))
    process = validate(tmp_path / "sum-pairs", tmp_path / "mean-of-numbers")
    assert process.returncode == 1
    assert "mean-of-numbers/challenge.toml: field 'kind'" in process.stdout
    assert "sum-pairs/challenge.toml: field 'difficulty'" in process.stdout
    assert "0/2 valid" in process.stdout


def test_html_that_the_sanitiser_removes_from_a_statement_is_reported(docker_client, tmp_path):
    broken = tmp_path / "sum-pairs"
    shutil.copytree(FIXTURE_LIBRARY / "sum-pairs", broken)
    statement = broken / "statement.md"
    statement.write_text(statement.read_text() + '\n<img src="x" onerror="alert(1)">\n')
    process = validate(broken)
    assert process.returncode == 1
    assert "sum-pairs/statement.md: contains HTML that is removed" in process.stdout
