"""macros/usage.py on small synthetic measures: chart, caveats, table, sources, errors."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from macros import usage
from macros.data import SiteData
from macros.render import SECONDARY, MacroError

MEASURE = {
    "id": "test",
    "name": "Test <shares>",
    "source_name": "test survey",
    "unit": "percent",
    "what": "Who said `yes`.",
    "caveats": ["Not a <sample>."],
    "points": [
        {
            "id": "test-1",
            "label": "Year one",
            "values": {"flask": 40, "django": 30},
            "note": "No FastAPI answer.",
            "sources": [{"title": "Report", "url": "https://a.example/", "kind": "secondary"}],
            "verified": "2026-01-02",
        },
        {
            "id": "test-2",
            "label": "Year two",
            "values": {"flask": 20, "django": 25, "fastapi": 50},
            "sources": [{"title": "Survey", "url": "https://b.example/"}],
            "verified": "2026-03-04",
        },
    ],
}


@pytest.fixture
def rendered(data: SiteData) -> BeautifulSoup:
    markup = usage.usage(dataclasses.replace(data, usage={"test": MEASURE}), "test")
    return BeautifulSoup(markup, "html.parser")


def test_a_missing_value_has_no_bar_and_says_so_in_the_table(rendered: BeautifulSoup) -> None:
    first_year = rendered.select_one('tr[data-point="test-1"]')
    assert [td.get_text() for td in first_year.find_all("td")] == ["40%", "30%", "none given"]
    assert len(rendered.select("rect.chart-fastapi")) == 1  # year two only


def test_bars_are_in_flask_django_fastapi_order_with_their_colour_classes(
    rendered: BeautifulSoup,
) -> None:
    classes = [rect["class"][-1] for rect in rendered.select("rect")]
    assert classes == [
        "chart-flask",
        "chart-django",
        "chart-flask",
        "chart-django",
        "chart-fastapi",
    ]


def test_text_is_escaped_and_sources_say_when_they_are_secondary(rendered: BeautifulSoup) -> None:
    assert rendered.select_one("ul[data-caveats] li").get_text() == "Not a <sample>."
    assert "<sample>" not in str(rendered.select_one("ul[data-caveats]"))
    sources = [li.get_text() for li in rendered.select("ul[data-sources] li")]
    assert sources == [f"Year one: Report ({SECONDARY}). No FastAPI answer.", "Year two: Survey."]
    assert rendered.select_one("[data-verified]")["data-verified"] == "2026-01-02"


def test_downloads_are_shown_in_millions(data: SiteData) -> None:
    measure = {**MEASURE, "unit": "downloads"}
    measure["points"] = [{**MEASURE["points"][1], "values": {"flask": 194_104_081}}]
    markup = usage.usage(dataclasses.replace(data, usage={"test": measure}), "test")
    assert "194.1 M" in BeautifulSoup(markup, "html.parser").select_one("tbody td").get_text()


def test_an_unknown_measure_names_the_known_ones(data: SiteData) -> None:
    with pytest.raises(MacroError, match=r"unknown measure id 'stras'; allowed: 'survey'"):
        usage.usage(data, "stras")
