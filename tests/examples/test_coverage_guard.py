"""Every sample a page shows is declared as covered by a test, and every declaration is real.

Each test module here lists what it exercises in a module-level `COVERS` list
("path" or "path:section", relative to examples/). This guard compares those
lists with the `--8<--` includes in docs/.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from tests.examples.helpers import EXAMPLES, ROOT, section

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^"\n]+)"[ \t]*$', re.MULTILINE)


def includes(markdown: str) -> list[str]:
    """The snippet targets of a page ("path" or "path:section"), as pymdownx.snippets reads them."""
    return INCLUDE.findall(markdown)


def shown() -> dict[str, list[str]]:
    """Every include in docs/, mapped to the pages that show it."""
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for target in includes(page.read_text(encoding="utf-8")):
            found.setdefault(target, []).append(str(page.relative_to(DOCS)))
    return found


def declared() -> set[str]:
    covers: set[str] = set()
    for module_path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(f"tests.examples.{module_path.stem}")
        covers.update(getattr(module, "COVERS", []))
    return covers


def test_include_parser_reads_indented_includes_with_and_without_sections() -> None:
    page = '=== "Flask"\n\n    ```python\n    --8<-- "flask/a.py:part"\n    ```\n--8<-- "b.txt"\n'
    assert includes(page) == ["flask/a.py:part", "b.txt"]
    assert includes('Text that mentions `--8<-- "x.py"` inline.') == []


def test_pages_show_samples() -> None:
    assert len(shown()) >= 40


def test_every_shown_sample_is_covered_by_a_test() -> None:
    covers = declared()
    uncovered = {
        target: pages
        for target, pages in shown().items()
        if target not in covers and target.split(":")[0] not in covers
    }
    assert not uncovered, f"shown but not covered by any COVERS list: {uncovered}"


def test_every_declared_cover_is_shown_on_a_page() -> None:
    stale = declared() - set(shown())
    assert not stale, f"COVERS entries no page includes: {sorted(stale)}"


@pytest.mark.parametrize("target", sorted(declared()))
def test_every_declared_cover_exists(target: str) -> None:
    path, _, name = target.partition(":")
    assert (EXAMPLES / path).is_file(), target
    if name:
        assert section(path, name).strip(), f"section {name!r} of {path} is empty"
