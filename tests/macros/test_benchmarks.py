"""macros/benchmarks.py: the Performance page shows what data/benchmarks.yml holds (ratios,
charts, the cost of batteries, conditions). A bad or partial results file is a case in
tests/macros/test_data.py."""

from __future__ import annotations

import re
import statistics

import pytest

from macros.benchmarks import Benchmarks, ratios
from macros.data import BASELINE, SHOWN_FRAMEWORKS
from macros.render import MacroError
from tests.support import Build, read_data

REAL = read_data("benchmarks.yml")
# Each framework measured against Django, and the interface they share (Flask's WSGI,
# FastAPI's ASGI), read from the setups.
COMPARED = {
    key: next(setup["interface"] for setup in REAL["setups"] if setup["framework"] == key)
    for key in REAL["frameworks"]
    if key != BASELINE
}


def result(data: dict, endpoint: str, framework: str, interface: str = "WSGI") -> dict:
    setups = {setup["id"]: setup for setup in data["setups"]}
    return next(
        entry
        for entry in data["throughput"]
        if entry["endpoint"] == endpoint
        and setups[entry["setup"]]["framework"] == framework
        and setups[entry["setup"]]["interface"] == interface
    )


def body_rows(table) -> list[list[str]]:
    """Each row's cells as text, its heading cell first."""
    return [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in table.tbody("tr")]


def median_ratio(endpoint: str, framework: str) -> float:
    """The framework ÷ Django requests per second, round by round, on their shared interface."""
    interface = COMPARED[framework]
    mine = result(REAL, endpoint, framework, interface)
    django = result(REAL, endpoint, BASELINE, interface)
    return statistics.median(
        m["requests_per_s"] / d["requests_per_s"]
        for m, d in zip(mine["runs"], django["runs"], strict=True)
    )


@pytest.mark.parametrize("framework", COMPARED)
def test_the_ratios_table_shows_each_endpoint_in_order(site: Build, framework: str) -> None:
    page = site.page("guide/performance/")
    name = SHOWN_FRAMEWORKS[framework]
    table = page.find("th", string=f"{name} ÷ Django, requests per second").find_parent("table")
    rows = body_rows(table)
    assert [row[0] for row in rows] == [endpoint["name"] for endpoint in REAL["endpoints"]]
    for row, endpoint in zip(rows, REAL["endpoints"], strict=True):
        assert row[1] == f"{median_ratio(endpoint['id'], framework):.2f}\N{MULTIPLICATION SIGN}"
    # Latency columns in the site's order: Flask, Django, FastAPI.
    latency = [th.get_text() for th in table.thead("th")][3:]
    assert latency == [
        f"Median latency, {SHOWN_FRAMEWORKS[key]}"
        for key in SHOWN_FRAMEWORKS
        if key in (framework, BASELINE)
    ]


def test_a_framework_not_compared_is_refused_with_the_allowed_ones() -> None:
    unknown = next(key for key in SHOWN_FRAMEWORKS if key not in COMPARED)
    with pytest.raises(MacroError) as caught:
        ratios(Benchmarks(REAL), unknown)
    assert str(caught.value).endswith(f"allowed: {', '.join(COMPARED)}")


def test_the_lead_gives_each_frameworks_range_against_django(site: Build) -> None:
    lead = site.page("guide/performance/").find("h1").find_next("p").get_text()
    computing = [endpoint["id"] for endpoint in REAL["endpoints"] if not endpoint["waits"]]
    for framework in COMPARED:
        ratios = [median_ratio(endpoint, framework) for endpoint in computing]
        times = "\N{MULTIPLICATION SIGN}"
        expected = f"{min(ratios):.2f}{times} to {max(ratios):.2f}{times}"
        assert f"{SHOWN_FRAMEWORKS[framework]} answered {expected}" in lead


def bar_names(page, chart_id: str) -> list[list[str]]:
    """Each group's bar labels (framework names, before any note)."""
    names: list[list[str]] = []
    for text in page.find(id=chart_id).find_all("text", class_=["chart-group", "chart-label"]):
        if "chart-group" in text["class"]:
            names.append([])
        else:
            names[-1].append(next(text.strings))
    return names


def test_every_chart_shows_frameworks_in_the_site_order(site: Build) -> None:
    page = site.page("guide/performance/")
    order = list(SHOWN_FRAMEWORKS.values())
    charts = [f"chart-throughput-{key}" for key in COMPARED]
    charts += ["chart-io", "chart-install", "chart-ready", "chart-memory"]
    for chart_id in charts:
        for group in bar_names(page, chart_id):
            assert group == sorted(group, key=order.index), (chart_id, group)
    # FastAPI's first bar in the waiting chart follows both of Django's setups.
    [first, *_] = bar_names(page, "chart-io")
    assert first == [SHOWN_FRAMEWORKS[setup["framework"]] for setup in REAL["setups"]]


def test_every_result_is_drawn_once_in_its_framework_colour(site: Build) -> None:
    page = site.page("guide/performance/")
    frameworks = {setup["id"]: setup["framework"] for setup in REAL["setups"]}
    bars = [
        rect["class"][1]
        for chart_id in (*(f"chart-throughput-{key}" for key in COMPARED), "chart-io")
        for rect in page.find(id=chart_id).find_all("rect")
    ]
    expected = [f"chart-{frameworks[entry['setup']]}" for entry in REAL["throughput"]]
    assert sorted(bars) == sorted(expected)
    for svg in page.find_all("svg", role="img"):
        assert svg.find("title").text and svg.find("desc").text


def chart_values(page, chart_id: str) -> list[float]:
    """The numbers column of the table that follows a chart."""
    table = page.find(id=chart_id).find_next("table")
    return [float(tr.find_all("td")[2].get_text().replace(",", "")) for tr in table.tbody("tr")]


def test_the_cost_of_batteries_is_on_the_page(site: Build) -> None:
    page = site.page("guide/performance/")
    table = page.find("th", string="What you install").find_parent("table")
    rows = body_rows(table)
    assert [row[:3] for row in rows] == [
        [entry["label"], str(entry["distributions"]), f"{entry['size_mib']:.1f}"]
        for entry in REAL["install"]
    ]
    for row, entry in zip(rows, REAL["install"], strict=True):
        assert row[3] == ", ".join(entry["packages"])
    # Each value names its column, so a phone shows each row as a card.
    head = [th.get_text() for th in table.thead("th")]
    assert all([td["data-label"] for td in tr("td")] == head[1:] for tr in table.tbody("tr"))
    # Medians, rounded as the charts show them: load time and first 200, then memory.
    ready = [statistics.median(entry["ms"]) for entry in REAL["load_app"]]
    ready += [statistics.median(entry["first_response_ms"]) for entry in REAL["startup"]]
    assert chart_values(page, "chart-ready") == [round(value) for value in ready]
    memory = [statistics.median(entry["worker_rss_mib"]) for entry in REAL["startup"]]
    assert chart_values(page, "chart-memory") == [round(value, 1) for value in memory]


def test_the_run_conditions_are_on_the_page(site: Build) -> None:
    text = site.page("about/benchmark/").get_text(" ")
    assert REAL["run"]["command"] in text
    assert REAL["machine"]["cpu"] in text
    for name, version in REAL["versions"].items():
        assert f"{name} {version}" in text


def test_the_comparison_row_and_the_speed_claims_link_to_the_page(site: Build) -> None:
    comparison = site.page("guide/comparison/")
    [row] = [th for th in comparison.find_all("th", scope="row") if th.get_text() == "Performance"]
    assert row.a["href"] == "../performance/"
    for page in ("guide/flask/", "guide/django/"):
        claim_links = site.page(page).find_all("a", string=re.compile(r"^More in “"))
        hrefs = [a["href"] for a in claim_links]
        assert "../performance/" in hrefs, page
