"""Every `pip install` a page shows names a package the suite pins, installs and tests."""

from __future__ import annotations

import re
from importlib.metadata import requires, version

import pytest

from tests.examples.helpers import ROOT, commands

COVERS = [
    "flask/install.sh:async",
    "flask/install.sh:sqlalchemy",
    "flask/install.sh:wtf",
    "flask/install.sh:login",
]

PINNED = {
    name.lower(): pin
    for name, pin in re.findall(
        r"^([A-Za-z0-9._-]+)==(\S+)", (ROOT / "requirements-dev.txt").read_text(), re.MULTILINE
    )
}


@pytest.mark.parametrize("target", COVERS)
def test_install_line_names_a_pinned_package(target: str) -> None:
    path, _, name = target.partition(":")
    [line] = commands(path, name)
    package = line.removeprefix("pip install ").strip('"')
    distribution = package.split("[")[0].lower()
    assert distribution in PINNED, line
    assert version(distribution) == PINNED[distribution]


def test_flask_async_extra_is_asgiref_and_asgiref_is_installed() -> None:
    """`flask[async]` adds asgiref, which the suite pins (Flask needs it for async views)."""
    extras = [req for req in requires("flask") if 'extra == "async"' in req]
    assert extras and extras[0].startswith("asgiref")
    assert version("asgiref") == PINNED["asgiref"]
