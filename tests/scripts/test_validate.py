"""scripts/validate.py: the build's data check, without a build, with the build's one line.

`make freshness` reads the files through the same loader and prints the same line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.data import load_site_data
from macros.datafile import DataError
from tests.support import ROOT


def test_a_broken_file_gives_the_line_the_build_gives(project_copy: Path) -> None:
    comparison = project_copy / "data" / "comparison.yml"
    comparison.write_text(comparison.read_text() + "dimensions: [\n")
    with pytest.raises(DataError) as caught:
        load_site_data(project_copy / "data", project_copy / "docs")
    result = subprocess.run(
        [sys.executable, "-m", "scripts.validate", str(project_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"ERROR: {caught.value}"]


# Files no loader may expand, print or trip over; each is one line wherever it is read.
HOSTILE = {
    "invalid-utf8": b"facts: []\nname: na\xefve\n",
    "nul-byte": b"facts: []\nname: a\x00b\n",
    "alias": b"facts: []\nmore: &all []\nagain: *all\n",
    "duplicate-key": b"facts: []\nfacts: []\n",
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_validate_and_freshness_give_the_build_line_for_a_hostile_file(
    project_copy: Path, content: bytes
) -> None:
    (project_copy / "data" / "comparison.yml").write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_site_data(project_copy / "data", project_copy / "docs")
    line = str(caught.value)
    assert line.startswith("data/comparison.yml: line 2") and "\n" not in line, line

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
        )

    validate = run("scripts.validate", str(project_copy))
    assert (validate.returncode, validate.stderr.splitlines()) == (1, [f"ERROR: {line}"])
    freshness = run("scripts.freshness", str(project_copy / "data"))
    assert (freshness.returncode, freshness.stderr) == (0, "")
    assert freshness.stdout.splitlines() == [
        f"The freshness report could not read the data: {line}"
    ]
