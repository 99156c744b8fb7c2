"""Every built page carries one strict Content-Security-Policy (hooks/csp.py).

Read independently of the hook: the scripts are found with an HTML parser and
hashed here. tests/browser/test_csp.py shows the browser enforces the policy;
every browser test fails on a violation (tests/browser/conftest.py).
"""

from __future__ import annotations

import base64
import hashlib

from bs4 import BeautifulSoup

from tests.support import Build

DATA_BLOCKS = {"application/json", "application/ld+json"}


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_every_page_has_the_same_strict_policy_before_any_script(site: Build) -> None:
    policies, hashes = set(), set()
    for path in site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        assert metas[0].parent.name == "head" and not metas[0].find_all_previous("script"), path
        policies.add(metas[0]["content"])
        hashes |= {
            sha256(script.string or "")
            for script in soup.find_all("script")
            if not script.get("src") and script.get("type") not in DATA_BLOCKS
        }
    assert len(policies) == 1, policies
    directives = {
        name: values for name, *values in (part.split() for part in policies.pop().split(";"))
    }
    assert directives.pop("script-src") == ["'self'", *sorted(hashes)]
    assert directives.pop("img-src") == ["'self'", "data:"]  # Material's icons in its CSS
    assert directives.pop("object-src") == ["'none'"]
    # Everything else comes from this site alone.
    assert set(directives) >= {"default-src", "style-src", "connect-src", "worker-src"}
    assert all(values == ["'self'"] for values in directives.values()), directives
