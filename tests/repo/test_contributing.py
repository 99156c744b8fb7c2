"""CONTRIBUTING.md works: its worked example (a new page from the page template, a
comparison row and a tabbed sample) builds strictly and renders as the guide promises."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT, mkdocs_build, venv_tool
from tests.support import contributing_blocks as blocks

NEW_FILES = (
    "docs/side-by-side/hello.md",
    "examples/flask/hello.py",
    "examples/django/hello/views.py",
    "examples/django/hello/urls.py",
)


@pytest.fixture
def followed(project_copy: Path) -> Path:
    """A project copy where someone did what CONTRIBUTING.md says, block by block."""
    example = blocks()
    for name in NEW_FILES:
        target = project_copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(example[name], encoding="utf-8")
    comparison = project_copy / "data" / "comparison.yml"
    text = comparison.read_text(encoding="utf-8")
    assert "\ndimensions:\n" in text
    comparison.write_text(
        text.replace("\ndimensions:\n", "\ndimensions:\n" + example["data/comparison.yml"], 1),
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    nav = example["mkdocs.yml"].splitlines()
    anchor, new_entry = nav[-2] + "\n", nav[-1] + "\n"
    assert anchor in config.read_text()
    config.write_text(config.read_text().replace(anchor, anchor + new_entry, 1))
    return project_copy


def test_contributing_has_the_worked_example() -> None:
    assert set(NEW_FILES) | {"data/comparison.yml", "mkdocs.yml", "data/claims.yml"} <= set(
        blocks()
    )


@pytest.mark.long
def test_following_contributing_gives_a_page_with_linked_tabs_and_the_new_row(
    followed: Path,
) -> None:
    build = mkdocs_build(followed, followed / "site")
    assert build.returncode == 0, build.log
    assert not re.search(r"^(WARNING|ERROR)", build.log, re.MULTILINE), build.log

    page = build.page("side-by-side/hello/")
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("The smallest")
    tabs = page.select(".tabbed-set")
    assert [label.get_text(strip=True) for label in tabs[0].select(".tabbed-labels label")] == [
        "Flask",
        "Django",
    ]
    code = tabs[0].get_text()
    assert 'def hello(name):\n    return f"Hello, {name}!"' in code
    assert "return HttpResponse" in code
    assert "--8<--" not in code
    assert "[[" not in page.get_text()

    row = [tr for tr in page.select("table tr") if "Signals" in tr.get_text()]
    assert row, page.select("table")
    links = [a["href"] for a in row[0].find_all("a")]
    assert "https://flask.palletsprojects.com/en/stable/signals/" in links

    compared = build.page("guide/comparison/").get_text()
    assert "Signals come from Blinker" in compared


def test_the_page_template_and_sample_code_pass_the_linters(followed: Path) -> None:
    page = followed / "docs" / "side-by-side" / "hello.md"
    markdown = subprocess.run(
        [venv_tool("pymarkdown"), "--config", str(ROOT / ".pymarkdown.json"), "scan", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert markdown.returncode == 0, markdown.stdout + markdown.stderr
    # Checked as if saved where CONTRIBUTING.md says, so the project's ruff rules apply.
    python = [name for name in blocks() if name.endswith(".py")]
    assert len(python) == 4
    for name in python:
        for command in (["check"], ["format", "--check"]):
            result = subprocess.run(
                [venv_tool("ruff"), *command, "--stdin-filename", name, "-"],
                cwd=ROOT,
                input=blocks()[name],
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
