"""macros/render.py: escaped text, one row per entry, sources and dates, Flask on the left."""

from __future__ import annotations

import dataclasses

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from macros import render
from macros.data import FRAMEWORKS, SiteData
from tests.support import ROOT


def soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def link(target: str) -> tuple[str, str]:
    """A stand-in for MkDocs' links: the docs path becomes the href, as-is."""
    return f"/{target}", target


def with_dimension(data: SiteData, dimension_id: str, **changes) -> SiteData:
    dimensions = [
        {**item, **changes} if item["id"] == dimension_id else item for item in data.dimensions
    ]
    return dataclasses.replace(data, dimensions=dimensions)


def test_script_in_a_value_renders_as_visible_text(data: SiteData) -> None:
    evil = with_dimension(data, "routing", flask="<script>alert(1)</script> & `<b>`")
    markup = render.comparison_table(evil, ids=["routing"], link=link)
    assert "<script" not in markup and "<b>" not in markup
    cell = soup(markup).select("tbody td")[0]
    assert cell.get_text() == "<script>alert(1)</script> & <b>"
    assert cell.code.get_text() == "<b>"


def test_quotes_in_a_source_url_cannot_break_out_of_the_attribute(data: SiteData) -> None:
    sources = [
        {"title": '"><img src=x onerror=alert(1)>', "url": 'https://x.example/"onmouseover="'}
    ]
    markup = render.comparison_table(
        with_dimension(data, "routing", sources=sources), ids=["routing"], link=link
    )
    anchor = soup(markup).select_one("tbody a[href^='https://x.example']")
    assert anchor["href"] == 'https://x.example/"onmouseover="'
    assert not anchor.has_attr("onmouseover") and soup(markup).find("img") is None


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions, as MkDocs runs it."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


# Data text an author (or an attacker) might type, as the reader must see it.
AS_WRITTEN = [
    "plain",
    "2.0 ([release notes](javascript:alert(1)))",
    "![x](https://evil.example/track.png)",
    "**bold** _em_ ~~gone~~ ==mark==",
    "a\n\n# heading\n\n- item",
    "- item",
    "1. first",
    "text {: onclick=alert(1) }",
    ":warning: emoji",
    "a | b | c",
    "note[^1] \\*escaped\\*",
    "<script>alert(1)</script> & <b>",
    "a ` lone backtick",
    '--8<-- "../mkdocs.yml"',
]


@pytest.mark.parametrize("text", AS_WRITTEN)
@pytest.mark.parametrize("where", ["Before {} after.", "## {}"], ids=["paragraph", "heading"])
def test_inline_text_stays_text_through_the_sites_markdown(
    site_markdown: markdown.Markdown, text: str, where: str
) -> None:
    site_markdown.reset()
    html = soup(site_markdown.convert(where.format(render.inline(text))))
    for permalink in html.select("a.headerlink"):  # the toc extension's ¶ on headings
        permalink.decompose()
    assert {tag.name for tag in html.find_all()} <= {"p", "h2"}, html
    assert html.get_text() == where.format(" ".join(text.split())).removeprefix("## "), html


def test_inline_code_is_the_one_markup(site_markdown: markdown.Markdown) -> None:
    html = soup(site_markdown.convert(render.inline("use `path(*args)` and `[x](y)`")))
    assert [code.get_text() for code in html.find_all("code")] == ["path(*args)", "[x](y)"]
    assert html.get_text() == "use path(*args) and [x](y)"


def test_one_row_per_dimension_of_each_category(data: SiteData) -> None:
    for category in data.categories:
        rows = soup(render.comparison_table(data, category=category, link=link)).select("tbody tr")
        expected = [d["id"] for d in data.dimensions if d["category"] == category]
        assert [row["data-dimension"] for row in rows] == expected


def test_all_dimensions_without_arguments(data: SiteData) -> None:
    rows = soup(render.comparison_table(data, link=link)).select("tbody tr")
    assert len(rows) == len(data.dimensions)


def test_ids_keep_the_order_given(data: SiteData) -> None:
    rows = soup(render.comparison_table(data, ids=["orm", "routing"], link=link)).select("tbody tr")
    assert [row["data-dimension"] for row in rows] == ["orm", "routing"]


def test_flask_column_is_left_of_django(data: SiteData) -> None:
    table = soup(render.comparison_table(data, ids=["routing"], link=link))
    assert [th.get_text() for th in table.select("thead th")] == [
        "Topic",
        "Flask",
        "Django",
        "Sources",
    ]
    flask_cell, django_cell, _ = table.select("tbody td")
    routing = next(d for d in data.dimensions if d["id"] == "routing")
    assert flask_cell.get_text() == routing["flask"].replace("`", "")
    assert django_cell.get_text() == routing["django"].replace("`", "")


def answered(data: SiteData) -> list[dict]:
    """The dimensions with a FastAPI answer in the data."""
    return [d for d in data.dimensions if "fastapi" in d]


def test_fastapi_column_comes_third_only_when_asked_with_its_sources_last(
    data: SiteData,
) -> None:
    row = answered(data)[0]
    assert [
        th.get_text()
        for th in soup(render.comparison_table(data, ids=[row["id"]], link=link)).select("thead th")
    ] == ["Topic", "Flask", "Django", "Sources"]
    table = soup(render.comparison_table(data, ids=[row["id"]], link=link, fastapi=True))
    assert [th.get_text() for th in table.select("thead th")] == [
        "Topic",
        "Flask",
        "Django",
        "FastAPI",
        "Sources",
    ]
    fastapi_cell = table.select("tbody td")[2]
    assert fastapi_cell.get_text() == row["fastapi"]["value"].replace("`", "")
    links = [a["href"] for a in table.select("tbody td:last-child a")]
    cited = row["sources"] + row["fastapi"]["sources"]
    assert links == list(dict.fromkeys(s["url"] for s in cited))


def test_fastapi_column_over_a_row_without_an_answer_names_it(data: SiteData) -> None:
    without = next(d["id"] for d in data.dimensions if "fastapi" not in d)
    with pytest.raises(render.MacroError) as caught:
        render.comparison_table(
            data, ids=[answered(data)[0]["id"], without], link=link, fastapi=True
        )
    assert str(caught.value).startswith(f"no FastAPI answer for {without}; rows with one: ")


def test_fastapi_answers_count_towards_the_verified_date(data: SiteData) -> None:
    row = answered(data)[0]
    older = with_dimension(data, row["id"], fastapi={**row["fastapi"], "verified": "2025-03-02"})
    time = soup(render.comparison_table(older, ids=[row["id"]], link=link, fastapi=True))
    assert time.select_one("[data-verified] time")["datetime"] == "2025-03-02"
    plain = soup(render.comparison_table(older, ids=[row["id"]], link=link))
    assert plain.select_one("[data-verified] time")["datetime"] == row["verified"]


def test_every_row_links_each_cited_page_once(data: SiteData) -> None:
    by_id = {d["id"]: d for d in data.dimensions}
    for row in soup(render.comparison_table(data, link=link)).select("tbody tr"):
        links = [a["href"] for a in row.select("td:last-child a")]
        sources = by_id[row["data-dimension"]]["sources"]
        assert links == list(dict.fromkeys(s["url"] for s in sources))


def test_a_source_link_carries_its_quotes_and_a_secondary_one_says_so(data: SiteData) -> None:
    sources = [
        {"title": "Docs", "url": "https://docs.example/a", "quote": 'He said "hi" & left.'},
        {"title": "Docs again", "url": "https://docs.example/a", "quote": "Second passage."},
        {
            "title": "Blog",
            "url": "https://blog.example/",
            "quote": "We use it.",
            "kind": "secondary",
        },
    ]
    cell = soup(
        render.comparison_table(
            with_dimension(data, "routing", sources=sources, verified="2026-02-03"),
            ids=["routing"],
            link=link,
        )
    ).select_one("tbody td:last-child")
    docs, blog = cell.select("a")
    assert docs["title"] == '“He said "hi" & left.” … “Second passage.”'
    assert blog["title"] == "“We use it.”"
    assert cell.get_text().count(render.SECONDARY) == 1
    assert blog.next_sibling.strip() == f"({render.SECONDARY})"
    checked = cell.select_one("[data-checked] time")
    assert (checked["datetime"], checked.get_text()) == ("2026-02-03", "3 February 2026")


def all_sources(data: SiteData) -> list[dict]:
    """Every source in the data, found by walking it (not by the function under test)."""
    found, stack = [], [data.frameworks, data.facts, data.dimensions, data.claims, data.decision]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found += node.get("sources", [])
            stack += [value for key, value in node.items() if key != "sources"]
        elif isinstance(node, list):
            stack += node
    return found


def test_citation_counts_follow_the_data(data: SiteData) -> None:
    sources = all_sources(data)
    secondary = [s for s in sources if s.get("kind") == "secondary"]
    unquoted = [s for s in sources if "quote" not in s]
    counts = soup(render.citation_counts(data)).select_one("[data-citations]")
    assert int(counts["data-citations"]) == len(sources)
    assert int(counts["data-secondary"]) == len(secondary)
    assert int(counts["data-unquoted"]) == len(unquoted)
    assert int(counts["data-checked"]) == len(sources) - len(secondary) - len(unquoted)
    assert f"{counts['data-checked']} of them are machine-checked" in counts.get_text()


def test_secondary_sources_are_listed_once_each_with_their_quotes(data: SiteData) -> None:
    secondary = [s for s in all_sources(data) if s.get("kind") == "secondary"]
    items = soup(render.secondary_sources(data)).select("[data-sources=secondary] > li")
    hrefs = [li.a["href"] for li in items]
    assert sorted(hrefs) == sorted({s["url"] for s in secondary})  # each page once
    text = " ".join(li.get_text() for li in items)
    assert all(source["quote"] in text for source in secondary)


def test_table_shows_the_oldest_verified_date_of_its_rows(data: SiteData) -> None:
    older = with_dimension(data, "orm", verified="2026-01-05")
    markup = soup(render.comparison_table(older, category="data", link=link))
    time = markup.select_one("[data-verified] time")
    assert time["datetime"] == "2026-01-05" and time.get_text() == "5 January 2026"
    assert "Last verified" in markup.select_one("[data-verified]").get_text()


def test_notes_and_guide_links(data: SiteData) -> None:
    markup = soup(render.comparison_table(data, ids=["async"], link=link))
    async_row = next(d for d in data.dimensions if d["id"] == "async")
    assert markup.select_one("tbody th a")["href"] == link(async_row["guide"])[0]
    assert markup.select_one("[data-notes] li").get_text().startswith("Async views:")


def test_pros_cons_lists_the_framework_and_kind_in_article_order(data: SiteData) -> None:
    items = soup(render.pros_cons(data, "flask", "pro", link=link)).select("ol > li")
    expected = sorted(
        (c for c in data.claims if c["framework"] == "flask" and c["kind"] == "pro"),
        key=lambda c: c["number"],
    )
    assert [li["data-claim"] for li in items] == [c["id"] for c in expected]
    assert [int(li["value"]) for li in items] == [c["number"] for c in expected]
    for li, claim in zip(items, expected, strict=True):
        assert [a["href"] for a in li.select("small a[href^='https://']")] == list(
            dict.fromkeys(s["url"] for s in claim["sources"])
        )
        assert render.VERDICTS[claim["verdict"]] in li.get_text()


def test_when_to_choose_lists_only_when_points(data: SiteData) -> None:
    items = soup(render.when_to_choose(data, "django", link=link)).select("ol > li")
    ids = [c["id"] for c in data.claims if c["framework"] == "django" and c["kind"] == "when"]
    assert sorted(li["data-claim"] for li in items) == sorted(ids)


def test_corrected_claims_are_exactly_the_outdated_wrong_and_unsupported(data: SiteData) -> None:
    rows = soup(render.corrected_claims(data, link=link)).select("tbody tr")
    expected = [
        c["id"] for c in data.claims if c["verdict"] in ("outdated", "wrong", "unsupported")
    ]
    assert [row["data-claim"] for row in rows] == expected
    assert all(row.select("td:last-child a[href^='https://']") for row in rows)


@pytest.mark.parametrize("framework", list(FRAMEWORKS))
def test_tutorial_steps_are_the_frameworks_tutorial_claims_in_the_articles_order(
    data: SiteData, framework: str
) -> None:
    rows = soup(render.tutorial_steps(data, framework)).select("tbody tr")
    steps = [c for c in data.claims if c["framework"] == framework and c["kind"] == "tutorial"]
    assert [row["data-claim"] for row in rows] == [step["id"] for step in steps]
    for row, step in zip(rows, steps, strict=True):
        # No id: a corrected step also has a row in corrected_claims(), which owns the anchor.
        assert not row.has_attr("id")
        assert row["data-verdict"] == step["verdict"]
        assert row.select_one("th .fvd-verdict").get_text() == render.VERDICTS[step["verdict"]]
        assert [a["href"] for a in row.select("td:last-child a[href^='https://']")] == list(
            dict.fromkeys(s["url"] for s in step["sources"])
        )


def test_versions(data: SiteData) -> None:
    for name, framework in data.frameworks.items():
        supported = [r for r in framework["releases"] if r["status"] != "end-of-life"]
        current = next(r for r in supported if r["status"] == "current")
        assert render.version(data, name) == current["latest"]
        assert render.version(data, name, "tested") == framework["tested"]
        assert render.version(data, name, "tested-python") == framework["tested_python"]
        if "tested_lts" in framework:
            assert render.version(data, name, "tested-lts") == framework["tested_lts"]
        lts = [r for r in supported if r["lts"]]
        if lts:
            newest = max(lts, key=lambda r: [int(n) for n in r["series"].split(".")])
            assert render.version(data, name, "lts") == newest["latest"]


def test_fact_is_escaped_inline_text(data: SiteData) -> None:
    facts = {"x": {"value": 'run `pip install "flask[async]"` & wait'}}
    assert render.fact(dataclasses.replace(data, facts=facts), "x") == (
        "run <code>pip install &quot;flask&#91;async&#93;&quot;</code> &amp; wait"
    )


def bad_calls(data: SiteData) -> dict:
    """Calls a page might get wrong, and the start of the message each must give."""
    frameworks = ", ".join(repr(name) for name in data.frameworks)
    categories = ", ".join(repr(name) for name in data.categories)
    first_dimension = repr(data.dimensions[0]["id"])
    first_fact = repr(sorted(data.facts)[0])
    return {
        "unknown-framework": (
            lambda: render.version(data, "rails"),
            f"unknown framework 'rails'; allowed: {frameworks}",
        ),
        "unknown-version-kind": (
            lambda: render.version(data, "django", "newest"),
            "unknown version kind 'newest'; allowed: 'current', 'tested', 'lts', 'tested-lts', "
            "'tested-python'",
        ),
        "no-tested-lts": (
            lambda: render.version(data, "flask", "tested-lts"),
            "Flask has no 'tested_lts' in data/comparison.yml",
        ),
        "flask-has-no-lts": (
            lambda: render.version(data, "flask", "lts"),
            "Flask has no supported LTS release; allowed: 'current', 'tested'",
        ),
        "unknown-kind": (
            lambda: render.pros_cons(data, "flask", "pros", link=link),
            "unknown kind 'pros'; allowed: 'pro', 'con'",
        ),
        "pros-cons-unknown-framework": (
            lambda: render.pros_cons(data, "Flask", "pro", link=link),
            f"unknown framework 'Flask'; allowed: {frameworks}",
        ),
        "unknown-category": (
            lambda: render.comparison_table(data, category="frontend", link=link),
            f"unknown category 'frontend'; allowed: {categories}",
        ),
        "unknown-dimension": (
            lambda: render.comparison_table(data, ids=["routing", "orms"], link=link),
            f"unknown dimension id 'orms'; allowed: {first_dimension}",
        ),
        "ids-as-string": (
            lambda: render.comparison_table(data, ids="routing", link=link),
            "ids must be a list of dimension ids",
        ),
        "unknown-fact": (
            lambda: render.fact(data, "flask-lts"),
            f"unknown fact id 'flask-lts'; allowed: {first_fact}",
        ),
        "tutorial-unknown-framework": (
            lambda: render.tutorial_steps(data, "rails"),
            f"unknown framework 'rails'; allowed: {frameworks}",
        ),
        "no-tutorial-steps": (
            lambda: render.tutorial_steps(
                dataclasses.replace(
                    data, claims=[c for c in data.claims if c["kind"] != "tutorial"]
                ),
                "flask",
            ),
            "claims.yml has no tutorial steps for 'flask'",
        ),
    }


def test_bad_macro_call_names_the_argument_and_the_allowed_values(data: SiteData) -> None:
    for name, (call, message) in bad_calls(data).items():
        with pytest.raises(render.MacroError) as caught:
            call()
        assert str(caught.value).startswith(message), (name, str(caught.value))


def test_each_cell_names_its_column_for_the_phone_cards(data: SiteData) -> None:
    """On a phone a row becomes a card; each value shows its column's name (data-label)."""
    for markup in (
        render.comparison_table(data, link=link),
        render.comparison_table(data, ids=["orm"], link=link, sources=False),
        render.corrected_claims(data, link=link),
        *(render.tutorial_steps(data, name) for name in FRAMEWORKS),
    ):
        table = soup(markup)
        heads = [th.get_text() for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            cells = row.find_all(["th", "td"])
            assert len(cells) == len(heads)
            assert [td["data-label"] for td in cells[1:]] == heads[1:]


def test_glance_table_has_no_sources_column_and_does_not_claim_one(data: SiteData) -> None:
    markup = soup(render.comparison_table(data, ids=["orm"], link=link, sources=False))
    assert [th.get_text() for th in markup.select("thead th")] == ["Topic", "Flask", "Django"]
    assert not markup.select("tbody a[href^='https://']")
    assert "sources" not in markup.select_one("[data-verified]").get_text()
