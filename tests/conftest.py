"""Shared fixtures: the site is built once per test session, strictly, into a temp dir."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from filelock import FileLock

from macros.data import SiteData, load_site_data
from macros.datafile import load_yaml
from tests.support import DATA, ROOT, Build, OnePage, copy_project, free_port, mkdocs_build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `long` first. pytest-xdist (`--dist worksteal`) splits the tests between
    the workers in this order, and a worker that runs out takes some from the end of
    another's share: with only short tests at the ends, the workers finish together."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Build:
    """The site under test, built once for the whole run.

    The deploy workflow builds the site once, for its GitHub Pages address, and
    tests that very folder before deploying it: it names the folder in
    BUILT_SITE and the address in BUILT_SITE_URL. Otherwise the real site is
    built here for a free local port; browser tests serve it at that port when
    they can, so its absolute URLs (sitemap, canonical links) point at the server.
    The pytest-xdist workers share one build: the first to need it makes it.
    """
    if built := os.environ.get("BUILT_SITE"):
        folder = Path(built).resolve()
        assert (folder / "index.html").is_file(), f"BUILT_SITE={built} holds no built site"
        return Build(0, "", folder, os.environ["BUILT_SITE_URL"])
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the folder every worker's own temp folder is in
    record = shared / "site.json"
    with FileLock(shared / "site.lock"):
        if record.exists():
            build = Build(**json.loads(record.read_text(encoding="utf-8")))
        else:
            url = f"http://127.0.0.1:{free_port()}/"
            build = mkdocs_build(ROOT, shared / "site", {"SITE_URL": url})
            record.write_text(json.dumps(vars(build), default=str))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def web_root(site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that, as a web server's root, holds the site at the path of its site_url.

    The Pages build lives under /<repository>/ and its 404 page links there
    from the root; a local build lives at the root.
    """
    prefix = urlparse(site.url).path.strip("/")
    if not prefix:
        return site.site
    root = tmp_path_factory.mktemp("web-root")
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(site.site, target_is_directory=True)
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def one_page(tmp_path: Path) -> OnePage:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    without_nav = re.sub(r"^nav:\n(?:[ \t].*\n|\n)*", "", config.read_text(), flags=re.MULTILINE)
    config.write_text(without_nav + "exclude_docs: |\n  *.md\n  !/case.md\n")
    return OnePage(project)


@pytest.fixture(scope="session")
def data() -> SiteData:
    """Every data file, loaded and checked as the build does."""
    return load_site_data(ROOT / "data", ROOT / "docs")


@pytest.fixture(scope="session")
def claims() -> dict[str, dict]:
    """data/claims.yml as {id: claim}."""
    return {claim["id"]: claim for claim in load_yaml(DATA / "claims.yml")["claims"]}
