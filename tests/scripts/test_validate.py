"""scripts/validate.py: the build's data check, without a build, with the build's one line."""

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
