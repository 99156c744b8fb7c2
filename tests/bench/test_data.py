"""data/benchmarks.yml: the committed results load, a bad or partial file stops the build with
one line, and the Performance page shows what the file holds."""

from __future__ import annotations

import copy
import datetime as dt
import json
import statistics
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.benchmarks import load_benchmarks
from macros.datafile import DataError
from tests.conftest import ROOT, Build, mkdocs_build

DATA = ROOT / "data" / "benchmarks.yml"
SCHEMA = ROOT / "data" / "benchmarks.schema.json"
REAL = yaml.safe_load(DATA.read_text(encoding="utf-8"))


def error_for(tmp_path: Path, change) -> str:
    """The one-line error for a copy of the real file with one change."""
    data = copy.deepcopy(REAL)
    change(data)
    path = tmp_path / "benchmarks.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(DataError) as caught:
        load_benchmarks(path, schema=SCHEMA)
    message = str(caught.value)
    assert "\n" not in message, message
    return message.removeprefix(f"{path}: ")


def index_of(data: dict, endpoint: str, framework: str) -> int:
    setups = {setup["id"]: setup["framework"] for setup in data["setups"]}
    return next(
        index
        for index, entry in enumerate(data["throughput"])
        if entry["endpoint"] == endpoint and setups[entry["setup"]] == framework
    )


def test_the_committed_results_load_and_the_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA.read_text()))
    bench = load_benchmarks(DATA)
    assert bench.run["repeats"] >= 1


def test_a_partial_run_names_the_endpoint_without_a_pair(tmp_path: Path) -> None:
    last = REAL["endpoints"][-1]["id"]

    def drop_django(data: dict) -> None:
        del data["throughput"][index_of(data, last, "django")]

    assert error_for(tmp_path, drop_django) == (
        f"endpoints '{last}': field '(whole entry)': expected a Flask and a Django result "
        "on the same interface (a partial run?)"
    )


def test_a_missing_measurement_names_the_entry_and_field(tmp_path: Path) -> None:
    def drop_latency(data: dict) -> None:
        del data["throughput"][2]["runs"][0]["latency_p99_ms"]

    assert error_for(tmp_path, drop_latency) == (
        "throughput #3: field 'runs.0.latency_p99_ms': required field missing"
    )


def test_fewer_runs_than_rounds_is_refused(tmp_path: Path) -> None:
    def add_a_round(data: dict) -> None:
        data["run"]["repeats"] += 1

    repeats = REAL["run"]["repeats"]
    assert error_for(tmp_path, add_a_round) == (
        f"throughput #1: field 'runs': expected {repeats + 1} runs (run.repeats), got {repeats}"
    )


def test_an_unknown_setup_is_refused(tmp_path: Path) -> None:
    def rename(data: dict) -> None:
        data["throughput"][0]["setup"] = "flask-cgi"

    message = error_for(tmp_path, rename)
    assert message.startswith("throughput #1: field 'setup': expected one of the setup ids (")
    assert message.endswith("), got 'flask-cgi'")


def test_a_run_dated_in_the_future_is_refused(tmp_path: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()

    def postdate(data: dict) -> None:
        data["run"]["date"] = tomorrow

    assert error_for(tmp_path, postdate).startswith(
        "(top level): field 'run.date': expected a date not in the future"
    )


def test_a_file_cut_short_while_writing_stops_the_build_with_one_line(project_copy: Path) -> None:
    path = project_copy / "data" / "benchmarks.yml"
    text = path.read_text()
    path.write_text(text[: text.index("\nstartup:")])
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode != 0
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  data/benchmarks.yml: (top level): field 'startup': required field missing"
    ], build.log


# --- The page ------------------------------------------------------------------------------


def median_ratio(endpoint: str) -> float:
    """Flask ÷ Django requests per second over the rounds, for the WSGI pair."""
    setups = {setup["id"]: setup for setup in REAL["setups"]}
    runs = {
        setups[entry["setup"]]["framework"]: entry["runs"]
        for entry in REAL["throughput"]
        if entry["endpoint"] == endpoint and setups[entry["setup"]]["interface"] == "WSGI"
    }
    return statistics.median(
        f["requests_per_s"] / d["requests_per_s"]
        for f, d in zip(runs["flask"], runs["django"], strict=True)
    )


def test_the_ratios_table_shows_each_endpoint_in_order(site: Build) -> None:
    page = site.page("guide/performance/")
    table = page.find("th", string="Flask ÷ Django, requests per second").find_parent("table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert [row[0] for row in rows] == [endpoint["name"] for endpoint in REAL["endpoints"]]
    for row, endpoint in zip(rows, REAL["endpoints"], strict=True):
        assert row[1] == f"{median_ratio(endpoint['id']):.2f}\N{MULTIPLICATION SIGN}"


def test_every_result_is_drawn_once_in_the_site_colours(site: Build) -> None:
    page = site.page("guide/performance/")
    frameworks = {setup["id"]: setup["framework"] for setup in REAL["setups"]}
    bars = [
        rect
        for chart_id in ("chart-throughput", "chart-io")
        for rect in page.find(id=chart_id).find_all("rect")
    ]
    assert len(bars) == len(REAL["throughput"])
    drawn = [rect["class"][1] for rect in bars]
    expected = [f"chart-{frameworks[entry['setup']]}" for entry in REAL["throughput"]]
    assert sorted(drawn) == sorted(expected)
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
