"""This environment is its combination, and every `pip install` a page shows is pinned in it."""

from __future__ import annotations

from importlib.metadata import requires, version

import pytest

from tests.examples.helpers import commands
from tests.pins import installed_combination

COVERS = [
    "flask/install.sh:async",
    "flask/install.sh:sqlalchemy",
    "flask/install.sh:wtf",
    "flask/install.sh:login",
]

COMBINATION, PINNED = installed_combination()


@pytest.mark.parametrize("distribution", sorted(PINNED))
def test_installed_version_is_the_pinned_one(distribution: str) -> None:
    """tox installed exactly requirements/<combination>.txt: the versions the site names."""
    assert version(distribution) == PINNED[distribution], f"requirements/{COMBINATION}.txt"


@pytest.mark.parametrize("target", COVERS)
def test_install_line_names_a_pinned_package(target: str) -> None:
    path, _, name = target.partition(":")
    [line] = commands(path, name)
    package = line.removeprefix("pip install ").strip('"')
    distribution = package.split("[")[0].lower()
    assert distribution in PINNED, line


def test_flask_async_extra_is_asgiref_and_asgiref_is_installed() -> None:
    """`flask[async]` adds asgiref, which the suite pins (Flask needs it for async views)."""
    extras = [req for req in requires("flask") if 'extra == "async"' in req]
    assert extras and extras[0].startswith("asgiref")
    assert "asgiref" in PINNED
