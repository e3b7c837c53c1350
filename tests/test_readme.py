"""The README is the front door: its library table lists the challenges the library really has."""

import subprocess
import sys

from tests.conftest import ROOT


def test_the_readme_lists_every_challenge_of_the_library_as_it_is():
    rows = subprocess.run([sys.executable, "-m", "assessor.cli", "challenges", "list", "--markdown"],
                          capture_output=True, text=True, cwd=ROOT, check=True).stdout.splitlines()
    assert len(rows) >= 12
    readme = (ROOT / "README.md").read_text().splitlines()
    table = [line for line in readme if line.startswith("| ") and "(`" in line and line.count("|") == 6]
    assert table == rows, "refresh the README's table with `assessor challenges list --markdown`"
