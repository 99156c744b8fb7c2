"""Load data/comparison.yml and data/claims.yml, and check what JSON Schema cannot.

The schema checks shapes and formats. This module adds the rules that need the
whole file, the other file or the docs folder: unique ids, references that
exist, real calendar dates that are not in the future, https-only URLs, one
current release per framework. Every failure is one DataError line:
`<file>: <entry>: field '<field>': <what was expected>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from macros.datafile import DataError, describe, load_yaml, validate

FRAMEWORKS = ("flask", "django")
DATE_FIELDS = ("verified", "released", "latest_released")
URL_FIELDS = ("url", "docs")


@dataclass(frozen=True)
class SiteData:
    """Both data files, validated, with entries looked up by id."""

    frameworks: dict[str, dict]
    facts: dict[str, dict]
    categories: dict[str, dict]
    dimensions: list[dict]
    claims: list[dict]


def load_site_data(data_dir: Path, docs_dir: Path, today: dt.date | None = None) -> SiteData:
    """Load and check both data files; the first problem raises a one-line DataError."""
    today = today or dt.date.today()
    comparison = load_checked(data_dir / "comparison.yml", today)
    dimension_ids = {entry["id"] for entry in comparison["dimensions"]}
    _check_guides(data_dir / "comparison.yml", comparison, "dimensions", docs_dir)

    claims_path = data_dir / "claims.yml"
    claims = load_checked(claims_path, today)
    for index, claim in enumerate(claims["claims"]):
        if "dimension" in claim and claim["dimension"] not in dimension_ids:
            _fail(
                claims_path,
                claims,
                ["claims", index, "dimension"],
                f"a dimension id from comparison.yml, got {claim['dimension']!r}",
            )
    _check_guides(claims_path, claims, "claims", docs_dir)

    return SiteData(
        frameworks={entry["id"]: entry for entry in comparison["frameworks"]},
        facts={entry["id"]: entry for entry in comparison["facts"]},
        categories={entry["id"]: entry for entry in comparison["categories"]},
        dimensions=comparison["dimensions"],
        claims=claims["claims"],
    )


def load_checked(path: Path, today: dt.date) -> dict:
    """Load one data file, validate it against `<name>.schema.json`, apply the rules."""
    path = _shown(path)
    data = load_yaml(path)
    validate(data, path.with_suffix(".schema.json"), path)
    for collection, entries in data.items():
        _check_unique_ids(path, data, collection, entries)
    for location, key, value in _walk(data, []):
        if key in DATE_FIELDS:
            _check_date(path, data, location, value, today)
        elif key in URL_FIELDS:
            _check_url(path, data, location, value)
    if "frameworks" in data:
        _check_frameworks(path, data)
        _check_references(path, data, "dimensions", "category", "categories")
    return data


def _shown(path: Path) -> Path:
    """The path as authors know it ('data/comparison.yml') when run from the project."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _fail(path: Path, data: object, location: list[str | int], expected: str) -> None:
    entry, field = describe(data, location)
    raise DataError(f"{path}: {entry}: field '{field}': expected {expected}")


def _walk(node: object, location: list[str | int]) -> Iterator[tuple[list, str, object]]:
    """Every (location, key, value) of the nested data, keys of mappings only."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield [*location, key], key, value
            yield from _walk(value, [*location, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, [*location, index])


def _check_unique_ids(path: Path, data: dict, collection: str, entries: object) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and "id" in entry:
            if entry["id"] in seen:
                _fail(
                    path,
                    data,
                    [collection, index, "id"],
                    f"a unique id, but '{entry['id']}' is used twice in {collection}",
                )
            seen.add(entry["id"])


def _check_date(path: Path, data: dict, location: list, value: str, today: dt.date) -> None:
    """Schema checked the form; this checks the calendar and the clock."""
    text = value if len(value) == 10 else f"{value}-01"  # a month stands for its first day
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        _fail(path, data, location, f"a real calendar date, got {value!r}")
    if day > today:
        _fail(path, data, location, f"a date not in the future (today is {today}), got {value!r}")


def _check_url(path: Path, data: dict, location: list, value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        _fail(path, data, location, f"an https:// URL, got {value!r}")


def _check_references(path: Path, data: dict, collection: str, field: str, target: str) -> None:
    known = [entry["id"] for entry in data[target]]
    for index, entry in enumerate(data[collection]):
        if entry[field] not in known:
            allowed = ", ".join(known)
            _fail(
                path,
                data,
                [collection, index, field],
                f"one of the {target} ids ({allowed}), got {entry[field]!r}",
            )


def _check_frameworks(path: Path, data: dict) -> None:
    ids = [entry["id"] for entry in data["frameworks"]]
    if sorted(ids) != sorted(FRAMEWORKS):
        _fail(path, data, ["frameworks"], f"one entry each for flask and django, got {ids}")
    for index, framework in enumerate(data["frameworks"]):
        current = [r for r in framework["releases"] if r["status"] == "current"]
        if len(current) != 1:
            _fail(
                path,
                data,
                ["frameworks", index, "releases"],
                f"exactly one release with status 'current', got {len(current)}",
            )


def _check_guides(path: Path, data: dict, collection: str, docs_dir: Path) -> None:
    """A `guide` must name a page that exists; lychee checks the #anchor in the built site."""
    for index, entry in enumerate(data[collection]):
        guide = entry.get("guide")
        if guide and not (docs_dir / guide.split("#")[0]).is_file():
            _fail(
                _shown(path),
                data,
                [collection, index, "guide"],
                f"a page that exists under {docs_dir.name}/, got {guide!r}",
            )
