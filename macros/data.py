"""Load every data file the site renders, and check what JSON Schema cannot.

One path for all of them: `load_checked` reads a file through `datafile`
(YAML, then its `<name>.schema.json`), applies the rules every file shares
(unique ids, real dates not in the future, https URLs, `guide` pages that
exist), then the file's own rules from `RULES`. Every failure is one DataError
line: `data/<file>: <entry>: field '<field>': expected <what>`.

To add a data file: give it a schema beside it, add its rules to `RULES` (or
none) and a field to `SiteData`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from macros.datafile import DataError, describe, load_yaml, validate

# Column and tab order everywhere on the site: the two frameworks it compares...
FRAMEWORKS = {"flask": "Flask", "django": "Django"}
# ...and every framework a page may show, in the order shown: FastAPI third, where a page or
# a data file has it (its own page, a third column, a third bar).
SHOWN_FRAMEWORKS = {**FRAMEWORKS, "fastapi": "FastAPI"}
# The benchmark divides every framework's results by Django's on the same interface:
# Flask's under WSGI, FastAPI's under ASGI.
BASELINE = "django"
DATE_FIELDS = ("verified", "released", "latest_released", "as_of", "date")
URL_FIELDS = ("url", "docs")


@dataclass(frozen=True)
class SiteData:
    """Every data file, validated, with entries looked up by id."""

    frameworks: dict[str, dict]
    facts: dict[str, dict]
    categories: dict[str, dict]
    dimensions: list[dict]
    claims: list[dict]
    decision: dict
    migration: list[dict]
    faq: list[dict]
    usage: dict[str, dict]  # measures by id
    benchmarks: dict
    files: dict[str, DataFile]  # "comparison.yml" -> the file, to report a place in it


@dataclass(frozen=True)
class DataFile:
    """One loaded file, and how to report a problem at a place in it."""

    shown: str  # the path as authors know it: "data/comparison.yml"
    content: dict

    def fail(self, location: list[str | int], expected: str) -> None:
        entry, field = describe(self.content, location)
        raise DataError(f"{self.shown}: {entry}: field '{field}': expected {expected}")


def load_site_data(data_dir: Path, docs_dir: Path, today: dt.date | None = None) -> SiteData:
    """Load and check every data file; the first problem raises a one-line DataError."""
    today = today or dt.datetime.now(dt.UTC).date()
    loaded: dict[str, DataFile] = {}
    for name, rules in RULES.items():
        loaded[name] = load_checked(data_dir / name, docs_dir, today)
        rules(loaded[name], loaded)
    comparison = loaded["comparison.yml"].content
    return SiteData(
        frameworks={entry["id"]: entry for entry in comparison["frameworks"]},
        facts={entry["id"]: entry for entry in comparison["facts"]},
        categories={entry["id"]: entry for entry in comparison["categories"]},
        dimensions=comparison["dimensions"],
        claims=loaded["claims.yml"].content["claims"],
        decision=loaded["decision.yml"].content,
        migration=loaded["migration.yml"].content["concepts"],
        faq=loaded["faq.yml"].content["questions"],
        usage={entry["id"]: entry for entry in loaded["usage.yml"].content["measures"]},
        benchmarks=loaded["benchmarks.yml"].content,
        files=loaded,
    )


def check_guide_anchors(data: SiteData, anchors_on: Callable[[str], set[str] | None]) -> None:
    """Each `guide: page.md#anchor` names an anchor the built page has.

    Run after the pages are rendered: `anchors_on(page)` gives the ids on that
    built page (None when it was not built; `_check_guide` requires it exists).
    """
    for data_file in data.files.values():
        for location, key, value in _walk(data_file.content, []):
            if key != "guide" or "#" not in value:
                continue
            page, _, anchor = value.partition("#")
            present = anchors_on(page)
            if present is not None and anchor not in present:
                data_file.fail(location, f"an anchor that exists on {page}, got '#{anchor}'")


def load_checked(path: Path, docs_dir: Path, today: dt.date) -> DataFile:
    """Read one file, validate it against its schema, apply the rules all files share."""
    shown = f"{path.parent.name}/{path.name}"
    content = load_yaml(path, shown)
    validate(content, path.with_suffix(".schema.json"), shown)
    data = DataFile(shown, content)
    for collection, entries in content.items():
        if isinstance(entries, list):
            _check_unique_ids(data, [collection], entries)
    for location, key, value in _walk(content, []):
        if key in DATE_FIELDS:
            _check_date(data, location, value, today)
        elif key in URL_FIELDS:
            _check_url(data, location, value)
        elif key == "guide":
            _check_guide(data, location, value, docs_dir)
    return data


# ---- Rules of one file --------------------------------------------------------


def _comparison_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    content = data.content
    ids = [entry["id"] for entry in content["frameworks"]]
    if ids != list(FRAMEWORKS):
        data.fail(["frameworks"], f"one entry each for {', '.join(FRAMEWORKS)}, got {ids}")
    for index, framework in enumerate(content["frameworks"]):
        current = [r for r in framework["releases"] if r["status"] == "current"]
        if len(current) != 1:
            data.fail(
                ["frameworks", index, "releases"],
                f"exactly one release with status 'current', got {len(current)}",
            )
    _check_references(data, "dimensions", "category", content["categories"], "categories")
    used = {entry["category"] for entry in content["dimensions"]}
    for index, category in enumerate(content["categories"]):
        if category["id"] not in used:
            data.fail(["categories", index, "id"], "at least one dimension in this category")


def _claims_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    dimensions = loaded["comparison.yml"].content["dimensions"]
    known = {entry["id"] for entry in dimensions}
    for index, claim in enumerate(data.content["claims"]):
        if "dimension" in claim and claim["dimension"] not in known:
            data.fail(
                ["claims", index, "dimension"],
                f"a dimension id from comparison.yml, got {claim['dimension']!r}",
            )


def _decision_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    """Answer ids are unique across the file; cases and alternatives name real answers."""
    question_of: dict[str, str] = {}
    for q_index, question in enumerate(data.content["questions"]):
        for a_index, answer in enumerate(question["answers"]):
            if answer["id"] in question_of:
                data.fail(
                    ["questions", q_index, "answers", a_index, "id"],
                    f"an answer id unique across the file, but '{answer['id']}' also "
                    f"answers question '{question_of[answer['id']]}'",
                )
            question_of[answer["id"]] = question["id"]
    alternatives = data.content.get("alternatives", [])
    for index, alternative in enumerate(alternatives):
        location = ["alternatives", index]
        _check_answers(data, [*location, "when"], alternative["when"], question_of)
        for answer_id in alternative.get("unless", []):
            if answer_id not in question_of:
                data.fail([*location, "unless"], f"known answer ids, got '{answer_id}'")
            if answer_id in alternative["when"]:
                data.fail([*location, "unless"], f"ids not in 'when', got '{answer_id}'")
    known = [alternative["id"] for alternative in alternatives]
    for index, case in enumerate(data.content["cases"]):
        _check_answers(data, ["cases", index, "answers"], case["answers"], question_of)
        for reason in case["reasons"]:
            if reason not in case["answers"]:
                data.fail(
                    ["cases", index, "reasons"],
                    f"answer ids of this case, got '{reason}'",
                )
        for alternative_id in case.get("alternatives", []):
            if alternative_id not in known:
                data.fail(
                    ["cases", index, "alternatives"],
                    f"alternative ids ({', '.join(known) or 'none defined'}), "
                    f"got '{alternative_id}'",
                )


def _check_answers(
    data: DataFile, location: list, answer_ids: list[str], question_of: dict[str, str]
) -> None:
    """Known answer ids, at most one per question (a set of answers a reader can give)."""
    answered: dict[str, str] = {}
    for answer_id in answer_ids:
        if answer_id not in question_of:
            data.fail(location, f"known answer ids, got '{answer_id}'")
        question = question_of[answer_id]
        if question in answered:
            data.fail(
                location,
                f"one answer per question, but '{answered[question]}' and '{answer_id}' "
                f"both answer '{question}'",
            )
        answered[question] = answer_id


def _usage_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    """Point ids are unique across measures; dated points run oldest first; shares are <= 100."""
    seen: set[str] = set()
    for m_index, measure in enumerate(data.content["measures"]):
        previous = ""
        for p_index, point in enumerate(measure["points"]):
            where = ["measures", m_index, "points", p_index]
            if point["id"] in seen:
                data.fail([*where, "id"], f"a point id unique across the file, got '{point['id']}'")
            seen.add(point["id"])
            if point.get("as_of", "9999") <= previous:
                data.fail([*where, "as_of"], f"a date after the previous point's {previous}")
            previous = point.get("as_of", "")
            for framework, value in point["values"].items():
                if measure["unit"] == "percent" and value > 100:
                    data.fail([*where, "values", framework], f"a percentage up to 100, got {value}")


def _no_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    """The schema and the rules every file shares are enough."""


def _benchmarks_rules(data: DataFile, loaded: dict[str, DataFile]) -> None:
    """The run names its frameworks (known ones, in the site's order, Flask and Django first);
    results name known setups and endpoints, have one run per round, and are complete: every
    framework answered every endpoint beside a Django result on the same interface (else the
    run was partial), and has its versions, load time and install stacks."""
    content = data.content
    frameworks = content["frameworks"]
    in_order = [key for key in SHOWN_FRAMEWORKS if key in frameworks]
    if frameworks != in_order or frameworks[: len(FRAMEWORKS)] != list(FRAMEWORKS):
        data.fail(
            ["frameworks"],
            f"frameworks from {', '.join(SHOWN_FRAMEWORKS)} in that order, starting with "
            f"{', '.join(FRAMEWORKS)}, got {frameworks}",
        )
    for collection in ("setups", "load_app", "install"):
        for index, entry in enumerate(content[collection]):
            if entry["framework"] not in frameworks:
                data.fail(
                    [collection, index, "framework"],
                    f"one of the run's frameworks ({', '.join(frameworks)}), "
                    f"got {entry['framework']!r}",
                )
    if missing := [key for key in frameworks if key not in content["versions"]]:
        data.fail(["versions"], f"the version of each framework of the run, missing {missing}")
    for collection in ("throughput", "startup"):
        _check_references(data, collection, "setup", content["setups"], "setups")
    _check_references(data, "throughput", "endpoint", content["endpoints"], "endpoints")
    setups = {setup["id"]: setup for setup in content["setups"]}
    seen: set[tuple[str, str]] = set()
    # endpoint -> interface -> frameworks measured on it
    measured: dict[str, dict[str, set[str]]] = {}
    for index, result in enumerate(content["throughput"]):
        if (result["endpoint"], result["setup"]) in seen:
            data.fail(["throughput", index], "one result per endpoint and setup")
        seen.add((result["endpoint"], result["setup"]))
        setup = setups[result["setup"]]
        on = measured.setdefault(result["endpoint"], {}).setdefault(setup["interface"], set())
        on.add(setup["framework"])
        if len(result["runs"]) != content["run"]["repeats"]:
            data.fail(
                ["throughput", index, "runs"],
                f"{content['run']['repeats']} runs (run.repeats), got {len(result['runs'])}",
            )
    for index, endpoint in enumerate(content["endpoints"]):
        interfaces = measured.get(endpoint["id"], {}).values()
        for key in frameworks:
            if key != BASELINE and not any({key, BASELINE} <= on for on in interfaces):
                data.fail(
                    ["endpoints", index],
                    f"a {SHOWN_FRAMEWORKS[key]} and a {SHOWN_FRAMEWORKS[BASELINE]} result "
                    "on the same interface (a partial run?)",
                )
    for collection, field, wanted in (
        ("startup", "setup", list(setups)),
        ("load_app", "framework", frameworks),
    ):
        got = [entry[field] for entry in content[collection]]
        if sorted(got) != sorted(wanted):
            data.fail([collection], f"one entry per {field} ({', '.join(wanted)}), got {got}")
    stacks = sorted({entry["framework"] for entry in content["install"]})
    if stacks != sorted(frameworks):
        data.fail(["install"], f"stacks of every framework of the run, got {stacks}")


# Loaded in this order: a file's rules may look at the files before it.
RULES: dict[str, Callable[[DataFile, dict[str, DataFile]], None]] = {
    "comparison.yml": _comparison_rules,
    "claims.yml": _claims_rules,
    "decision.yml": _decision_rules,
    "migration.yml": _no_rules,
    "faq.yml": _no_rules,
    "usage.yml": _usage_rules,
    "benchmarks.yml": _benchmarks_rules,
}


# ---- Rules every file shares --------------------------------------------------


def _walk(node: object, location: list[str | int]) -> Iterator[tuple[list, str, object]]:
    """Every (location, key, value) of the nested data, keys of mappings only."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield [*location, key], key, value
            yield from _walk(value, [*location, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, [*location, index])


def _check_unique_ids(data: DataFile, location: list, entries: list) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and "id" in entry:
            if entry["id"] in seen:
                data.fail(
                    [*location, index, "id"],
                    f"a unique id, but '{entry['id']}' is used twice in {location[-1]}",
                )
            seen.add(entry["id"])


def _check_date(data: DataFile, location: list, value: str, today: dt.date) -> None:
    """The schema checked the form; this checks the calendar and the clock."""
    text = value if len(value) == 10 else f"{value}-01"  # a month stands for its first day
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        data.fail(location, f"a real calendar date, got {value!r}")
    if day > today:
        data.fail(location, f"a date not in the future (today is {today}), got {value!r}")


def _check_url(data: DataFile, location: list, value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        data.fail(location, f"an https:// URL, got {value!r}")


def _check_guide(data: DataFile, location: list, value: str, docs_dir: Path) -> None:
    """A `guide` names a page that exists; its #anchor is checked once pages are built
    (`check_guide_anchors`)."""
    if not (docs_dir / value.partition("#")[0]).is_file():
        data.fail(location, f"a page that exists under {docs_dir.name}/, got {value!r}")


def _check_references(
    data: DataFile, collection: str, field: str, targets: list[dict], target_name: str
) -> None:
    known = [entry["id"] for entry in targets]
    for index, entry in enumerate(data.content[collection]):
        if entry[field] not in known:
            data.fail(
                [collection, index, field],
                f"one of the {target_name} ids ({', '.join(known)}), got {entry[field]!r}",
            )
