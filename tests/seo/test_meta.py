"""Search engines and sharing, checked over the built HTML (no browser): every page in
the sitemap has a canonical URL, a description, Open Graph and Twitter card tags and
JSON-LD Article data; robots.txt points at the sitemap."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from tests.conftest import ROOT, Build

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
SITE_DESCRIPTION = " ".join(
    re.search(r"^site_description: >-\n((?:  .*\n)+)", CONFIG, re.MULTILINE).group(1).split()
)


def sitemap_paths(site: Build) -> list[str]:
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    return [loc.removeprefix(site.url) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]


def source_of(path: str) -> Path:
    """The Markdown file a URL path was built from (use_directory_urls)."""
    base = ROOT / "docs" / path.rstrip("/")
    return base / "index.md" if (base / "index.md").exists() else base.with_suffix(".md")


def front_matter(source: Path) -> dict:
    """The page's meta data, read by MkDocs' own parser (invalid YAML gives {} there too)."""
    return get_data(source.read_text(encoding="utf-8"))[1]


def meta(soup: BeautifulSoup, **attrs: str) -> str:
    tag = soup.find("meta", attrs=attrs)
    assert tag is not None, f"no <meta {attrs}>"
    return tag["content"]


def test_sitemap_lists_every_page_but_the_404(site: Build) -> None:
    built = {
        str(path.relative_to(site.site)).removesuffix("index.html") for path in site.html_files()
    }
    assert set(sitemap_paths(site)) == built - {"404.html"}


def test_every_page_has_canonical_description_and_sharing_tags(site: Build) -> None:
    for path in sitemap_paths(site):
        soup = site.page(path)
        url = site.url + path
        canonical = soup.find_all("link", rel="canonical")
        assert [link["href"] for link in canonical] == [url], path

        description = front_matter(source_of(path)).get("description") or SITE_DESCRIPTION
        assert meta(soup, name="description") == description.strip(), path
        assert meta(soup, property="og:description") == meta(soup, name="description")
        assert meta(soup, name="twitter:description") == meta(soup, name="description")

        assert meta(soup, property="og:url") == url
        assert meta(soup, property="og:type") == ("website" if path == "" else "article")
        assert meta(soup, property="og:site_name") == "Flask vs Django"
        title = meta(soup, property="og:title")
        assert title and "{" not in title, path
        assert meta(soup, name="twitter:title") == title
        assert meta(soup, name="twitter:card") == "summary"


def json_ld(soup: BeautifulSoup) -> dict:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_every_page_has_json_ld_article(site: Build) -> None:
    for path in sitemap_paths(site):
        soup = site.page(path)
        data = json_ld(soup)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Article"
        assert data["headline"] == meta(soup, property="og:title")
        assert data["description"] == meta(soup, name="description")
        assert data["url"] == data["mainEntityOfPage"] == site.url + path
        assert data["datePublished"] == "2024-01-05"
        modified = date.fromisoformat(data["dateModified"])
        assert date(2024, 1, 5) <= modified <= date.today(), path


def test_headline_is_the_page_title(site: Build) -> None:
    """The home page is the site; any other page is its own title, as in <title>."""
    assert json_ld(site.page(""))["headline"] == "Flask vs Django"
    for path in sitemap_paths(site):
        if path:
            soup = site.page(path)
            title = soup.title.string.removesuffix(" - Flask vs Django")
            assert json_ld(soup)["headline"] == title, path


def test_404_page_is_not_indexed(site: Build) -> None:
    soup = site.page("404.html")
    assert meta(soup, name="robots") == "noindex"
    assert soup.find("link", rel="canonical") is None
    assert soup.find("script", type="application/ld+json") is None


def test_robots_txt_points_at_the_sitemap_of_this_build(site: Build) -> None:
    robots = (site.site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.MULTILINE)
    sitemap_lines = re.findall(r"^Sitemap: (\S+)$", robots, re.MULTILINE)
    # The session build uses a random port, so this proves the URL follows site_url.
    assert sitemap_lines == [site.url + "sitemap.xml"]
    assert "{{" not in robots and "{#" not in robots


def last_commit_date(source: Path) -> date | None:
    """UTC date of the last commit touching `source` (author date, as the plugin reads it)."""
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%at", "--", str(source)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return datetime.fromtimestamp(int(stamp), UTC).date() if stamp else None


def test_date_modified_is_the_git_date_when_the_plugin_gives_one(site: Build) -> None:
    for path in sitemap_paths(site):
        committed = last_commit_date(source_of(path))
        if committed:
            modified = json_ld(site.page(path))["dateModified"]
            assert modified == committed.isoformat(), path
