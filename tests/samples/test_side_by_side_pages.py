"""The built side-by-side pages: tab labels, resolved snippets, descriptions."""

from __future__ import annotations

import pytest

from tests.conftest import Build

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


@pytest.mark.parametrize("topic", TOPICS)
def test_every_tab_set_is_flask_then_django(site: Build, topic: str) -> None:
    page = site.page(f"side-by-side/{topic}/")
    tab_sets = page.select("div.tabbed-set")
    assert tab_sets, f"{topic}: no tabs"
    for tab_set in tab_sets:
        labels = [
            label.get_text(strip=True)
            for label in tab_set.select(":scope > .tabbed-labels > label")
        ]
        assert labels == ["Flask", "Django"], f"{topic}: {labels}"


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
