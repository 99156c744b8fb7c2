"""Shared fixtures: the site is built once per test session, strictly, into a temp dir."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data import SiteData, load_site_data
from tests.support import free_port

ROOT = Path(__file__).resolve().parent.parent
# What a throwaway copy of the project needs in order to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data", "examples")
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

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].strip("/"))

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
    """The real site, built once for the whole session, for a free local port.

    Browser tests serve it at that port, so its absolute URLs (sitemap,
    canonical links) point at the server that serves it.
    """
    url = f"http://127.0.0.1:{free_port()}/"
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site", {"SITE_URL": url})
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def data() -> SiteData:
    """Every data file, loaded and checked as the build does."""
    return load_site_data(ROOT / "data", ROOT / "docs")
