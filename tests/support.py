"""Helpers the tests share (fixtures live in the conftest files)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"


def read_data(name: str) -> dict:
    """A data file as plain YAML, without the site's checks (to build broken copies)."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def entry(entries: list[dict], entry_id: str) -> dict:
    return next(item for item in entries if item["id"] == entry_id)
