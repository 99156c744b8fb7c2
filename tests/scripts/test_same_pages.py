"""scripts/same_pages.py: the engine comparison names the pages only one build has."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import same_pages


def site(root: Path, *pages: str) -> Path:
    for page in pages:
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        (root / page).write_text("<html></html>")
    return root


def test_same_pages_pass(tmp_path: Path) -> None:
    a = site(tmp_path / "a", "index.html", "guide/index.html")
    b = site(tmp_path / "b", "index.html", "guide/index.html")
    assert same_pages.main([str(a), str(b)]) == 0


def test_a_missing_page_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    a = site(tmp_path / "a", "index.html", "guide/index.html")
    b = site(tmp_path / "b", "index.html")
    assert same_pages.main([str(a), str(b)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "only in" in line and "guide/index.html" in line
