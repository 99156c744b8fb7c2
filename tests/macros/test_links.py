"""macros/links.py: links resolved by MkDocs' own Files, relative to the page being built."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files

from macros.datafile import DataError
from macros.links import page_linker
from tests.support import ROOT


@pytest.fixture(scope="module")
def files() -> Files:
    return get_files(load_config(str(ROOT / "mkdocs.yml")))


@pytest.mark.parametrize(
    ("page", "target", "href"),
    [
        ("guide/comparison.md", "side-by-side/routing.md", "../../side-by-side/routing/"),
        ("guide/comparison.md", "side-by-side/index.md", "../../side-by-side/"),
        ("guide/comparison.md", "guide/flask.md#cons", "../flask/#cons"),
        ("guide/comparison.md", "index.md", "../../"),
        ("index.md", "guide/flask.md", "guide/flask/"),
        ("guide/comparison.md", "guide/comparison.md#x", "./#x"),
        ("guide/decide.md", "assets/javascripts/decide.js", "../../assets/javascripts/decide.js"),
    ],
)
def test_href_is_relative_to_the_page(files: Files, page: str, target: str, href: str) -> None:
    link = page_linker(files, files.get_file_from_path(page))
    assert link(target)[0] == href


def test_a_missing_file_is_one_line(files: Files) -> None:
    link = page_linker(files, files.get_file_from_path("index.md"))
    with pytest.raises(DataError, match=r"^link to 'guide/gone\.md#x': no such file in the build$"):
        link("guide/gone.md#x")
