"""Which data entries are due for re-checking: `make freshness`.

Every entry in data/*.yml that has an `id` and a `verified` date (frameworks,
facts, dimensions, claims, decision answers...) is listed when that date is
more than 12 months before today. The report is for people: it is printed as
Markdown and the command always exits 0, so it never fails a build. The weekly
workflow .github/workflows/freshness.yml posts it to a GitHub issue.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.datafile import DataError, load_yaml

MONTHS = 12
ALL_FRESH = f"All entries were verified within the last {MONTHS} months."


@dataclass(frozen=True)
class Entry:
    file: str
    collection: str
    id: str
    verified: str


def entries(data: object, file: str, collection: str = "(top level)") -> Iterator[Entry]:
    """Every mapping with an `id` and a `verified` date, at any depth."""
    if isinstance(data, dict):
        if "id" in data and "verified" in data:
            yield Entry(file, collection, str(data["id"]), str(data["verified"]))
        for key, value in data.items():
            yield from entries(value, file, str(key) if isinstance(value, list) else collection)
    elif isinstance(data, list):
        for item in data:
            yield from entries(item, file, collection)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier; the 31st becomes the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def stale(found: list[Entry], today: dt.date, months: int = MONTHS) -> list[Entry]:
    """Entries verified before the cutoff, oldest first. A date that is not
    ISO (YYYY-MM-DD) counts as stale: nobody can tell when it was checked."""
    cutoff = months_before(today, months)

    def when(entry: Entry) -> dt.date:
        try:
            return dt.date.fromisoformat(entry.verified)
        except ValueError:
            return dt.date.min

    return sorted((e for e in found if when(e) < cutoff), key=lambda e: (when(e), e.file, e.id))


def report(data_dir: Path, today: dt.date) -> str:
    """The Markdown report for every YAML file in data_dir."""
    found: list[Entry] = []
    for path in sorted(data_dir.glob("*.yml")):
        found += entries(load_yaml(path, f"{data_dir.name}/{path.name}"), path.name)
    if not found:
        return f"No entries with a `verified` date in {data_dir}."
    due = stale(found, today)
    if not due:
        return ALL_FRESH
    lines = [
        f"{len(due)} of {len(found)} entries were last verified more than {MONTHS} months "
        f"ago (before {months_before(today, MONTHS)}). Check each against its sources, "
        "then update its `verified` date:",
        "",
    ]
    lines += [f"- `{e.file}` {e.collection} `{e.id}`: verified {e.verified}" for e in due]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        print(report(data_dir, dt.datetime.now(dt.UTC).date()))
    except DataError as error:
        print(f"The freshness report could not read the data: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
