"""macros/data.py: bad data stops the build with one line naming file, entry, field and fix.

Each case breaks a copy of the real data files in one place and asserts the
message, so a vague or misplaced message fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from macros.data import DATE_FIELDS, FRAMEWORKS, SHOWN_FRAMEWORKS, load_site_data
from macros.datafile import DataError, describe, load_yaml
from tests.support import DATA, DOCS, ROOT, dump_data, entry, read_data

# A test that feeds the loader a copy of data/ broken on purpose: it reads no value an
# author edits, so the author-loop test (tests/repo/test_author_loop.py) leaves it out.
broken_data = pytest.mark.broken_data


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


# A date that passes every check of `verified`, whatever day the tests run.
YESTERDAY = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)).isoformat()


def routing(comparison: dict) -> dict:
    return entry(comparison["dimensions"], "routing")


def fastapi_answer(comparison: dict) -> dict:
    """Routing's FastAPI answer, given one here so the cases do not depend on the data's."""
    routing(comparison)["fastapi"] = {
        "value": "`@app.get`",
        "sources": [{"title": "T", "url": "https://fastapi.example/", "quote": "A passage."}],
        "verified": YESTERDAY,
    }
    return routing(comparison)["fastapi"]


def answer(decision: dict, answer_id: str) -> dict:
    return next(a for q in decision["questions"] for a in q["answers"] if a["id"] == answer_id)


def alternative(decision: dict) -> dict:
    """A valid alternative added to the data's, so the cases do not depend on the real ones."""
    added = {
        "id": "test-alternative",
        "name": "Test",
        "when": ["small"],
        "unless": ["no-admin"],
        "reason": "A reason.",
        "guide": "guide/choose.md",
        "sources": [{"title": "T", "url": "https://alternative.example/", "quote": "A passage."}],
        "verified": YESTERDAY,
    }
    decision.setdefault("alternatives", []).append(added)
    return added


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


def results_of(benchmarks: dict, framework: str) -> list[dict]:
    setups = {setup["id"]: setup for setup in benchmarks["setups"]}
    return [r for r in benchmarks["throughput"] if setups[r["setup"]]["framework"] == framework]


def one_round_lost(benchmarks: dict) -> None:
    """FastAPI missing in one round: its last result has one run fewer than the others."""
    results_of(benchmarks, "fastapi")[-1]["runs"].pop()


def cut_short(benchmarks: dict) -> None:
    """What a run stopped while writing leaves: everything after the load results is gone."""
    for key in list(benchmarks)[list(benchmarks).index("throughput") + 1 :]:
        del benchmarks[key]


TEXT_LIMIT = json.loads((DATA / "comparison.schema.json").read_text())["$defs"]["text"]["maxLength"]

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
        "field 'sources': expected at least 1 item, got 0",
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
    "fastapi-answer-without-a-date": (
        "comparison.yml",
        lambda c: fastapi_answer(c).pop("verified"),
        "dimensions 'routing': field 'fastapi.verified': required field missing",
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
        "dimensions 'routing': field 'sources': expected at least 1 item, got 0",
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
    "alternative-unknown-answer": (
        "decision.yml",
        lambda d: alternative(d)["when"].append("nope"),
        "alternatives 'test-alternative': field 'when': expected known answer ids, got 'nope'",
    ),
    "alternative-two-answers-to-one-question": (
        "decision.yml",
        lambda d: alternative(d)["when"].append("large"),
        "alternatives 'test-alternative': field 'when': expected one answer per question, but "
        "'small' and 'large' both answer 'size'",
    ),
    "alternative-unless-also-when": (
        "decision.yml",
        lambda d: alternative(d)["unless"].append("small"),
        "alternatives 'test-alternative': field 'unless': expected ids not in 'when', got 'small'",
    ),
    "case-unknown-alternative": (
        "decision.yml",
        lambda d: case(d, "small-api-team").update(alternatives=["nope"]),
        "cases 'small-api-team': field 'alternatives': expected alternative ids (",
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
    "benchmarks-fastapi-missing-in-a-round": (
        "benchmarks.yml",
        one_round_lost,
        "field 'runs': expected",
    ),
    "benchmarks-fastapi-partial-run": (
        "benchmarks.yml",
        lambda b: b["throughput"].remove(results_of(b, "fastapi")[-1]),
        "field '(whole entry)': expected a FastAPI and a Django result on the same interface "
        "(a partial run?)",
    ),
    "benchmarks-no-fastapi-load-time": (
        "benchmarks.yml",
        lambda b: b["load_app"].pop(),
        "(top level): field 'load_app': expected one entry per framework (",
    ),
    "benchmarks-no-fastapi-version": (
        "benchmarks.yml",
        lambda b: b["versions"].pop("fastapi"),
        "(top level): field 'versions': expected the version of each framework of the run",
    ),
    "benchmarks-framework-not-in-the-run": (
        "benchmarks.yml",
        lambda b: b["frameworks"].remove("fastapi"),
        "setups 'fastapi-asgi': field 'framework': expected one of the run's frameworks "
        "(flask, django), got 'fastapi'",
    ),
    "benchmarks-unknown-framework": (
        "benchmarks.yml",
        lambda b: b["frameworks"].append("bottle"),
        f"(top level): field 'frameworks': expected frameworks from "
        f"{', '.join(SHOWN_FRAMEWORKS)} in that order, starting with {', '.join(FRAMEWORKS)}",
    ),
    "benchmarks-frameworks-out-of-order": (
        "benchmarks.yml",
        lambda b: b["frameworks"].reverse(),
        "(top level): field 'frameworks': expected frameworks from ",
    ),
    "zero-width-only-value": (
        "comparison.yml",
        lambda c: routing(c).update(flask="\u200b"),
        "dimensions 'routing': field 'flask': expected plain text without invisible "
        "characters (control, bidi or zero-width), got '\\u200b'",
    ),
    "bare-https-source": (
        "comparison.yml",
        lambda c: routing(c)["sources"][0].update(url="https://"),
        "dimensions 'routing': field 'sources.0.url': expected an https:// URL, got 'https://'",
    ),
    "overlong-text": (
        "comparison.yml",
        lambda c: routing(c).update(name="x" * (TEXT_LIMIT + 1)),
        f"dimensions 'routing': field 'name': expected at most {TEXT_LIMIT} characters, "
        f"got {TEXT_LIMIT + 1:,}",
    ),
    "claim-whitespace-summary": (
        "claims.yml",
        lambda c: the_test_claim(c).update(summary=" \n "),
        "claims 'test-claim': field 'summary': expected text with a visible character, got ' \\n '",
    ),
    "decision-whitespace-label": (
        "decision.yml",
        lambda d: answer(d, "small").update(label="   "),
        "answers 'small': field 'label': expected text with a visible character, got '   '",
    ),
    "decision-bare-https-source": (
        "decision.yml",
        lambda d: answer(d, "small")["sources"][0].update(url="https://"),
        "answers 'small': field 'sources.0.url': expected an https:// URL, got 'https://'",
    ),
}


@broken_data
@pytest.mark.parametrize(("name", "change", "expected"), CASES.values(), ids=CASES.keys())
def test_bad_entry_gives_one_line_naming_file_entry_and_field(
    write, name: str, change, expected: str
) -> None:
    message = load_error(write(name, broken(name, change)))
    assert message.startswith(f"data/{name}: "), message
    assert expected in message, message


# Files that cannot be read as data: each case edits the raw text of a real data
# file (or writes a small one) and gives the whole one-line message it expects,
# with the line computed from the edit.
Edit = Callable[[str], tuple[str | bytes, str]]


def line_of(text: str, stripped: str) -> int:
    """1-based number of the first line that reads `stripped` once indented."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip() == stripped)


def replace_line(text: str, stripped: str, new: str) -> tuple[str, int]:
    lines = text.splitlines()
    number = line_of(text, stripped)
    lines[number - 1] = new
    return "\n".join(lines) + "\n", number


def routing_name(new: str) -> Callable[[str], tuple[str, int]]:
    """Replace the routing dimension's `name:` line (the first after `- id: routing`)."""

    def edit(text: str) -> tuple[str, int]:
        lines = text.splitlines()
        start = line_of(text, "- id: routing")
        number = next(n for n in range(start, len(lines)) if lines[n].strip().startswith("name:"))
        lines[number] = "    " + new
        return "\n".join(lines) + "\n", number + 1

    return edit


def alias_bomb() -> str:
    """A one-line YAML value of 9**9 strings built from nine aliases: about 600 bytes."""
    levels = ['&l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"&l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    return f"[{', '.join(levels)}]"


def appended(line: str) -> Edit:
    def edit(text: str) -> tuple[str, str]:
        return text + line + "\n", str(text.count("\n") + 1)

    return edit


def bomb_appended(text: str) -> tuple[str, str]:
    new, number = appended(f"lol: {alias_bomb()}")(text)
    return new, f"line {number}: YAML anchor &l0 is not allowed; write each value out in full"


def bomb_in_a_note(text: str) -> tuple[str, str]:
    lines = text.splitlines()
    start = line_of(text, "- id: routing")
    number = next(n for n in range(start, len(lines)) if lines[n].strip().startswith("note:"))
    lines[number] = f"    note: {alias_bomb()}"
    message = "YAML anchor &l0 is not allowed; write each value out in full"
    return "\n".join(lines) + "\n", f"line {number + 1}: {message}"


def deep_nesting(text: str) -> tuple[str, str]:
    new, number = appended("deep: " + "[" * 20_000 + "]" * 20_000)(text)
    return new, f"line {number}: nested more than 12 levels deep; data entries are never that deep"


def huge_file(text: str) -> tuple[str, str]:
    new = text + f"padding: {'x' * 20_000_000}\n"
    size = len(new.encode())
    return new, f"the file is {size:,} bytes; a data file is at most 1,048,576 bytes " + (
        "(shorten its values or split it)"
    )


def in_routing_name(raw: bytes, column: int, what: str) -> Edit:
    """Put `raw` into the routing name, after 'URL '; `what` is the message after the place."""

    def edit(text: str) -> tuple[bytes, str]:
        new, number = routing_name("name: URL @routing")(text)
        return new.encode().replace(b"URL @routing", b"URL " + raw + b"routing"), (
            f"line {number}, column {column}: {what}"
        )

    return edit


INVISIBLE = "is not allowed; delete it"


def duplicate_key(text: str) -> tuple[str, str]:
    lines = text.splitlines()
    _, number = routing_name("name: URL routing")(text)
    lines.insert(number, "    name: Routing, again")
    message = f"key 'name' appears twice in the same entry (first on line {number}); keep one"
    return "\n".join(lines) + "\n", f"line {number + 1}: {message}"


def duplicate_threshold(text: str) -> tuple[str, str]:
    first = line_of(text, f"threshold: {read_data('decision.yml')['threshold']}")
    new, number = appended("threshold: 9")(text)
    message = f"key 'threshold' appears twice in the same entry (first on line {first}); keep one"
    return new, f"line {number}: {message}"


def lone_alias(text: str) -> tuple[str, str]:
    new, number = appended("extra: *routing")(text)
    return new, f"line {number}: YAML alias *routing is not allowed; write the value out in full"


def python_tag(text: str) -> tuple[str, str]:
    """A tag that would run code under an unsafe loader; nothing runs, one line says so."""
    tag = "python/object/apply:os.system"
    new, number = appended(f'extra: !!{tag} ["echo unsafe"]')(text)
    return new, (
        f"YAML syntax error at line {number}, column 8: "
        f"could not determine a constructor for the tag 'tag:yaml.org,2002:{tag}'"
    )


def unclosed_quote(_: str) -> tuple[str, str]:
    text = (
        "claims:\n"
        "  - id: a\n"
        '    article: "The quote is not closed\n'
        "    verdict: wrong\n"
        '    summary: "Closed"\n'
    )
    return text, (
        "YAML syntax error at line 5, column 15: did not find expected key "
        "(is the quote opened at line 3 closed?)"
    )


TEXT_CASES: dict[str, tuple[str, Edit]] = {
    "alias-bomb": ("comparison.yml", bomb_appended),
    "alias-bomb-in-a-note": ("comparison.yml", bomb_in_a_note),
    "alias-bomb-decision": ("decision.yml", bomb_appended),
    "alias-without-anchor": ("claims.yml", lone_alias),
    "deep-nesting": ("comparison.yml", deep_nesting),
    "huge-file": ("claims.yml", huge_file),
    "invalid-utf8": (
        "comparison.yml",
        in_routing_name(b"\xff", 15, "byte 0xff is not UTF-8; save the file as UTF-8"),
    ),
    "control-character": (
        "comparison.yml",
        in_routing_name(
            b"\x07", 15, f"invisible character U+0007 (a control character) {INVISIBLE}"
        ),
    ),
    "nul-byte": (
        "comparison.yml",
        in_routing_name(
            b"\x00", 15, f"invisible character U+0000 (a control character) {INVISIBLE}"
        ),
    ),
    "bidi-override": (
        "comparison.yml",
        in_routing_name(
            "\u202e".encode(),
            15,
            f"invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) {INVISIBLE}",
        ),
    ),
    "duplicate-key": ("comparison.yml", duplicate_key),
    "duplicate-key-decision": ("decision.yml", duplicate_threshold),
    "unclosed-quote": ("claims.yml", unclosed_quote),
    "python-tag": ("decision.yml", python_tag),
}
# These would take gigabytes or minutes if anything expanded or printed the value,
# so they run only in a child process with capped memory (below).
BOUNDED = {"alias-bomb", "alias-bomb-in-a-note", "alias-bomb-decision", "deep-nesting", "huge-file"}
MEMORY_LIMIT = 512 * 1024 * 1024


def write_raw(data_dir: Path, name: str, content: str | bytes) -> None:
    raw = content if isinstance(content, bytes) else content.encode()
    (data_dir / name).write_bytes(raw)


@broken_data
@pytest.mark.parametrize(
    ("name", "edit"),
    [TEXT_CASES[case] for case in TEXT_CASES if case not in BOUNDED],
    ids=[case for case in TEXT_CASES if case not in BOUNDED],
)
def test_unreadable_file_gives_one_line_naming_file_and_line(
    data_dir: Path, name: str, edit: Edit
) -> None:
    content, expected = edit((DATA / name).read_text(encoding="utf-8"))
    write_raw(data_dir, name, content)
    assert load_error(data_dir) == f"data/{name}: {expected}"


# The build's loader for the one file runs in a child process whose address space is
# capped, and times itself.
CHILD = """
import datetime, resource, sys, time
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]),) * 2)
from macros.data import load_checked
from macros.datafile import DataError
start = time.perf_counter()
try:
    load_checked(Path(sys.argv[1]), Path("docs"), datetime.date.today())
except DataError as error:
    print(error)
print(f"{time.perf_counter() - start:.3f}")
"""


@broken_data
@pytest.mark.parametrize("case", sorted(BOUNDED))
def test_hostile_file_fails_in_under_a_second_within_512_mib(data_dir: Path, case: str) -> None:
    name, edit = TEXT_CASES[case]
    content, expected = edit((DATA / name).read_text(encoding="utf-8"))
    write_raw(data_dir, name, content)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir / name), str(MEMORY_LIMIT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    message, seconds = child.stdout.splitlines()
    assert message == f"data/{name}: {expected}"
    assert float(seconds) < 1.0


@broken_data
def test_broken_schema_file_gives_one_line(data_dir: Path) -> None:
    (data_dir / "comparison.schema.json").write_text("{ broken")
    assert load_error(data_dir) == (
        "data/comparison.schema.json: JSON syntax error at line 1, column 3: "
        "Expecting property name enclosed in double quotes"
    )


@broken_data
def test_invisible_character_written_as_an_escape_is_caught_by_the_schema(write) -> None:
    text = (DATA / "comparison.yml").read_text(encoding="utf-8")
    new, _ = routing_name('name: "URL \\u202Erouting"')(text)
    message = load_error(write("comparison.yml", new))
    assert message.endswith(
        "dimensions 'routing': field 'name': expected plain text without invisible characters "
        "(control, bidi or zero-width), got 'URL \\u202erouting'"
    ), message


@broken_data
def test_yaml_syntax_error_names_the_line(write) -> None:
    text = (DATA / "comparison.yml").read_text()
    lines = text.splitlines()
    bad_line = next(i for i, line in enumerate(lines) if line.strip() == "- id: routing")
    lines[bad_line + 1] = "    category: web-layer: oops"  # a second colon on the line
    message = load_error(write("comparison.yml", "\n".join(lines) + "\n"))
    expected = f"data/comparison.yml: YAML syntax error at line {bad_line + 2}, column 24: "
    assert message.startswith(expected), message


@broken_data
@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_empty_file_is_a_clear_line(write, content: str) -> None:
    message = load_error(write("decision.yml", content))
    assert message == "data/decision.yml: the file is empty; expected a mapping of data"


@broken_data
def test_missing_file_is_a_clear_line(data_dir: Path) -> None:
    (data_dir / "decision.yml").unlink()
    assert load_error(data_dir) == "data/decision.yml: cannot be read (No such file or directory)"


@broken_data
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


@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Pacific/Kiritimati"])
def test_the_future_starts_at_the_same_moment_in_every_time_zone(
    data_dir: Path, write, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """Today in UTC is valid on a machine 12 hours behind or 14 hours ahead of it."""
    today = dt.datetime.now(dt.UTC).date()
    comparison = read_data("comparison.yml")
    routing(comparison)["verified"] = today.isoformat()
    write("comparison.yml", comparison)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        load_site_data(data_dir, DOCS)
        routing(comparison)["verified"] = (today + dt.timedelta(days=2)).isoformat()
        message = load_error(write("comparison.yml", comparison))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert f"expected a date not in the future (today is {today}" in message


GUIDES = {
    "comparison.yml": (routing, "dimensions 'routing'"),
    "claims.yml": (lambda c: entry(c["claims"], "flask-pro-minimal"), "claims 'flask-pro-minimal'"),
    "decision.yml": (lambda d: answer(d, "small"), "answers 'small'"),
}


@broken_data
@pytest.mark.long
@pytest.mark.parametrize("name", GUIDES)
def test_a_guide_anchor_missing_on_the_built_page_stops_the_build(one_page, name: str) -> None:
    """Checked once the pages are built: MkDocs does not see links that macros write."""
    one_page.write("## A heading\n\nText.")
    content = read_data(name)
    find, shown = GUIDES[name]
    find(content)["guide"] = "case.md#a-heading"
    (one_page.root / "data" / name).write_text(dump_data(content), encoding="utf-8")
    assert one_page.build().returncode == 0
    find(content)["guide"] = "case.md#no-such-heading"
    (one_page.root / "data" / name).write_text(dump_data(content), encoding="utf-8")
    build = one_page.build()
    assert build.returncode != 0 and "Traceback" not in build.log
    errors = [line for line in build.log.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert errors == [
        f"ERROR   -  data/{name}: {shown}: field 'guide': expected an anchor that exists on "
        "case.md, got '#no-such-heading'"
    ], build.log
