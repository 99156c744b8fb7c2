"""The linters' configuration accepts the syntax this site is written in.

`make test` runs `make lint` itself first; these tests only guard the settings that are
not obvious: pymarkdown reading Material/pymdownx syntax, yamllint reading MkDocs tags."""

from __future__ import annotations

from pathlib import Path

from tests.support import ROOT, run, venv_tool

# A page using the Markdown this site is written in: Material, pymdownx and macros.
MATERIAL_PAGE = """\
---
title: Routing
description: How Flask and Django map a URL to the code that answers it.
---

# Routing

Both frameworks map a URL to a view with a typed parameter.

Flask is at [[ version("flask") ]]; see [the table](#a-table).

## Tabs with snippets

=== "Flask"

    ```python
    --8<-- "flask/routing.py:converters"
    ```

=== "Django"

    ```python
    --8<-- "django/blog/urls.py:patterns"
    ```

!!! warning "Never in production"
    Do not run the Werkzeug debugger in production.

??? note "Collapsed"
    Hidden until opened.

## A table

| Dimension | Flask | Django |
| --- | --- | --- |
LONG_ROW

A paragraph with attributes.
{ .small }

<div class="grid cards" markdown>

- One card

</div>

[% if true %]
Rendered by the macro engine.
[% endif %]

Term
:   Definition.

A claim with a source[^1].

[^1]: [Flask: Quickstart](https://flask.palletsprojects.com/en/stable/quickstart/)
""".replace("LONG_ROW", "| Routing | " + "a table row may be long, " * 5 + "| `path()` entries |")


def pymarkdown(path: Path):
    config = str(ROOT / ".pymarkdown.json")
    return run(venv_tool("pymarkdown"), "--config", config, "scan", str(path))


def test_markdown_lint_accepts_material_syntax(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(MATERIAL_PAGE)
    result = pymarkdown(tmp_path / "page.md")
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_accepts_mkdocs_tags_and_workflow_triggers(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text(
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
        "emoji: !!python/name:material.extensions.emoji.twemoji\n"
        "on:\n  push:\n"
    )
    config = str(ROOT / ".yamllint")
    result = run(venv_tool("yamllint"), "--strict", "-c", config, str(good))
    assert result.returncode == 0, result.stdout
