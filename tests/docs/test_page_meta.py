"""Every page says when it last changed (from git) and links to its source for editing,
without Material's header widget asking api.github.com for stars and forks."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import yaml

from tests.support import Build

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


class _Config(yaml.SafeLoader):
    """Reads mkdocs.yml; its !ENV and !!python tags are not needed here."""


_Config.add_multi_constructor("!", lambda loader, suffix, node: None)
_Config.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def repo_url() -> str:
    """The repository the build links to: $REPO_URL, else mkdocs.yml's default."""
    config = (ROOT / "mkdocs.yml").read_text()
    default = yaml.load(config.replace("!ENV ", ""), Loader=_Config)["repo_url"][1]  # noqa: S506
    return os.environ.get("REPO_URL", default).rstrip("/")


def pages(site: Build) -> list[Path]:
    """Built pages that come from a Markdown file (the 404 page does not)."""
    return [html for html in site.html_files() if html.relative_to(site.site) != Path("404.html")]


def last_commit_date(source: Path) -> dt.date | None:
    """The date git gives the file's last change, as the dates plugin asks for it."""
    out = subprocess.run(
        ["git", "log", "-n", "1", "--format=%at", "--diff-filter=r", "--follow",
         "--ignore-all-space", "--ignore-blank-lines", "--", str(source)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    return dt.datetime.fromtimestamp(int(out), dt.UTC).date() if out else None


def test_every_page_has_an_edit_link_to_its_own_source(site: Build) -> None:
    prefix = f"{repo_url()}/edit/main/docs/"
    sources = []
    for html in pages(site):
        soup = site.page(str(html.relative_to(site.site)))
        links = soup.select('a.md-content__button[rel="edit"]')
        assert len(links) == 1, html
        href = links[0]["href"]
        assert href.startswith(prefix), href
        sources.append(href.removeprefix(prefix))
    assert sorted(sources) == sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))


def test_every_page_shows_the_date_of_its_last_commit(site: Build) -> None:
    build_day = dt.datetime.now(dt.UTC).date()
    for html in pages(site):
        soup = site.page(str(html.relative_to(site.site)))
        source = soup.select_one('a[rel="edit"]')["href"].split("/edit/main/", 1)[1]
        shown = soup.select(".md-source-file .git-revision-date-localized-plugin-date")
        assert len(shown) == 1, f"{html}: no last-updated date"
        date = dt.datetime.strptime(shown[0].get_text(strip=True), "%B %d, %Y").date()
        # A page not committed yet falls back to the build date.
        assert date == (last_commit_date(ROOT / source) or build_day), source


def test_no_page_asks_the_github_api_for_repository_stars(site: Build) -> None:
    for html in site.html_files():
        text = html.read_text(encoding="utf-8")
        assert "api.github.com" not in text, html
        # Material's JavaScript fetches stars and forks for this component only.
        assert 'data-md-component="source"' not in text, html
    header_link = site.page("").select_one(".md-header a.md-source")
    assert header_link["href"] == repo_url()
