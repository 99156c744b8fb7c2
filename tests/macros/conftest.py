"""Fixtures for the data-layer tests: throwaway copies of data/ to break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import DATA, dump_data


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
        text = content if isinstance(content, str) else dump_data(content)
        (data_dir / name).write_text(text, encoding="utf-8")
        return data_dir

    return write_file
