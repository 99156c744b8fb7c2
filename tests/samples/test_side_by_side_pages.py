"""The built side-by-side pages: tab labels, resolved snippets, descriptions, the
versions they name, the Django docs they link and the quotes in those links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import SiteData
from scripts import quotes
from tests.samples.test_coverage_guard import DOCS, declared, includes
from tests.support import Build

TOPICS = [
    "first-app",
    "routing",
    "templates",
    "models",
    "forms",
    "auth-admin",
    "json-apis",
    "async",
    "testing",
    "deployment",
]


def fastapi_topics() -> list[str]:
    """The side-by-side pages whose source includes a FastAPI sample."""
    return [
        topic
        for topic in TOPICS
        if any(
            target.startswith("fastapi/")
            for target in includes((DOCS / "side-by-side" / f"{topic}.md").read_text())
        )
    ]


def tab_labels(tab_set) -> list[str]:
    return [
        label.get_text(strip=True) for label in tab_set.select(":scope > .tabbed-labels > label")
    ]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_tab_set_is_flask_then_django_then_fastapi_where_it_has_code(
    site: Build, topic: str
) -> None:
    page = site.page(f"side-by-side/{topic}/")
    tab_sets = page.select("div.tabbed-set")
    assert tab_sets, f"{topic}: no tabs"
    for tab_set in tab_sets:
        labels = tab_labels(tab_set)
        assert labels in (["Flask", "Django"], ["Flask", "Django", "FastAPI"]), f"{topic}: {labels}"
        if labels[-1] == "FastAPI":
            assert topic in fastapi_topics(), f"{topic}: a FastAPI tab but no FastAPI sample"
            panel = tab_set.select(":scope > .tabbed-content > .tabbed-block")[-1]
            assert panel.get_text(strip=True), f"{topic}: an empty FastAPI tab"


def test_pages_with_fastapi_samples_show_them_in_fastapi_tabs(site: Build) -> None:
    assert fastapi_topics(), "no side-by-side page includes a FastAPI sample"
    for topic in fastapi_topics():
        page = site.page(f"side-by-side/{topic}/")
        fastapi_sets = [s for s in page.select("div.tabbed-set") if "FastAPI" in tab_labels(s)]
        code = [
            s.select(":scope > .tabbed-content > .tabbed-block")[-1].select("pre")
            for s in fastapi_sets
        ]
        assert any(code), f"{topic}: FastAPI samples included but no FastAPI tab shows code"


@pytest.mark.parametrize("topic", TOPICS)
def test_code_blocks_hold_resolved_samples(site: Build, topic: str) -> None:
    page = site.page(f"side-by-side/{topic}/")
    blocks = [block.get_text() for block in page.select("div.highlight pre")]
    assert len(blocks) >= 2
    for code in blocks:
        assert "--8<--" not in code, f"{topic}: an include or a section marker leaked"
        assert code.strip(), f"{topic}: an empty code block"


@pytest.mark.parametrize("topic", ["index", *TOPICS])
def test_pages_have_a_description_and_no_placeholder(site: Build, topic: str) -> None:
    page = site.page("side-by-side/" if topic == "index" else f"side-by-side/{topic}/")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 50 and "placeholder" not in description
    assert "This page is being written" not in page.get_text()


def url_of(page: Path) -> str:
    """docs/a/b.md is served at a/b/, docs/a/index.md at a/."""
    path = page.relative_to(DOCS).with_suffix("").as_posix()
    return "" if path == "index" else f"{path.removesuffix('/index')}/"


def text_of(site: Build, url_path: str) -> str:
    return " ".join(site.page(url_path).get_text().split())


def test_pages_name_every_version_the_matrix_tests(site: Build, data: SiteData) -> None:
    flask, django = data.frameworks["flask"], data.frameworks["django"]
    for url_path in ("side-by-side/", "side-by-side/first-app/"):
        text = text_of(site, url_path)
        assert f"Flask {flask['tested']}" in text, url_path
        assert f"Django {django['tested']}" in text, url_path
        assert f"Django {django['tested_lts']} LTS" in text, url_path
        assert f"Python {django['tested_python']}" in text, url_path
    fastapi = data.facts["fastapi-tested"]["value"]
    for topic in fastapi_topics():
        assert f"FastAPI {fastapi}" in text_of(site, f"side-by-side/{topic}/"), topic


@pytest.mark.parametrize("topic", TOPICS)
def test_each_page_says_it_runs_on_both_releases(site: Build, data: SiteData, topic: str) -> None:
    django = data.frameworks["django"]
    section = site.page(f"side-by-side/{topic}/").find(id="django-versions")
    assert section, f"{topic}: no 'Django versions' section"
    text = " ".join(section.find_next("p").get_text().split())
    assert f"Django {django['tested']}" in text and f"Django {django['tested_lts']} LTS" in text


def test_only_pages_whose_samples_the_matrix_tests_claim_the_lts(
    site: Build, data: SiteData
) -> None:
    """ "Runs on the LTS" is proved by tests/examples, which tox runs on every combination."""
    claim = f"Django {data.frameworks['django']['tested_lts']} LTS: the tests run"
    covered = declared()
    claiming = [page for page in sorted(DOCS.rglob("*.md")) if claim in text_of(site, url_of(page))]
    assert len(claiming) >= len(TOPICS)
    for page in claiming:
        shown = includes(page.read_text(encoding="utf-8"))
        assert shown, f"{page.name} claims the LTS but shows no sample"
        untested = [s for s in shown if s not in covered and s.split(":")[0] not in covered]
        assert not untested, f"{page.name}: {untested}"


def test_django_docs_links_follow_the_release_the_pages_show(site: Build, data: SiteData) -> None:
    series = ".".join(data.frameworks["django"]["tested"].split(".")[:2])
    for topic in ["index", *TOPICS]:
        page = site.page("side-by-side/" if topic == "index" else f"side-by-side/{topic}/")
        for link in page.select("article a[href^='https://docs.djangoproject.com/']"):
            assert re.match(
                rf"https://docs\.djangoproject\.com/en/{re.escape(series)}/", link["href"]
            ), f"{topic}: {link['href']}"


def test_quoted_links_quote_the_docs_of_the_release_they_link() -> None:
    """Each `[text](url "quote")` on these pages is found in that release's docs."""
    store = quotes.Store()
    pages = sorted((DOCS / "side-by-side").glob("*.md"))
    citations = [
        citation
        for page in pages
        for citation in quotes.markdown_citations(
            page.read_text(encoding="utf-8"), f"docs/side-by-side/{page.name}", store.pins
        )
    ]
    assert len(citations) >= len(pages)
    problems = [line for citation in citations if (line := quotes.check(citation, store))]
    assert not problems, "\n".join(problems)
