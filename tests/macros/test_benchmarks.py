"""macros/benchmarks.py: the Performance page shows what data/benchmarks.yml holds (ratios,
charts, the cost of batteries, conditions). A bad or partial results file is a case in
tests/macros/test_data.py."""

from __future__ import annotations

import re
import statistics

from tests.support import Build, read_data

REAL = read_data("benchmarks.yml")


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


def median_ratio(endpoint: str) -> float:
    """Flask ÷ Django requests per second, round by round, for the WSGI pair."""
    flask, django = result(REAL, endpoint, "flask"), result(REAL, endpoint, "django")
    return statistics.median(
        f["requests_per_s"] / d["requests_per_s"]
        for f, d in zip(flask["runs"], django["runs"], strict=True)
    )


def test_the_ratios_table_shows_each_endpoint_in_order(site: Build) -> None:
    page = site.page("guide/performance/")
    table = page.find("th", string="Flask ÷ Django, requests per second").find_parent("table")
    rows = body_rows(table)
    assert [row[0] for row in rows] == [endpoint["name"] for endpoint in REAL["endpoints"]]
    for row, endpoint in zip(rows, REAL["endpoints"], strict=True):
        assert row[1] == f"{median_ratio(endpoint['id']):.2f}\N{MULTIPLICATION SIGN}"


def test_every_result_is_drawn_once_in_its_framework_colour(site: Build) -> None:
    page = site.page("guide/performance/")
    frameworks = {setup["id"]: setup["framework"] for setup in REAL["setups"]}
    bars = [
        rect["class"][1]
        for chart_id in ("chart-throughput", "chart-io")
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
    text = site.page("guide/performance/").get_text(" ")
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
