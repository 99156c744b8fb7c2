"""Every page is findable and well formed; the guide's pages follow the house style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.datafile import load_yaml
from tests.support import ROOT, Build, page_text

DOCS = ROOT / "docs"
# The pages this area owns (docs-relative).
GUIDE_PAGES = [
    "index.md",
    "guide/index.md",
    "guide/flask.md",
    "guide/django.md",
    "guide/choose.md",
    "guide/corrections.md",
    "guide/conclusion.md",
    "about/sources.md",
]
# A typed release number such as 3.1.3; historical "Django 2.0" style mentions are allowed.
RELEASE = re.compile(r"(?<![\w.])\d+\.\d+\.\d+(?![\w.])")
# A Markdown link's target and title: ](https://... "quote")
LINK_TARGET = re.compile(r"\]\(https://[^\s)]+(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")
# The article this guide began as a fact check of.
ARTICLE = "Flask vs Django: Comprehensive Guide and Which to Choose"
# An opening that talks about the page instead of making its point.
PAGE_TALK = re.compile(r"by the end|this (page|section)|you will (know|have)", re.IGNORECASE)


def url_of(md: Path) -> str:
    """docs/guide/flask.md -> 'guide/flask/', docs/guide/index.md -> 'guide/'."""
    parts = md.relative_to(DOCS).with_suffix("").parts
    parts = parts[:-1] if parts[-1] in {"index", "README"} else parts
    return "".join(f"{part}/" for part in parts)


ALL_PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("md", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_has_title_description_and_one_h1(site: Build, md: Path) -> None:
    soup = site.page(url_of(md))
    assert soup.title and soup.title.get_text(strip=True)
    description = soup.find("meta", attrs={"name": "description"})
    assert description and description.get("content", "").strip()
    assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_page_has_its_own_description(site: Build, page: str) -> None:
    soup = site.page(url_of(DOCS / page))
    own = soup.find("meta", attrs={"name": "description"})["content"]
    # The 404 page has no front matter, so it carries the site-wide description.
    assert own != site.page("404.html").find("meta", attrs={"name": "description"})["content"]


@pytest.mark.parametrize("md", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_opens_with_its_point(site: Build, md: Path) -> None:
    """The first paragraph says something about Flask and Django, not about the page."""
    opening = site.page(url_of(md)).find("h1").find_next("p").get_text(" ")
    about_the_page = PAGE_TALK.search(opening)
    assert not about_the_page, f"{md.relative_to(DOCS)} opens with {about_the_page[0]!r}: {opening}"


@pytest.mark.parametrize("md", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_a_page_that_mentions_the_article_names_it(site: Build, md: Path) -> None:
    """A reader arriving from search learns which article is meant (no address is known)."""
    text = page_text(site, url_of(md))
    if re.search(r"\bthe (2024 )?article\b", text, re.IGNORECASE):
        assert ARTICLE in text, f"{md.relative_to(DOCS)} mentions the article but not its title"


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_page_types_no_release_number(page: str) -> None:
    """Versions come from the data file through version() and fact(), never typed.

    A link may name the release it quotes (`/blob/3.1.3/README.md`): its target and
    quoted title are not prose.
    """
    text = LINK_TARGET.sub("]", (DOCS / page).read_text(encoding="utf-8"))
    assert not RELEASE.findall(text), page


def release_numbers(node: object) -> set[str]:
    """Every X.Y.Z string anywhere in a loaded YAML tree."""
    if isinstance(node, dict):
        return set().union(*(release_numbers(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(release_numbers(value) for value in node))
    return set(RELEASE.findall(node)) if isinstance(node, str) else set()


def test_versions_on_the_guide_pages_come_from_the_data_files(site: Build) -> None:
    """Printed by version() and fact(), or named in a source's title (claims.yml)."""
    known = set().union(*(release_numbers(load_yaml(path)) for path in ROOT.glob("data/*.yml")))
    shown = set()
    for page in GUIDE_PAGES:
        shown |= set(RELEASE.findall(page_text(site, url_of(DOCS / page))))
    assert shown, "version() should print release numbers on the guide pages"
    assert shown <= known, f"not in data/*.yml: {sorted(shown - known)}"


def test_the_guide_lists_its_pages_in_the_order_of_the_menu(site: Build) -> None:
    """A page added to the Guide section of the nav is added to the reading list too."""
    index = site.page("guide/")
    in_menu = [
        a["href"]
        for a in index.select("nav.md-nav--primary a.md-nav__link[href]")
        if not a["href"].startswith((".", "/"))  # the guide's own pages: siblings of its index
    ]
    reading_list = [a["href"] for a in index.select("article ol")[0].select("a[href]")]
    assert reading_list == in_menu


def test_sources_page_links_to_the_repository_issue_tracker(site: Build) -> None:
    repo_url = site.page("").find("a", class_="md-source")["href"].rstrip("/")
    links = [a["href"] for a in site.page("about/sources/").select("article a[href]")]
    assert f"{repo_url}/issues/new" in links


@pytest.mark.parametrize("md", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_a_table_whose_cells_name_their_column_is_marked_for_cards(site: Build, md: Path) -> None:
    """extra.css turns a table into cards on a phone, and sizes its Sources column, by these
    attributes: without them the cells' data-label names are never shown."""
    for table in site.page(url_of(md)).select("article table"):
        labels = [td["data-label"] for td in table.select("td[data-label]")]
        assert table.has_attr("data-cards") == bool(labels), str(table)[:200]
        assert table.has_attr("data-sourced") == ("Sources" in labels), str(table)[:200]
