"""The built side-by-side pages: tab labels, resolved snippets, descriptions."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, Build
from tests.examples.test_coverage_guard import includes

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
            for target in includes((ROOT / "docs/side-by-side" / f"{topic}.md").read_text())
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


def test_pages_name_the_versions_the_samples_run_on(site: Build) -> None:
    """The versions printed by the version() macro are the ones this suite tests."""
    from importlib.metadata import version

    text = " ".join(site.page("side-by-side/first-app/").get_text().split())
    assert f"Flask {version('flask')}" in text
    assert f"Django {version('django')}" in text
    assert f"FastAPI {version('fastapi')}" in text
