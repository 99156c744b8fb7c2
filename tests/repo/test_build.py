"""The strict build is a real gate: it passes clean and fails on broken links."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import ROOT, Build, dump_data, mkdocs_build, run, run_lychee


def test_strict_build_prints_no_warning(site: Build) -> None:
    assert not re.search(r"^(WARNING|ERROR)\b", site.log, re.MULTILINE), site.log


def test_lychee_finds_no_broken_internal_link_or_anchor(site: Build, web_root: Path) -> None:
    """An independent check of the built HTML: nav, templates and macro output included."""
    result = run_lychee(site.site, web_root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 Errors\b", result.stdout), result.stdout


ADD_BROKEN_PAGE = "  - Home: index.md\n  - Broken: broken.md"


@pytest.mark.long
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


# Text a page may hold that must reach the reader exactly as written: Django and
# Jinja code, Python and TOML with brackets, "[%s]", and Markdown links that start
# with "[#" (each once broke the build or, in the last case, deleted the text).
LITERAL = {
    "django-in-a-fence": "```django\n{% load static %}\n<p>{{ name }}</p>{# a comment #}\n```",
    "django-inline": "Inline: `{% csrf_token %}` and `{{ form.as_p }}`.",
    "python-list-of-lists": "```python\nmatrix = [[1, 2], [3, 4]]\n```",
    "percent-format": '```python\nprint("[%s]" % name)\n```',
    "toml-array-of-tables": '```toml\n[[tool.mypy.overrides]]\nmodule = "x"\n```',
    "issue-link": "See issue [#42](https://github.com/pallets/flask/issues/42).",
    "two-hash-links": (
        "Fixed in [#42](https://github.com/pallets/flask/issues/42); this sentence stays. "
        "Like [C#](https://learn.microsoft.com/dotnet/csharp/)."
    ),
}


def test_page_text_is_never_read_as_a_macro(one_page) -> None:
    one_page.write("\n\n".join(LITERAL.values()))
    build = one_page.build()
    assert build.returncode == 0, build.log
    text = build.page("case/").select_one("article").get_text()
    for snippet in LITERAL.values():
        shown = re.sub(r"```\w*\n|\n?```|`|\[([^]]*)\]\([^)]*\)", r"\1", snippet)
        assert shown in text, shown


# A mistake on a page, and the one line the build gives for it. {line} is where the
# case's text starts in docs/case.md, front matter included.
PAGE_CASES = {
    "unknown-macro": (
        "[[ no_such_macro() ]]",
        "line {line}: unknown macro or variable 'no_such_macro'; macros: ",
    ),
    "undefined-variable": (
        "The [[ no_such_variable ]].",
        "line {line}: unknown macro or variable 'no_such_variable'; macros:",
    ),
    "missing-argument": (
        '[[ pros_cons("flask") ]]',
        "pros_cons('flask'): missing a required argument: 'kind'",
    ),
    "unknown-keyword": (
        '[[ version("flask", kind="lts") ]]',
        "version('flask', kind='lts'): got an unexpected keyword argument 'kind'",
    ),
    "type-error-inside": (
        '[[ version(["flask"]) ]]',
        "version(['flask']): unhashable type: 'list'",
    ),
    "syntax-error": (
        'Text\n\n[[ version("flask" ]]',
        "line {line+2}: macro syntax error: unexpected ']', expected ')'",
    ),
    "unclosed-block": (
        "[% if true %]\nText",
        "line {line}: macro syntax error: Unexpected end of template. Jinja was looking "
        "for the following tags: 'elif' or 'else' or 'endif'.",
    ),
    "call-without-spaces": (
        '[[version("flask")]]',
        "line {line}: write the call as [[ version(...) ]], with one space inside the brackets",
    ),
    "snippet-missing-file": (
        '```python\n--8<-- "flask/nope.py"\n```',
        "line {line+1}: snippet 'flask/nope.py' is not a file under examples/",
    ),
    "snippet-outside-the-folder": (
        '```yaml\n--8<-- "../mkdocs.yml"\n```',
        "line {line+1}: snippet '../mkdocs.yml' is not a file under examples/",
    ),
    "snippet-absolute-path": (
        '```text\n--8<-- "/etc/passwd"\n```',
        "line {line+1}: snippet '/etc/passwd' is not a file under examples/",
    ),
    "snippet-missing-section": (
        '```python\n--8<-- "case.py:nosuch"\n```',
        "line {line+1}: examples/case.py has no [start:nosuch] marker for section 'nosuch'",
    ),
    "snippet-section-without-end": (
        '```python\n--8<-- "case.py:open"\n```',
        "line {line+1}: examples/case.py has no [end:open] marker for section 'open'",
    ),
    "raw-html-missing-image": (
        'Before.\n\n<img src="img/nope.png" alt="A missing picture">',
        "line {line+2}: image 'img/nope.png' is not a file of the site "
        "(it resolves to /case/img/nope.png)",
    ),
}
# A file for the snippet cases: one section with both markers, one without its end.
CASE_SNIPPETS = (
    "# --8<-- [start:closed]\nx = 1\n# --8<-- [end:closed]\n# --8<-- [start:open]\ny = 2\n"
)


@pytest.mark.parametrize(("body", "expected"), PAGE_CASES.values(), ids=PAGE_CASES.keys())
def test_a_mistake_on_a_page_is_one_line_naming_file_and_line(
    one_page, body: str, expected: str
) -> None:
    (one_page.root / "examples" / "case.py").write_text(CASE_SNIPPETS)
    line = one_page.write(body)
    build = one_page.build()
    assert build.returncode != 0
    errors = [ln for ln in build.log.splitlines() if re.match(r"(ERROR|WARNING)\b", ln)]
    assert "Traceback" not in build.log, build.log
    assert errors[0] == "ERROR   -  Error reading page 'case.md':", build.log
    message = re.sub(r"\{line(\+\d)?\}", lambda m: str(line + int(m[1] or 0)), expected)
    assert errors[1].startswith(f"ERROR   -  docs/case.md: {message}"), build.log
    assert len(errors) == 2, build.log


def test_a_missing_markdown_image_is_reported_once_by_mkdocs(one_page) -> None:
    """The raw-HTML image check leaves Markdown images to MkDocs' own check."""
    one_page.write("![A missing picture](img/nope.png)")
    build = one_page.build()
    problems = [ln for ln in build.log.splitlines() if re.match(r"(ERROR|WARNING)\b", ln)]
    assert build.returncode != 0
    assert len(problems) == 1 and "img/nope.png" in problems[0], build.log


def test_front_matter_that_is_not_yaml_names_its_line(one_page) -> None:
    one_page.front_matter = "---\ndescription: [unclosed\ntitle: Case\n---\n"
    one_page.write("Text.")
    build = one_page.build()
    assert build.returncode != 0 and "Traceback" not in build.log
    assert (
        "ERROR   -  docs/case.md: line 3: front matter is not valid YAML: expected ',' or ']', "
        "but got ':' (while parsing a flow sequence that starts at line 2)"
    ) in build.log.splitlines(), build.log


def test_every_link_and_source_is_http_or_relative(site: Build) -> None:
    """No javascript:, data: or other scheme in any built page, data text included."""
    schemes = {
        match[1].lower()
        for html in site.html_files()
        for match in re.finditer(
            r"\s(?:href|src|action|formaction)=[\"']\s*([a-z][a-z0-9+.-]*):",
            html.read_text(encoding="utf-8"),
            re.IGNORECASE,
        )
    }
    assert schemes <= {"http", "https"}, schemes


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


def test_make_build_leaves_no_site_when_the_build_fails(one_page) -> None:
    """MkDocs writes every page before it reports a broken anchor; make removes them."""
    shutil.copy2(ROOT / "Makefile", one_page.root / "Makefile")
    one_page.write("[gone](#no-such-heading)")
    # The installed tools, and no venv target: make must not set one up in the copy.
    tools = f"BIN={Path(sys.executable).parent}"
    result = run("make", "-o", ".venv/.site-deps", "build", tools, cwd=one_page.root)
    assert result.returncode != 0
    assert "contains a link '#no-such-heading'" in result.stdout + result.stderr
    assert not (one_page.root / "site").exists()


def test_a_broken_data_file_stops_the_build_with_one_line(one_page) -> None:
    one_page.write("Text.")
    path = one_page.root / "data" / "comparison.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["dimensions"][0]["sources"][0]["url"] = "javascript:alert(1)"
    path.write_text(dump_data(data), encoding="utf-8")
    build = one_page.build()
    errors = [ln for ln in build.log.splitlines() if re.match(r"(ERROR|WARNING)\b", ln)]
    assert build.returncode != 0 and "Traceback" not in build.log
    assert len(errors) == 1 and errors[0].startswith("ERROR   -  data/comparison.yml: "), build.log
    assert "field 'sources.0.url': expected an https:// URL, got 'javascript:alert(1)'" in errors[0]
