"""macros/__init__.py: the thin mkdocs-macros adapter, driven with a stand-in env."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import macros
from macros.datafile import DataError
from tests.data.conftest import DOCS, ROOT


class Conf(SimpleNamespace):
    """MkDocs' config answers both conf.key and conf["key"]."""

    def __getitem__(self, key: str) -> object:
        return getattr(self, key)


class FakeEnv:
    """What define_env uses: conf, project_dir, variables, macro() and the current page."""

    def __init__(self, data_root: Path = ROOT) -> None:
        self.project_dir = str(data_root)
        self.conf = Conf(
            config_file_path=str(data_root / "mkdocs.yml"),
            docs_dir=str(DOCS),
            use_directory_urls=True,
        )
        self.variables: dict = {}
        self.macros: dict = {}
        self.post_macro_functions: list = []
        self.page = SimpleNamespace(url="guide/comparison/", file=SimpleNamespace(src_uri="x.md"))

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def test_define_env_registers_the_page_macros() -> None:
    env = FakeEnv()
    macros.define_env(env)
    assert set(env.macros) >= {
        "version",
        "fact",
        "comparison_table",
        "pros_cons",
        "when_to_choose",
        "corrected_claims",
    }
    assert env.macros["version"]("django", "lts") == "5.2.19"
    assert [c["id"] for c in env.variables["categories"]][:2] == ["architecture", "web-layer"]
    table = env.macros["comparison_table"](ids=["routing"])
    assert 'href="../../side-by-side/routing/"' in table  # relative to env.page.url


def test_bad_call_is_reported_once_after_the_page_as_one_line() -> None:
    env = FakeEnv()
    macros.define_env(env)
    assert env.macros["when_to_choose"]("rails") == ""
    report = env.post_macro_functions[0]
    with pytest.raises(DataError) as caught:
        report(env)
    assert str(caught.value) == (
        "docs/x.md: when_to_choose('rails'): unknown framework 'rails'; allowed: 'flask', 'django'"
    )
    report(env)  # reported once: the next page starts clean


def test_bad_data_stops_define_env(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for name in ("comparison.schema.json", "claims.schema.json", "claims.yml"):
        (tmp_path / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    (tmp_path / "data" / "comparison.yml").write_text("")
    with pytest.raises(DataError, match=r"comparison\.yml: the file is empty"):
        macros.define_env(FakeEnv(tmp_path))
