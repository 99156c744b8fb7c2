"""Helpers shared by the guide tests: the claims data and page text as a reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.datafile import load_yaml
from tests.conftest import Build

ROOT = Path(__file__).resolve().parents[2]
CLAIMS_FILE = ROOT / "data" / "claims.yml"


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


@pytest.fixture(scope="session")
def claims() -> dict[str, dict]:
    """data/claims.yml as {id: claim}."""
    entries = load_yaml(CLAIMS_FILE)["claims"]
    return {claim["id"]: claim for claim in entries}
