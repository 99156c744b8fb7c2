"""Helpers the tests share (fixtures live in the conftest files)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
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


def run(*command: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    """Run a command to completion and capture its text output; never raises on failure."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)


def run_lychee(root: Path):
    """lychee over a built site, offline, fragments included: links and #anchors in the HTML."""
    lychee = Path(sys.executable).parent / "lychee"
    return run(
        str(lychee if lychee.exists() else "lychee"),
        *("--offline", "--no-progress", "--include-fragments"),
        *("--index-files", "index.html", "--root-dir", str(root), str(root)),
    )


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
