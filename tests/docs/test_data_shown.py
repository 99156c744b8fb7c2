"""The built site shows exactly the data: every table row, every source, every version."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.data import SiteData
from tests.support import Build, dump_data, mkdocs_build


def comparison_tables(site: Build) -> list[tuple[str, object]]:
    found = []
    for html in site.html_files():
        page = site.page(str(html.relative_to(site.site)))
        found += [(str(html.relative_to(site.site)), t) for t in page.select("table[data-table]")]
    return found


def test_comparison_page_has_one_table_per_category_with_every_dimension(
    site: Build, data: SiteData
) -> None:
    page = site.page("guide/comparison/")
    tables = page.select("article table[data-table='comparison']")
    assert [t["data-category"] for t in tables] == list(data.categories)
    for table in tables:
        rows = [tr["data-dimension"] for tr in table.select("tbody tr")]
        expected = [d["id"] for d in data.dimensions if d["category"] == table["data-category"]]
        assert rows == expected
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    assert [c["name"] for c in data.categories.values()] == headings[: len(data.categories)]


def test_every_rendered_row_on_the_site_matches_the_data_and_links_its_sources(
    site: Build, data: SiteData
) -> None:
    dimensions = {d["id"]: d for d in data.dimensions}
    claims = {c["id"]: c for c in data.claims}
    tables = comparison_tables(site)
    assert tables, "no data table on the site"
    for where, table in tables:
        sourced = table.find("th", string="Sources") is not None  # not the home page's glance
        with_fastapi = table.find("th", string="FastAPI") is not None
        for row in table.select("tbody tr"):
            entry = dimensions.get(row.get("data-dimension")) or claims[row["data-claim"]]
            cited = entry["sources"] + (entry["fastapi"]["sources"] if with_fastapi else [])
            links = [a["href"] for a in row.select("td[data-label='Sources'] a")]
            expected = list(dict.fromkeys(s["url"] for s in cited)) if sourced else []
            assert links == expected, (where, row)
        assert table.find_next_sibling(attrs={"data-verified": True}), where


def test_every_claim_list_on_the_site_matches_the_data(site: Build, data: SiteData) -> None:
    for html in site.html_files():
        page = site.page(str(html.relative_to(site.site)))
        for listing in page.select("ol[data-list]"):
            kinds = listing["data-list"].split("-")
            expected = [
                c["id"]
                for c in data.claims
                if c["framework"] == listing["data-framework"] and c["kind"] in kinds
            ]
            shown = [li["data-claim"] for li in listing.select(":scope > li")]
            assert sorted(shown) == sorted(expected), html
            assert all(li.select("a[href^='https://']") for li in listing.select(":scope > li"))


def test_versions_on_the_site_equal_the_data_file(site: Build, data: SiteData) -> None:
    text = " ".join(site.page("guide/comparison/").select_one("article").get_text().split())
    flask, django = data.frameworks["flask"], data.frameworks["django"]
    current = {
        name: next(r["latest"] for r in fw["releases"] if r["status"] == "current")
        for name, fw in data.frameworks.items()
    }
    lts = next(r["latest"] for r in django["releases"] if r["lts"])
    assert f"Flask {current['flask']} and Django {current['django']}" in text
    assert f"(Django {lts} is the current long-term support release" in text
    assert f"Flask {flask['tested']} and Django {django['tested']}." in text
    assert data.facts["django-lts-security-until"]["value"] in text


def test_serve_watches_the_data_files_and_macros() -> None:
    """Without `watch`, editing data/*.yml would not rebuild the site under `mkdocs serve`."""
    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text()
    watch = re.search(r"^watch:\n((?:  - .+\n)+)", config, re.MULTILINE)
    assert watch and {"data", "macros"} <= set(re.findall(r"- (\S+)", watch.group(1)))


# Markdown and emoji syntax an author (or an attacker) might type into data text.
AS_WRITTEN = "[x](javascript:alert(1)) **b** :warning:"


def text_fields(schema: object) -> set[str]:
    """Names of the properties a schema declares as reader-facing text ($defs/text)."""
    if isinstance(schema, dict):
        found = {
            name
            for name, value in schema.get("properties", {}).items()
            if value.get("$ref") == "#/$defs/text"
        }
        return found.union(*(text_fields(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(text_fields(value) for value in schema))
    return set()


def with_text_appended(node: object, fields: set[str], text: str) -> object:
    """The data with `text` after every text value. Headings then get other anchors,
    so `guide` links lose theirs."""
    if isinstance(node, dict):
        return {
            key: value + text
            if key in fields and isinstance(value, str)
            else value.partition("#")[0]
            if key == "guide"
            else with_text_appended(value, fields, text)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [with_text_appended(value, fields, text) for value in node]
    return node


@pytest.mark.long
def test_markdown_in_any_data_text_shows_as_written_on_every_page(project_copy: Path) -> None:
    """Macros and page loops alike: no link, emphasis, emoji or heading comes from data."""
    for schema in (project_copy / "data").glob("*.schema.json"):
        path = schema.with_name(schema.name.removesuffix(".schema.json") + ".yml")
        fields = text_fields(json.loads(schema.read_text()))
        content = with_text_appended(
            yaml.safe_load(path.read_text()), fields, f" {AS_WRITTEN}\n\n# h"
        )
        path.write_text(dump_data(content), encoding="utf-8")
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.log
    for html in build.html_files():
        page = build.page(str(html.relative_to(build.site)))
        assert not page.select("[href^='javascript:' i], [src^='javascript:' i]"), html
        assert not [tag for tag in page.select("strong, em") if tag.get_text() == "b"], html
        assert not [tag for tag in page.select("h1, h2") if tag.get_text().strip("¶") == "h"], html
    for path in (
        "guide/comparison/",
        "guide/corrections/",
        "side-by-side/routing/",
        "guide/decide/",
    ):
        text = " ".join(build.page(path).select_one("article").get_text().split())
        assert f"{AS_WRITTEN} # h" in text, path
