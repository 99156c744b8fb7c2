"""The versions the requirements files pin: `name==version` lines, following `-r`."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# One file per combination of the sample matrix (tox.ini), named after its tox environment.
COMBINATIONS = ROOT / "requirements"
PIN = re.compile(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==(\S+)")


def read_pins(path: Path) -> dict[str, str]:
    """Lower-case distribution name -> pinned version, for a file and what it includes."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            pins.update(read_pins(path.parent / line.removeprefix("-r ").strip()))
        elif match := PIN.fullmatch(line):
            pins[match.group(1).lower()] = match.group(3)
    return pins


def combinations() -> dict[str, dict[str, str]]:
    """tox environment name -> what that combination pins (files that pin Django)."""
    found = {path.stem: read_pins(path) for path in sorted(COMBINATIONS.glob("*.txt"))}
    return {name: pins for name, pins in found.items() if "django" in pins}


def installed_combination() -> tuple[str, dict[str, str]]:
    """The combination this environment was installed from: the one pinning its Django."""
    django = version("django")
    matches = [(name, pins) for name, pins in combinations().items() if pins["django"] == django]
    assert matches, f"Django {django} is pinned by no file in requirements/: run the tests with tox"
    return matches[0]
