"""Every sample a page shows is declared as covered by a test, and every declaration is real.

Each module in tests/examples lists what it exercises in a module-level `COVERS`
list ("path" or "path:section", relative to examples/). This guard compares those
lists with the `--8<--` includes in docs/. It reads the lists without importing
the modules: they need Flask and Django, which only the sample matrix installs.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.examples.helpers import EXAMPLES, ROOT, section

DOCS = ROOT / "docs"
SAMPLE_TESTS = ROOT / "tests" / "examples"
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


def covers_of(source: str) -> list[str]:
    """The literal `COVERS = [...]` list of a test module's source, or []."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "COVERS" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    return []


def declared() -> set[str]:
    covers: set[str] = set()
    for module_path in sorted(SAMPLE_TESTS.glob("test_*.py")):
        covers.update(covers_of(module_path.read_text(encoding="utf-8")))
    return covers


def test_covers_reader_reads_the_literal_list() -> None:
    assert covers_of('import x\nCOVERS = ["a.py:b", "c.txt"]\n') == ["a.py:b", "c.txt"]
    assert covers_of("def test_x():\n    COVERS = ['inner']\n") == []


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
