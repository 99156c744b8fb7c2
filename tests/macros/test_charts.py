"""macros/charts.py on small synthetic charts: geometry, spread, escaping, accessibility,
and a colour for every framework the site shows."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.charts import LONGEST, Bar, Chart, Group, bar_chart, data_table
from macros.data import SHOWN_FRAMEWORKS
from tests.support import DOCS

CHARTS_CSS = DOCS / "assets" / "stylesheets" / "charts.css"


def chart(**changes) -> Chart:
    values = {
        "id": "chart-test",
        "title": "Requests",
        "description": "Longer is better.",
        "unit": "requests per second",
        "groups": (
            Group(
                "JSON",
                (
                    Bar("Flask", 300, "chart-flask", low=280, high=310),
                    Bar("Django", 150, "chart-django"),
                ),
                ratio="2.00 times",
            ),
            Group("Plain text", (Bar("Flask", 600, "chart-flask", note="gunicorn"),)),
        ),
    }
    return Chart(**{**values, **changes})


def svg(markup: str):
    return BeautifulSoup(markup, "html.parser").find("svg")


def test_bars_are_proportional_and_the_largest_fills_the_longest_share() -> None:
    rects = svg(bar_chart(chart())).find_all("rect")
    widths = [float(rect["width"].rstrip("%")) for rect in rects]
    assert widths == [LONGEST / 2, LONGEST / 4, LONGEST]
    assert [rect["class"] for rect in rects] == [
        ["chart-bar", "chart-flask"],
        ["chart-bar", "chart-django"],
        ["chart-bar", "chart-flask"],
    ]


def test_a_spread_draws_a_whisker_and_pushes_the_value_past_it() -> None:
    drawing = svg(bar_chart(chart()))
    lines = drawing.find_all("line", class_="chart-spread")
    assert len(lines) == 3  # one bar has a spread: the span and its two ends
    span = lines[0]
    assert (span["x1"], span["x2"]) == (
        f"{round(280 / 600 * LONGEST, 2)}%",
        f"{round(310 / 600 * LONGEST, 2)}%",
    )
    first_value = drawing.find_all("text", class_="chart-value")[0]
    assert first_value.text == "300"
    assert float(first_value["x"].rstrip("%")) == pytest.approx(310 / 600 * LONGEST, abs=0.01)


def test_the_svg_is_an_image_with_a_title_and_a_description_of_every_value() -> None:
    drawing = svg(bar_chart(chart()))
    assert drawing["role"] == "img"
    title, desc = drawing.find("title"), drawing.find("desc")
    assert drawing["aria-labelledby"] == f"{title['id']} {desc['id']}"
    assert title.text == "Requests"
    assert desc.text == (
        "Longer is better. Values in requests per second. "
        "JSON, 2.00 times: Flask: 300 (from 280 to 310); Django: 150. "
        "Plain text: Flask (gunicorn): 600."
    )


def test_text_from_data_is_escaped() -> None:
    markup = bar_chart(chart(title="<script>alert(1)</script>"))
    assert "<script>" not in markup
    assert svg(markup).find("title").text == "<script>alert(1)</script>"


def test_the_data_table_holds_the_same_numbers() -> None:
    table = BeautifulSoup(
        data_table(chart(group_heading="Endpoint", bar_heading="Framework")), "html.parser"
    )
    assert [th.text for th in table.find_all("th")] == [
        "Endpoint",
        "Framework",
        "Requests per second",
        "Spread",
        "Ratio",
    ]
    rows = [[td.text for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    assert rows == [
        ["JSON", "Flask", "300", "280\N{EN DASH}310", "2.00 times"],
        ["", "Django", "150", "", ""],
        ["Plain text", "Flask (gunicorn)", "600", "", ""],
    ]


def test_a_group_without_bars_is_refused() -> None:
    with pytest.raises(ValueError, match="chart-test"):
        bar_chart(chart(groups=(Group("Empty", ()),)))


def rules(css: str) -> dict[str, str]:
    """Selector -> declarations, for the flat rules charts.css holds."""
    found: dict[str, str] = {}
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        key = " ".join(selector.split())
        found[key] = found.get(key, "") + body
    return found


@pytest.mark.parametrize("framework", SHOWN_FRAMEWORKS)
def test_every_framework_shown_has_a_bar_colour_in_both_palettes(framework: str) -> None:
    """A bar's class is chart-<key>; the colour is set for the light and the dark scheme."""
    css = rules(CHARTS_CSS.read_text(encoding="utf-8"))
    fill = css[f".md-typeset .chart .chart-{framework}"]
    assert f"fill: var(--chart-{framework})" in fill
    for palette in (":root", '[data-md-color-scheme="slate"]'):
        assert re.search(
            rf"--chart-{framework}:\s*var\(--fvd-{framework}, #[0-9a-f]{{6}}\)", css[palette]
        )
