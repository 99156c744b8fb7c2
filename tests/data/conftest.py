"""Fixtures for the data-layer tests: the real data, and throwaway copies to break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from macros.comparison_data import SiteData, load_site_data

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"


class PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two entries twice: the loader refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=PlainDumper, sort_keys=False, allow_unicode=True)


def read(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def entry(entries: list[dict], entry_id: str) -> dict:
    return next(item for item in entries if item["id"] == entry_id)


@pytest.fixture(scope="session")
def data() -> SiteData:
    return load_site_data(DATA, DOCS)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of data/ (files and schemas) that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def write(data_dir: Path) -> Callable[..., Path]:
    """Write changed data (a dict, dumped as YAML, or raw text) into the copy."""

    def write_file(name: str, content: dict | str) -> Path:
        text = content if isinstance(content, str) else dump(content)
        (data_dir / name).write_text(text, encoding="utf-8")
        return data_dir

    return write_file
