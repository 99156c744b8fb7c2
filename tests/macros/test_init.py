"""macros/__init__.py: the mkdocs-macros adapter, driven with the real config and files."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

import macros
from macros.data import SiteData
from macros.datafile import DataError
from tests.support import ROOT


class FakeEnv:
    """What define_env uses: conf, variables, macro(), filter(), the pre- and post-page
    and post-build hook lists, and the page."""

    def __init__(self, project: Path = ROOT, page: str = "guide/comparison.md") -> None:
        self.conf = load_config(str(ROOT / "mkdocs.yml"))
        self.conf.config_file_path = str(project / "mkdocs.yml")
        files = get_files(self.conf)
        self.variables: dict = {"files": files}
        self.macros: dict = {}
        self.filters: dict = {}
        self.pre_macro_functions: list = []
        self.post_macro_functions: list = []
        self.post_build_functions: list = []
        self.page = SimpleNamespace(file=files.get_file_from_path(page))

    def macro(self, function):
        self.macros[function.__name__] = function
        return function

    def filter(self, function, name: str):
        self.filters[name] = function


@pytest.fixture(scope="module")
def env() -> FakeEnv:
    env = FakeEnv()
    macros.define_env(env)
    return env


def test_every_page_macro_is_registered(env: FakeEnv) -> None:
    assert set(env.macros) == {
        "version",
        "fact",
        "comparison_table",
        "pros_cons",
        "when_to_choose",
        "corrected_claims",
        "tutorial_steps",
        "citation_counts",
        "secondary_sources",
        "decision_helper",
        "decision_table",
        "concept_map",
        "faq_answer",
        "usage_numbers",
        "benchmark_lead",
        "benchmark_ratios",
        "benchmark_throughput_chart",
        "benchmark_io_chart",
        "benchmark_table",
        "benchmark_batteries",
        "benchmark_conditions",
        "benchmark_fact",
    }


def test_links_are_relative_to_the_page_being_rendered(env: FakeEnv, data: SiteData) -> None:
    row = next(d for d in data.dimensions if d.get("guide", "").startswith("side-by-side/"))
    table = BeautifulSoup(env.macros["comparison_table"](ids=[row["id"]]), "html.parser")
    expected = "../../" + row["guide"].removesuffix(".md") + "/"
    assert table.select_one("tbody th a")["href"] == expected


def test_bad_call_is_reported_once_after_the_page_as_one_line(env: FakeEnv) -> None:
    assert env.macros["when_to_choose"]("rails") == ""
    report = env.post_macro_functions[0]
    with pytest.raises(DataError) as caught:
        report(env)
    assert str(caught.value).startswith(
        "docs/guide/comparison.md: when_to_choose('rails'): unknown framework 'rails'; allowed:"
    )
    assert report(env) is None  # reported once: the next page starts clean


def test_bad_data_stops_define_env(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for source in (ROOT / "data").iterdir():
        (tmp_path / "data" / source.name).write_bytes(source.read_bytes())
    (tmp_path / "data" / "comparison.yml").write_text("")
    with pytest.raises(DataError, match=r"^data/comparison\.yml: the file is empty"):
        macros.define_env(FakeEnv(tmp_path))
