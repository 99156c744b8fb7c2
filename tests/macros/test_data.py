"""macros/data.py: bad data stops the build with one line naming file, entry, field and fix.

Each case breaks a copy of the real data files in one place and asserts the
message, so a vague or misplaced message fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from macros.data import DATE_FIELDS, load_site_data
from macros.datafile import DataError, describe, load_yaml
from tests.support import DATA, DOCS, entry, read_data


def load_error(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir, DOCS)
    message = str(caught.value)
    assert "\n" not in message, message
    return message


def broken(name: str, change) -> dict:
    content = read_data(name)
    if name == "claims.yml":
        content["claims"].append(json.loads(json.dumps(TEST_CLAIM)))
    change(content)
    return content


# A valid claim added to the real ones, so these cases do not depend on the
# article's claims, which the guide authors edit.
TEST_CLAIM = {
    "id": "test-claim",
    "framework": "flask",
    "kind": "con",
    "number": 3,
    "article": "Lack of asynchronous support",
    "verdict": "wrong",
    "summary": "Flask runs `async def` views since 2.0.",
    "dimension": "async",
    "guide": "side-by-side/async.md",
    "sources": [
        {
            "title": "Flask: Using async and await",
            "url": "https://flask.palletsprojects.com/en/stable/async-await/",
            "quote": "This allows views to be defined with async def and use await.",
        }
    ],
    "verified": "2025-01-15",
}


def the_test_claim(claims: dict) -> dict:
    return entry(claims["claims"], "test-claim")


def routing(comparison: dict) -> dict:
    return entry(comparison["dimensions"], "routing")


def answer(decision: dict, answer_id: str) -> dict:
    return next(a for q in decision["questions"] for a in q["answers"] if a["id"] == answer_id)


def case(decision: dict, case_id: str) -> dict:
    return entry(decision["cases"], case_id)


FILES = [
    "comparison.yml",
    "claims.yml",
    "decision.yml",
    "migration.yml",
    "faq.yml",
    "usage.yml",
    "benchmarks.yml",
]


@pytest.mark.parametrize("name", FILES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((DATA / name).with_suffix(".schema.json").read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", FILES)
def test_data_files_point_editors_at_their_schema(name: str) -> None:
    first_line = (DATA / name).read_text().splitlines()[0]
    schema = name.replace(".yml", ".schema.json")
    assert first_line == f"# yaml-language-server: $schema={schema}"


def survey_point(usage: dict, index: int) -> dict:
    return entry(usage["measures"], "survey")["points"][index]


def dated_points(usage: dict) -> list[dict]:
    return entry(usage["measures"], "downloads")["points"]


def last_django_result(benchmarks: dict) -> dict:
    """The Django result of the last endpoint on the interface Flask shares with it."""
    setups = {setup["id"]: setup for setup in benchmarks["setups"]}
    last = benchmarks["endpoints"][-1]["id"]
    return next(
        result
        for result in benchmarks["throughput"]
        if result["endpoint"] == last
        and setups[result["setup"]]["framework"] == "django"
        and setups[result["setup"]]["interface"] == "WSGI"
    )


def cut_short(benchmarks: dict) -> None:
    """What a run stopped while writing leaves: everything after the load results is gone."""
    for key in list(benchmarks)[list(benchmarks).index("throughput") + 1 :]:
        del benchmarks[key]


CASES = {
    "usage-share-over-100": (
        "usage.yml",
        lambda u: survey_point(u, 0)["values"].update(flask=147),
        "points 'survey-2018': field 'values.flask': expected a percentage up to 100, got 147",
    ),
    "usage-points-out-of-order": (
        "usage.yml",
        lambda u: dated_points(u).reverse(),
        "field 'as_of': expected a date after the previous point's",
    ),
    "usage-duplicate-point-id": (
        "usage.yml",
        lambda u: dated_points(u).append({**dated_points(u)[-1], "as_of": "2026-11-28"}),
        "expected a point id unique across the file",
    ),
    "usage-point-without-source": (
        "usage.yml",
        lambda u: survey_point(u, 0).update(sources=[]),
        "field 'sources': minItems is 1",
    ),
    "faq-missing-evidence-page": (
        "faq.yml",
        lambda f: f["questions"][0].update(guide="guide/gone.md"),
        "field 'guide': expected a page that exists under docs/, got 'guide/gone.md'",
    ),
    "missing-required-field": (
        "comparison.yml",
        lambda c: routing(c).pop("flask"),
        "dimensions 'routing': field 'flask': required field missing",
    ),
    "wrong-type": (
        "comparison.yml",
        lambda c: entry(c["frameworks"], "flask").update(first_release="2010"),
        "frameworks 'flask': field 'first_release': expected integer, got '2010'",
    ),
    "unknown-field": (
        "comparison.yml",
        lambda c: routing(c).update(flsk="typo"),
        "dimensions 'routing': field 'flsk': expected only known fields (id, category,",
    ),
    "bad-enum": (
        "comparison.yml",
        lambda c: entry(c["frameworks"], "flask").update(license="MIT"),
        "frameworks 'flask': field 'license': expected one of 'BSD-3-Clause', got 'MIT'",
    ),
    "duplicate-id": (
        "comparison.yml",
        lambda c: c["dimensions"].append(dict(routing(c))),
        "dimensions 'routing': field 'id': expected a unique id, but 'routing' is used twice",
    ),
    "unknown-category": (
        "comparison.yml",
        lambda c: routing(c).update(category="frontend"),
        "dimensions 'routing': field 'category': expected one of the categories ids "
        "(architecture, web-layer, data, security, operations, ecosystem), got 'frontend'",
    ),
    "missing-guide-page": (
        "comparison.yml",
        lambda c: routing(c).update(guide="side-by-side/no-such-page.md"),
        "dimensions 'routing': field 'guide': expected a page that exists under docs/, "
        "got 'side-by-side/no-such-page.md'",
    ),
    "malformed-date": (
        "comparison.yml",
        lambda c: routing(c).update(verified="26/11/2026"),
        "dimensions 'routing': field 'verified': expected an ISO date YYYY-MM-DD, got '26/11/2026'",
    ),
    "impossible-date": (
        "comparison.yml",
        lambda c: routing(c).update(verified="2026-02-30"),
        "dimensions 'routing': field 'verified': expected a real calendar date, got '2026-02-30'",
    ),
    "future-date": (
        "comparison.yml",
        lambda c: routing(c).update(verified="2999-01-01"),
        "dimensions 'routing': field 'verified': expected a date not in the future",
    ),
    "future-release": (
        "comparison.yml",
        lambda c: entry(c["frameworks"], "django")["releases"][0].update(released="2999-08"),
        "frameworks 'django': field 'releases.0.released': expected a date not in the future",
    ),
    "http-url": (
        "comparison.yml",
        lambda c: routing(c)["sources"][0].update(url="http://flask.palletsprojects.com/"),
        "dimensions 'routing': field 'sources.0.url': expected an https:// URL, "
        "got 'http://flask.palletsprojects.com/'",
    ),
    "javascript-url": (
        "comparison.yml",
        lambda c: routing(c)["sources"][0].update(url="javascript:alert(1)"),
        "dimensions 'routing': field 'sources.0.url': expected an https:// URL, "
        "got 'javascript:alert(1)'",
    ),
    "data-url-in-docs": (
        "comparison.yml",
        lambda c: entry(c["frameworks"], "django").update(docs="data:text/html,<p>x</p>"),
        "frameworks 'django': field 'docs': expected an https:// URL, "
        "got 'data:text/html,<p>x</p>'",
    ),
    "no-sources": (
        "comparison.yml",
        lambda c: routing(c).update(sources=[]),
        "dimensions 'routing': field 'sources': minItems is 1",
    ),
    "source-without-quote": (
        "comparison.yml",
        lambda c: routing(c)["sources"][0].pop("quote"),
        "dimensions 'routing': field 'sources.0.quote': required field missing",
    ),
    "unknown-source-kind": (
        "comparison.yml",
        lambda c: routing(c)["sources"][0].update(kind="blog"),
        "dimensions 'routing': field 'sources.0.kind': expected one of 'secondary', got 'blog'",
    ),
    "two-current-releases": (
        "comparison.yml",
        lambda c: entry(c["frameworks"], "django")["releases"][1].update(status="current"),
        "frameworks 'django': field 'releases': expected exactly one release with status "
        "'current', got 2",
    ),
    "entry-without-id": (
        "comparison.yml",
        lambda c: c["facts"][0].pop("id"),
        "facts #1: field 'id': required field missing",
    ),
    "claim-unknown-dimension": (
        "claims.yml",
        lambda c: the_test_claim(c).update(dimension="asynchrony"),
        "claims 'test-claim': field 'dimension': expected a dimension id from "
        "comparison.yml, got 'asynchrony'",
    ),
    "claim-missing-guide-page": (
        "claims.yml",
        lambda c: the_test_claim(c).update(guide="side-by-side/gone.md#x"),
        "claims 'test-claim': field 'guide': expected a page that exists under docs/",
    ),
    "claim-unknown-verdict": (
        "claims.yml",
        lambda c: the_test_claim(c).update(verdict="false"),
        "claims 'test-claim': field 'verdict': expected one of 'correct', 'caveat', "
        "'outdated', 'wrong', 'unsupported', 'opinion', got 'false'",
    ),
    "claim-source-without-quote": (
        "claims.yml",
        lambda c: the_test_claim(c)["sources"][0].pop("quote"),
        "claims 'test-claim': field 'sources.0.quote': required field missing",
    ),
    "claim-source-of-an-unknown-kind": (
        "claims.yml",
        lambda c: the_test_claim(c)["sources"][0].update(kind="blog"),
        "claims 'test-claim': field 'sources.0.kind': expected one of 'secondary', got 'blog'",
    ),
    "claim-pro-without-number": (
        "claims.yml",
        lambda c: the_test_claim(c).pop("number"),
        "claims 'test-claim': field 'number': required field missing",
    ),
    "claim-duplicate-id": (
        "claims.yml",
        lambda c: c["claims"].append(dict(the_test_claim(c))),
        "claims 'test-claim': field 'id': expected a unique id",
    ),
    "claim-javascript-url": (
        "claims.yml",
        lambda c: the_test_claim(c)["sources"][0].update(url="javascript:alert(1)"),
        "claims 'test-claim': field 'sources.0.url': expected an https:// URL",
    ),
    "weight-as-string": (
        "decision.yml",
        lambda d: answer(d, "admin-needed")["weights"].update(django="3"),
        "answers 'admin-needed': field 'weights.django': expected integer, got '3'",
    ),
    "weight-too-high": (
        "decision.yml",
        lambda d: answer(d, "admin-needed")["weights"].update(django=4),
        "answers 'admin-needed': field 'weights.django': 4 is greater than the maximum of 3",
    ),
    "weight-negative": (
        "decision.yml",
        lambda d: answer(d, "admin-needed")["weights"].update(django=-1),
        "answers 'admin-needed': field 'weights.django': -1 is less than the minimum of 0",
    ),
    "weight-missing": (
        "decision.yml",
        lambda d: answer(d, "small")["weights"].pop("flask"),
        "answers 'small': field 'weights.flask': required field missing",
    ),
    "answer-unknown-field": (
        "decision.yml",
        lambda d: answer(d, "small").update(notes={}),
        "answers 'small': field 'notes': expected only known fields (id, label, weights,",
    ),
    "answer-missing-guide-page": (
        "decision.yml",
        lambda d: answer(d, "small").update(guide="guide/gone.md#x"),
        "answers 'small': field 'guide': expected a page that exists under docs/, "
        "got 'guide/gone.md#x'",
    ),
    "duplicate-question-id": (
        "decision.yml",
        lambda d: d["questions"][1].update(id=d["questions"][0]["id"]),
        "field 'id': expected a unique id, but",
    ),
    "duplicate-answer-id-across-questions": (
        "decision.yml",
        lambda d: answer(d, "no-admin").update(id="small"),
        "answers 'small': field 'id': expected an answer id unique across the file, but "
        "'small' also answers question 'size'",
    ),
    "case-unknown-answer": (
        "decision.yml",
        lambda d: case(d, "small-api-team")["answers"].append("nope"),
        "cases 'small-api-team': field 'answers': expected known answer ids, got 'nope'",
    ),
    "case-two-answers-to-one-question": (
        "decision.yml",
        lambda d: case(d, "small-api-team")["answers"].append("large"),
        "cases 'small-api-team': field 'answers': expected one answer per question, but "
        "'small' and 'large' both answer 'size'",
    ),
    "case-reason-not-an-answer": (
        "decision.yml",
        lambda d: case(d, "small-api-team")["reasons"].append("large"),
        "cases 'small-api-team': field 'reasons': expected answer ids of this case, got 'large'",
    ),
    "benchmarks-partial-run": (
        "benchmarks.yml",
        lambda b: b["throughput"].remove(last_django_result(b)),
        "field '(whole entry)': expected a Flask and a Django result on the same interface "
        "(a partial run?)",
    ),
    "benchmarks-cut-short": (
        "benchmarks.yml",
        cut_short,
        "(top level): field 'startup': required field missing",
    ),
    "benchmarks-missing-measurement": (
        "benchmarks.yml",
        lambda b: b["throughput"][2]["runs"][0].pop("latency_p99_ms"),
        "throughput #3: field 'runs.0.latency_p99_ms': required field missing",
    ),
    "benchmarks-runs-not-one-per-round": (
        "benchmarks.yml",
        lambda b: b["run"].update(repeats=b["run"]["repeats"] + 1),
        "throughput #1: field 'runs': expected",
    ),
    "benchmarks-unknown-setup": (
        "benchmarks.yml",
        lambda b: b["throughput"][0].update(setup="flask-cgi"),
        "throughput #1: field 'setup': expected one of the setups ids (",
    ),
}


@pytest.mark.parametrize(("name", "change", "expected"), CASES.values(), ids=CASES.keys())
def test_bad_entry_gives_one_line_naming_file_entry_and_field(
    write, name: str, change, expected: str
) -> None:
    message = load_error(write(name, broken(name, change)))
    assert message.startswith(f"data/{name}: "), message
    assert expected in message, message


def test_yaml_syntax_error_names_the_line(write) -> None:
    text = (DATA / "comparison.yml").read_text()
    lines = text.splitlines()
    bad_line = next(i for i, line in enumerate(lines) if line.strip() == "- id: routing")
    lines[bad_line + 1] = "    category: web-layer: oops"  # a second colon on the line
    message = load_error(write("comparison.yml", "\n".join(lines) + "\n"))
    expected = f"comparison.yml: YAML syntax error at line {bad_line + 2}, column 24: "
    assert expected in message, message


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_empty_file_is_a_clear_line(write, content: str) -> None:
    message = load_error(write("claims.yml", content))
    assert message.endswith("claims.yml: the file is empty; expected a mapping of data"), message


def test_missing_file_is_a_clear_line(data_dir: Path) -> None:
    (data_dir / "claims.yml").unlink()
    assert "claims.yml: cannot be read (No such file or directory)" in load_error(data_dir)


def test_top_level_list_instead_of_mapping(write) -> None:
    message = load_error(write("comparison.yml", "- a\n- b\n"))
    assert "comparison.yml: (top level): field '(whole entry)': expected object" in message


def test_dates_stay_strings_so_the_schema_sees_what_was_typed(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("verified: 2024-02-29\n")
    assert load_yaml(path) == {"verified": "2024-02-29"}


def dates_in(node: object) -> list[str]:
    """Every value of a date field, at any depth."""
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in DATE_FIELDS]
        return found + [d for value in node.values() for d in dates_in(value)]
    if isinstance(node, list):
        return [d for value in node for d in dates_in(value)]
    return []


def test_today_is_the_future_boundary(data_dir: Path) -> None:
    """The newest date in the data is valid on that day and refused the day before."""
    dates = [d for name in FILES for d in dates_in(load_yaml(data_dir / name))]
    newest = max(dt.date.fromisoformat(d if len(d) == 10 else f"{d}-01") for d in dates)
    load_site_data(data_dir, DOCS, today=newest)
    with pytest.raises(DataError, match="expected a date not in the future"):
        load_site_data(data_dir, DOCS, today=newest - dt.timedelta(days=1))


def test_describe_names_entries_by_id_then_by_position() -> None:
    doc = {"dimensions": [{"id": "routing", "sources": [{"url": "x"}]}, {"name": "x"}]}
    assert describe(doc, ["dimensions", 0, "sources", 0, "url"]) == (
        "dimensions 'routing'",
        "sources.0.url",
    )
    assert describe(doc, ["dimensions", 1, "name"]) == ("dimensions #2", "name")
    assert describe(doc, []) == ("(top level)", "(whole entry)")
