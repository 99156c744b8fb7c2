"""The strict build is a real gate: it passes clean and fails on broken links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Build, mkdocs_build
from tests.support import run_lychee


def test_strict_build_prints_no_warning(site: Build) -> None:
    assert not re.search(r"^(WARNING|ERROR)\b", site.log, re.MULTILINE), site.log


def test_lychee_finds_no_broken_internal_link_or_anchor(site: Build) -> None:
    """An independent check of the built HTML: nav, templates and macro output included."""
    result = run_lychee(site.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 Errors\b", result.stdout), result.stdout


ADD_BROKEN_PAGE = "  - Home: index.md\n  - Broken: broken.md"


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("[gone](no-such-page.md)", "no-such-page.md"),
        ("[gone](index.md#no-such-anchor)", "no-such-anchor"),
    ],
    ids=["broken-link", "broken-anchor"],
)
def test_strict_build_fails_on_broken_link(project_copy: Path, link: str, words: str) -> None:
    (project_copy / "docs" / "broken.md").write_text(f"# Broken\n\nSee {link}.\n")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Home: index.md", ADD_BROKEN_PAGE))
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode != 0
    assert re.search(rf"WARNING.*broken\.md.*{re.escape(words)}", build.log), build.log


def test_lychee_gate_fails_on_broken_html_link(tmp_path: Path) -> None:
    """Links written by templates are invisible to MkDocs; lychee must catch them."""
    (tmp_path / "index.html").write_text('<a href="missing/">x</a><a href="#nowhere">y</a>')
    result = run_lychee(tmp_path)
    assert result.returncode != 0
    assert "missing" in result.stdout + result.stderr


def test_macro_engine_leaves_django_template_code_alone(project_copy: Path) -> None:
    """Django/Jinja syntax typed on a page (not only in snippets) reaches the HTML intact."""
    (project_copy / "docs" / "index.md").write_text(
        "# Templates\n\nInline: `{% load static %}` and `{{ name }}`.\n\n"
        "```django\n{% load static %}\n<p>{{ name }}</p>{# a comment #}\n```\n"
    )
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.log
    text = build.page("").get_text()
    assert "{% load static %}" in text
    assert "{{ name }}" in text
    assert "{# a comment #}" in text


def test_undefined_macro_fails_the_build(project_copy: Path) -> None:
    (project_copy / "docs" / "index.md").write_text("# Home\n\n[[ no_such_macro() ]]\n")
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode != 0
    assert "no_such_macro" in build.log


# Tags whose URL the browser fetches while loading a page.
ASSET_ATTRS = {"link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
# <link> types that are fetched; canonical/alternate links are navigation, not requests.
FETCHED_LINK_RELS = {"stylesheet", "preconnect", "preload", "icon", "modulepreload", "manifest"}
REMOTE = re.compile(r"^(https?:)?//")
CSS_REMOTE = re.compile(r"(?:@import\s+(?:url\()?|url\()['\"]?((?:https?:)?//[^'\")]+)")


def remote_assets(soup) -> list[str]:
    found = []
    for tag, attr in ASSET_ATTRS.items():
        for node in soup.find_all(tag):
            if tag == "link" and not FETCHED_LINK_RELS & set(node.get("rel", [])):
                continue
            if REMOTE.match(node.get(attr, "")):
                found.append(f"<{tag} {attr}={node[attr]}>")
    for style in soup.find_all("style"):
        found += CSS_REMOTE.findall(style.text)
    return found


def test_pages_load_nothing_from_other_hosts(site: Build) -> None:
    offenders = {}
    for html in site.html_files():
        if found := remote_assets(site.page(str(html.relative_to(site.site)))):
            offenders[str(html.relative_to(site.site))] = found
    for css in site.site.rglob("*.css"):
        if found := CSS_REMOTE.findall(css.read_text(encoding="utf-8")):
            offenders[str(css.relative_to(site.site))] = found
    assert not offenders, offenders


def test_remote_asset_detector_sees_a_cdn_script() -> None:
    """Guards the guard: the detector itself must flag what it is meant to flag."""
    html = (
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css">'
        '<link rel="canonical" href="https://site.example/">'
        "<style>@import url('https://fonts.example/a.css');</style>"
    )
    assert len(remote_assets(BeautifulSoup(html, "html.parser"))) == 3
