"""Shared fixtures: the site is built once per test session, strictly, into a temp dir."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from macros.data import SiteData, load_site_data
from tests.support import free_port

ROOT = Path(__file__).resolve().parent.parent
# What a throwaway copy of the project needs in order to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "hooks", "data", "examples")
IGNORED = shutil.ignore_patterns("__pycache__", "*.sqlite3")


def venv_tool(name: str) -> str:
    """A console script installed beside the running Python (the .venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is missing: run `make test`, which installs requirements-dev.txt"
    return found


@dataclass
class Build:
    """The result of one `mkdocs build --strict`."""

    returncode: int
    log: str
    site: Path
    url: str = "http://127.0.0.1:8000/"

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse a built page by its URL path, e.g. '' or 'guide/flask/'."""
        target = self.site / url_path
        if target.is_dir() or not target.suffix:
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def mkdocs_build(project: Path, site_dir: Path, env: dict[str, str] | None = None) -> Build:
    """Build strictly, as CI does. Never -q or -v: both hide failures (see README)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )
    url = (env or {}).get("SITE_URL", "http://127.0.0.1:8000/")
    return Build(result.returncode, result.stdout + result.stderr, site_dir, url)


def copy_project(destination: Path) -> Path:
    """A throwaway copy of everything a build reads, for tests that break things."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site under test, built once for the whole session.

    The deploy workflow builds the site once, for its GitHub Pages address, and
    tests that very folder before deploying it: it names the folder in
    BUILT_SITE and the address in BUILT_SITE_URL. Otherwise the real site is
    built here for a free local port; browser tests serve it at that port, so
    its absolute URLs (sitemap, canonical links) point at the server.
    """
    if built := os.environ.get("BUILT_SITE"):
        folder = Path(built).resolve()
        assert (folder / "index.html").is_file(), f"BUILT_SITE={built} holds no built site"
        return Build(0, "", folder, os.environ["BUILT_SITE_URL"])
    url = f"http://127.0.0.1:{free_port()}/"
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site", {"SITE_URL": url})
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


@dataclass
class OnePage:
    """A copy of the project that builds one page, docs/case.md, with the real data,
    macros and hooks: a build takes about two seconds."""

    root: Path
    front_matter: str = "---\ndescription: One page, for one test case.\n---\n"

    def write(self, body: str) -> int:
        """Write the page; return the line number of the body's first line in the file."""
        head = f"{self.front_matter}\n# Case\n\n"
        (self.root / "docs" / "case.md").write_text(head + body + "\n", encoding="utf-8")
        return head.count("\n") + 1

    def build(self) -> Build:
        return mkdocs_build(self.root, self.root / "site")


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
