"""data/benchmarks.yml and macros/benchmarks.py: a bad or partial results file is one line,
and the Performance page shows what the file holds (ratios, charts, conditions)."""

from __future__ import annotations

import copy
import statistics

from tests.conftest import Build
from tests.macros.test_data import load_error
from tests.support import DATA, read_data

NAME = "benchmarks.yml"
REAL = read_data(NAME)


def result(data: dict, endpoint: str, framework: str, interface: str = "WSGI") -> dict:
    setups = {setup["id"]: setup for setup in data["setups"]}
    return next(
        entry
        for entry in data["throughput"]
        if entry["endpoint"] == endpoint
        and setups[entry["setup"]]["framework"] == framework
        and setups[entry["setup"]]["interface"] == interface
    )


def error(write, content: dict | str) -> str:
    return load_error(write(NAME, content)).removeprefix(f"data/{NAME}: ")


def changed(change) -> dict:
    data = copy.deepcopy(REAL)
    change(data)
    return data


def test_a_partial_run_names_the_endpoint_left_without_a_pair(write) -> None:
    last = REAL["endpoints"][-1]["id"]
    django = result(REAL, last, "django")
    assert error(write, changed(lambda data: data["throughput"].remove(django))) == (
        f"endpoints '{last}': field '(whole entry)': expected a Flask and a Django result "
        "on the same interface (a partial run?)"
    )


def test_a_file_cut_short_while_writing_is_one_line(write) -> None:
    text = (DATA / NAME).read_text()
    assert error(write, text[: text.index("\nstartup:")]) == (
        "(top level): field 'startup': required field missing"
    )


def test_a_missing_measurement_names_the_result_and_the_field(write) -> None:
    def drop(data: dict) -> None:
        del data["throughput"][2]["runs"][0]["latency_p99_ms"]

    assert error(write, changed(drop)) == (
        "throughput #3: field 'runs.0.latency_p99_ms': required field missing"
    )


def test_every_result_has_one_run_per_round(write) -> None:
    repeats = REAL["run"]["repeats"]

    def one_more_round(data: dict) -> None:
        data["run"]["repeats"] += 1

    assert error(write, changed(one_more_round)) == (
        f"throughput #1: field 'runs': expected {repeats + 1} runs (run.repeats), got {repeats}"
    )


def test_a_result_names_a_known_setup(write) -> None:
    def rename(data: dict) -> None:
        data["throughput"][0]["setup"] = "flask-cgi"

    setups = ", ".join(setup["id"] for setup in REAL["setups"])
    assert error(write, changed(rename)) == (
        f"throughput #1: field 'setup': expected one of the setups ids ({setups}), got 'flask-cgi'"
    )


# --- The page ------------------------------------------------------------------------------


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
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
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
        hrefs = [a["href"] for a in site.page(page).find_all("a", string="Read more")]
        assert "../performance/" in hrefs, page
