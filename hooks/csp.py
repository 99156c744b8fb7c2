"""A strict Content-Security-Policy in every built page.

GitHub Pages sends no headers of our choosing, so the policy is a
`<meta http-equiv>` tag, put first in <head> (right after <meta charset>) so
that it governs every script. Everything comes from this site alone. Scripts
are files; the few inline scripts Material writes into each page (its storage
scope, palette, linked tabs and hash target) are allowed by their SHA-256,
computed here from the built pages after the build, so a Material upgrade that
changes them needs no edit. The allowed hashes are the same on every page:
instant navigation swaps pages in under the first page's policy.

`mkdocs serve` gets no policy: its live-reload script is inline and changes on
every reload.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # Material's icons are data: SVGs in its stylesheet
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
CHARSET = '<meta charset="utf-8">'
# An inline script: no src attribute. Data blocks (JSON, JSON-LD) never run.
INLINE_SCRIPT = re.compile(
    r"<script(?P<attributes>(?![^>]*\ssrc=)[^>]*)>(?P<code>.*?)</script>", re.S
)
DATA_TYPE = re.compile(r"""\stype=["']?application/(ld\+)?json""")

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def inline_scripts(html: str) -> list[str]:
    """The code of every inline script that runs, exactly as the browser hashes it."""
    return [
        match["code"]
        for match in INLINE_SCRIPT.finditer(html)
        if not DATA_TYPE.search(match["attributes"])
    ]


def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: list[str]) -> str:
    directives = {**POLICY, "script-src": " ".join([POLICY["script-src"], *hashes])}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def on_post_build(config: MkDocsConfig) -> None:
    if _serving:
        return
    site = Path(config.site_dir)
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    hashes = sorted({script_hash(code) for html in pages.values() for code in inline_scripts(html)})
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for path, html in pages.items():
        if CHARSET not in html:
            raise PluginError(
                f"{path.relative_to(site)}: no {CHARSET} to put the Content-Security-Policy after"
            )
        path.write_text(html.replace(CHARSET, f"{CHARSET}\n  {meta}", 1), encoding="utf-8")
