"""Helpers the tests share (fixtures live in the conftest files).

tests/examples import this module in the sample matrix (tox.ini), whose environments have
the frameworks but not the site's packages: what only site tests use is imported where used.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"


def read_data(name: str) -> dict:
    """A data file as plain YAML, without the site's checks (to build broken copies)."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two entries twice: the loader refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_data(data: object) -> str:
    """YAML the site's loader accepts, for a changed copy of a data file."""
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)


def entry(entries: list[dict], entry_id: str) -> dict:
    return next(item for item in entries if item["id"] == entry_id)


def run(*command: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    """Run a command to completion and capture its text output; never raises on failure."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)


def run_lychee(site: Path, web_root: Path | None = None):
    """lychee over a built site, offline, fragments included: links and #anchors in the HTML.

    `web_root` is where root-relative links (/path) start, when not at the site itself.
    """
    lychee = Path(sys.executable).parent / "lychee"
    return run(
        str(lychee if lychee.exists() else "lychee"),
        *("--offline", "--no-progress", "--include-fragments"),
        *("--index-files", "index.html", "--root-dir", str(web_root or site), str(site)),
    )


# Debian's Chromium, for the browser tests, `make screenshots` and `make bench`: kept off
# every host but 127.0.0.1 (it otherwise looks up Google's).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    """A port on 127.0.0.1 that is free now (for servers the tests and the bench start)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A fenced block with a title, e.g. ```yaml title="data/comparison.yml", indented or not.
FENCE = re.compile(
    r'^(?P<indent>[ ]*)(?P<fence>`{3,})\w+ title="(?P<title>[^"]+)"\n'
    r"(?P<body>.*?)\n(?P=indent)(?P=fence)$",
    re.MULTILINE | re.DOTALL,
)


def contributing_blocks() -> dict[str, str]:
    """The titled code blocks of CONTRIBUTING.md, by title, without the list indent."""
    found = {}
    for match in FENCE.finditer((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")):
        indent = len(match["indent"])
        lines = [line[indent:] for line in match["body"].splitlines()]
        found.setdefault(match["title"], "\n".join(lines) + "\n")
    return found


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

    def __post_init__(self) -> None:
        self.site = Path(self.site)  # also when read back from JSON

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse a built page by its URL path, e.g. '' or 'guide/flask/'."""
        from bs4 import BeautifulSoup

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


def copy_project(destination: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A throwaway copy of everything a build reads, for tests that break things."""
    destination.mkdir(parents=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=IGNORED)
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


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


def flat(text: str) -> str:
    """Collapse whitespace and drop Markdown backticks, so data text matches rendered text.

    Page text is joined with spaces between HTML elements (`<code>app.py</code>, ...`
    becomes "app.py , ..."), so spaces before closing punctuation are dropped too.
    """
    text = " ".join(text.replace("`", "").split())
    return re.sub(r"\s+(?=[,.;:!?)])|(?<=\()\s+", "", text)


def page_text(site: Build, url_path: str) -> str:
    """The visible text of the page's main content, flattened."""
    soup = site.page(url_path)
    main = soup.find("article") or soup
    return flat(main.get_text(" "))
