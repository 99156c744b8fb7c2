"""Search engines and sharing, checked over the built HTML (no browser): every page in
the sitemap has a canonical URL, a description, Open Graph and Twitter card tags with its
own card image, and JSON-LD Article data; robots.txt points at the sitemap."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from PIL import Image

from tests.support import ROOT, Build

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
        assert meta(soup, name="twitter:card") == "summary_large_image"


def test_every_page_shares_its_own_card(site: Build) -> None:
    """og:image and twitter:image name a 1200x630 PNG that the build wrote for that page."""
    cards = {}
    for path in sitemap_paths(site):
        soup = site.page(path)
        image = meta(soup, property="og:image")
        assert meta(soup, name="twitter:image") == image, path
        assert image.startswith(site.url), image  # absolute, as Open Graph requires
        with Image.open(site.site / image.removeprefix(site.url)) as card:
            assert (card.format, card.size) == ("PNG", (1200, 630)), path
        assert meta(soup, property="og:image:alt").startswith(meta(soup, property="og:title"))
        cards[path] = (site.site / image.removeprefix(site.url)).read_bytes()
    assert len(set(cards.values())) == len(cards), "two pages share one card"


def json_ld(soup: BeautifulSoup, kind: str = "Article") -> dict:
    """The page's one JSON-LD block of this @type (the FAQ page also has a FAQPage)."""
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    found = [block for block in blocks if block["@type"] == kind]
    assert len(found) == 1, blocks
    return found[0]


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
    assert soup.find("meta", property="og:image") is None


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
