"""The freshness report lists entries not verified in the last 12 months, and never fails."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import freshness

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)

DATA = """\
dimensions:
  - id: routing
    verified: "2025-11-26"      # exactly 12 months: still fresh
  - id: orm
    verified: "2025-11-25"      # one day more: stale
  - id: async
    verified: "2026-06-01"
facts:
  - id: django-lts
    verified: "2023-01-10"
frameworks:
  - id: flask
    verified: "2026-10-30"
    releases:
      - series: "3.1"           # no id: not an entry of its own
        verified: "2020-01-01"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 26), dt.date(2025, 11, 26)),
        (dt.date(2024, 2, 29), dt.date(2023, 2, 28)),  # no 29 February in 2023
        (dt.date(2026, 3, 31), dt.date(2025, 3, 31)),
        (dt.date(2026, 1, 15), dt.date(2025, 1, 15)),
    ],
)
def test_twelve_months_before(today: dt.date, expected: dt.date) -> None:
    assert freshness.months_before(today, 12) == expected


def test_months_before_clamps_to_the_last_day_of_a_shorter_month() -> None:
    assert freshness.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_report_lists_only_entries_older_than_twelve_months_oldest_first(tmp_path: Path) -> None:
    text = freshness.report(write(tmp_path / "data", "comparison.yml", DATA), TODAY)
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert items == [
        "- `comparison.yml` facts `django-lts`: verified 2023-01-10",
        "- `comparison.yml` dimensions `orm`: verified 2025-11-25",
    ]
    assert text.startswith("2 of 5 entries")
    assert "before 2025-11-26" in text


def test_the_boundary_moves_with_the_injected_clock(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", "comparison.yml", DATA)
    assert "`routing`" not in freshness.report(folder, TODAY)
    assert "`routing`" in freshness.report(folder, TODAY + dt.timedelta(days=1))


def test_entries_in_every_data_file_are_checked(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", "comparison.yml", DATA)
    write(folder, "claims.yml", 'claims:\n  - id: flask-con-async\n    verified: "2024-05-01"\n')
    assert "- `claims.yml` claims `flask-con-async`: verified 2024-05-01" in freshness.report(
        folder, TODAY
    )


def test_a_date_that_is_not_iso_counts_as_stale(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", "comparison.yml", 'facts:\n  - id: x\n    verified: "May"\n')
    assert "`x`: verified May" in freshness.report(folder, TODAY)


def test_all_fresh_says_so(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "data", "comparison.yml", 'facts:\n  - id: x\n    verified: "2026-11-01"\n'
    )
    assert freshness.report(folder, TODAY) == freshness.ALL_FRESH


def run_report(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.freshness", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_exits_zero_even_with_stale_or_broken_data(tmp_path: Path) -> None:
    stale = run_report(write(tmp_path / "old", "comparison.yml", DATA))
    assert stale.returncode == 0
    assert "`django-lts`" in stale.stdout
    broken = run_report(write(tmp_path / "bad", "comparison.yml", "facts: [\n"))
    assert broken.returncode == 0
    assert "could not read the data" in broken.stdout
    assert "comparison.yml" in broken.stdout


def test_no_dated_entries_is_not_reported_as_all_fresh(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", "comparison.yml", "facts: []\n")
    assert freshness.report(folder, TODAY).startswith("No entries")
