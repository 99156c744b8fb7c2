"""The sample matrix and what the site says about it agree.

data/comparison.yml names the versions the samples are tested on; the
requirements files of tox.ini's combinations install them; .python-version
names the one Python that .venv, every combination and CI run on.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.data import SiteData
from scripts.quotes import data_citations
from tests.pins import COMBINATIONS, combinations, read_pins
from tests.support import ROOT

PYTHON = (ROOT / ".python-version").read_text().strip()
FIND_PYTHON = ROOT / "scripts" / "find-python"
# FastAPI's and Starlette's files at a release tag: the quote checker reads them from that sdist.
TAGGED = re.compile(r"^https://github\.com/(fastapi/fastapi|Kludex/starlette)/blob/([^/]+)/")


def tox_config() -> configparser.ConfigParser:
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "tox.ini")
    return config


def series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def supports(python_range: str, python: str) -> bool:
    """Whether a release's `python` text ('3.12 to 3.15', '3.9 or later') covers a version."""
    key = [tuple(int(n) for n in v.split(".")) for v in re.findall(r"\d+\.\d+", python_range)]
    wanted = tuple(int(n) for n in python.split("."))
    return key[0] <= wanted and ("or later" in python_range or wanted <= key[-1])


def test_pin_reader_follows_includes(tmp_path: Path) -> None:
    (tmp_path / "common.txt").write_text("Flask==2.9.4  # a comment\nflask-wtf[email]==0.9.1\n")
    (tmp_path / "combo.txt").write_text("# header\n-r common.txt\nDjango==4.0.7\n")
    assert read_pins(tmp_path / "combo.txt") == {
        "flask": "2.9.4",
        "flask-wtf": "0.9.1",
        "django": "4.0.7",
    }


def test_every_combination_is_a_tox_environment_with_its_own_file() -> None:
    config = tox_config()
    environments = [name.strip() for name in config["tox"]["env_list"].split(",")]
    assert sorted(environments) == sorted(combinations())
    assert config["testenv"]["deps"].strip() == "-r requirements/{env_name}.txt"
    # In CI a combination that cannot run fails instead of being skipped.
    assert config["tox"]["skip_missing_interpreters"].strip() == "false"


def test_combinations_differ_only_in_django_and_agree_with_the_site_pins() -> None:
    """Flask 3.1.x and every other package are the same in every combination."""
    files = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
    files += sorted(COMBINATIONS.glob("*.txt"))
    seen: dict[str, tuple[str, str]] = {}
    for path in files:
        for name, pin in read_pins(path).items():
            first = seen.setdefault(name, (pin, path.name))
            if name != "django":
                assert first[0] == pin, f"{name}: {first[0]} in {first[1]}, {pin} in {path.name}"


def test_the_data_names_exactly_the_versions_the_matrix_installs(data: SiteData) -> None:
    flask, django = data.frameworks["flask"], data.frameworks["django"]
    pins = combinations().values()
    assert sorted(p["django"] for p in pins) == sorted([django["tested"], django["tested_lts"]])
    assert {p["flask"] for p in pins} == {flask["tested"]}


def matrix_pin(name: str) -> str:
    """The version every combination of the sample matrix installs."""
    [pinned] = {pins[name] for pins in combinations().values()}
    return pinned


def test_the_tested_fastapi_is_the_one_the_matrix_installs(data: SiteData) -> None:
    assert data.facts["fastapi-tested"]["value"] == matrix_pin("fastapi")


def test_tagged_fastapi_and_starlette_sources_name_the_tested_releases() -> None:
    """A version bump moves the samples, the data and every quote together."""
    installed = {
        "fastapi/fastapi": matrix_pin("fastapi"),
        "Kludex/starlette": matrix_pin("starlette"),
    }
    urls = [citation.url for citation in data_citations()]
    tags = [match.groups() for url in urls if (match := TAGGED.match(url))]
    assert {repo for repo, _ in tags} == set(installed)
    for repo, tag in tags:
        assert tag == installed[repo], (repo, tag)


def test_tested_releases_are_the_current_series_and_the_lts(data: SiteData) -> None:
    """The pages show what `pip install django` gives today, and the LTS is the LTS."""
    for framework in data.frameworks.values():
        releases = {release["series"]: release for release in framework["releases"]}
        assert releases[series(framework["tested"])]["status"] == "current", framework["id"]
        if "tested_lts" in framework:
            lts = releases[series(framework["tested_lts"])]
            assert lts["lts"] and lts["status"] != "end-of-life", framework["id"]


def test_one_python_for_the_data_the_tests_and_every_tested_release(data: SiteData) -> None:
    assert "{}.{}".format(*sys.version_info[:2]) == PYTHON, "make recreates .venv from it"
    for framework in data.frameworks.values():
        assert framework["tested_python"] == PYTHON, framework["id"]
        releases = {release["series"]: release for release in framework["releases"]}
        for tested in (framework["tested"], framework.get("tested_lts")):
            if tested:
                assert supports(releases[series(tested)]["python"], PYTHON), tested


def test_supports_reads_ranges_and_open_ends() -> None:
    assert supports("3.12 to 3.15", "3.13") and not supports("3.12 to 3.14", "3.15")
    assert supports("3.9 or later", "3.13") and not supports("3.10 to 3.14", "3.9")


def test_workflows_run_the_python_of_python_version() -> None:
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for name, job in yaml.safe_load(path.read_text())["jobs"].items():
            where = f"{path.name} job {name}"
            image = job.get("container", "")
            if image.startswith("python:"):
                assert re.fullmatch(rf"python:{re.escape(PYTHON)}-\w+", image), where
            steps = job.get("steps", [])
            setups = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
            for step in setups:
                assert step["with"] == {"python-version-file": ".python-version"}, where
            runs_make = any("make" in step.get("run", "") for step in steps)
            assert not runs_make or image or setups, f"{where} runs make on no chosen Python"


# --- scripts/find-python: PATH first, then pyenv, else one line -----------------


def fake_tools(tmp_path: Path) -> Path:
    """A PATH with the shell tools find-python uses and no Python at all."""
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("dirname", "tr", "ls", "sort"):
        (tools / tool).symlink_to(shutil.which(tool))
    return tools


def find_python(path: list[Path], pyenv_root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": os.pathsep.join(map(str, path)), "PYENV_ROOT": str(pyenv_root)}
    return subprocess.run(
        ["/bin/sh", str(FIND_PYTHON)], capture_output=True, text=True, env=env, check=False
    )


def python_called(directory: Path, name: str, target: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).symlink_to(target)
    return directory


def found(result: subprocess.CompletedProcess) -> Path:
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip()).resolve()


def test_find_python_takes_the_wanted_version_from_path(tmp_path: Path) -> None:
    bin_dir = python_called(tmp_path / "bin", f"python{PYTHON}", sys.executable)
    result = find_python([fake_tools(tmp_path), bin_dir], tmp_path / "no-pyenv")
    assert found(result) == Path(sys.executable).resolve()


def test_find_python_skips_another_version_then_falls_back_to_pyenv(tmp_path: Path) -> None:
    not_wanted = python_called(tmp_path / "bin", "python3", "/bin/false")  # exits 1: wrong one
    pyenv = tmp_path / "pyenv"
    python_called(pyenv / "versions" / f"{PYTHON}.99" / "bin", f"python{PYTHON}", sys.executable)
    result = find_python([fake_tools(tmp_path), not_wanted], pyenv)
    assert found(result) == Path(sys.executable).resolve()


def test_find_python_says_in_one_line_what_to_install(tmp_path: Path) -> None:
    result = find_python([fake_tools(tmp_path)], tmp_path / "no-pyenv")
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert f"install Python {PYTHON}" in line and f"pyenv install {PYTHON}" in line
