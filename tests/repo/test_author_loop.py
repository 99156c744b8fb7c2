"""The author's documented loop never turns the suite red by itself.

CONTRIBUTING asks authors to re-verify entries (set `verified` to today) and to
record new patch releases. Both edits are applied to a copy of the project, and
the tests that read the data run there: they must still pass.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import PROJECT_PARTS, ROOT, copy_project, run

# The tests that read data/, less those that break a copy of it on purpose (they read no
# value an author edits); the page-date test reads git history, which the copy lacks.
DATA_TESTS = (
    *("tests/macros", "tests/data", "tests/docs", "--ignore=tests/docs/test_page_meta.py"),
    *("-m", "not broken_data"),
)
pytestmark = pytest.mark.long


def reverify_and_bump(project: Path, today: str) -> None:
    """Edit the files as an author does, in place: comments and layout stay as they are."""
    claims = project / "data" / "claims.yml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(re.sub(r'verified: "[\d-]+"', f'verified: "{today}"', text, count=1))

    comparison = project / "data" / "comparison.yml"
    text = comparison.read_text(encoding="utf-8")
    text = re.sub(r'(\n    verified: )"[\d-]+"', rf'\1"{today}"', text, count=1)
    for framework in yaml.safe_load(text)["frameworks"]:
        current = next(r for r in framework["releases"] if r["status"] == "current")
        *head, patch = current["latest"].split(".")
        bumped = ".".join([*head, str(int(patch) + 1)])
        text = text.replace(f'latest: "{current["latest"]}"', f'latest: "{bumped}"', 1)
    comparison.write_text(text, encoding="utf-8")
    assert text != (ROOT / "data" / "comparison.yml").read_text(encoding="utf-8")


def test_reverifying_and_a_patch_release_keep_the_data_tests_green(tmp_path: Path) -> None:
    project = copy_project(
        tmp_path / "project",
        (*PROJECT_PARTS, "tests", "scripts", "pyproject.toml", "requirements-docs-sources.txt"),
    )
    reverify_and_bump(project, dt.datetime.now(dt.UTC).date().isoformat())
    result = run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "-n",
        "0",
        *DATA_TESTS,
        cwd=project,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
