"""`make lint` passes on the repository, pre-commit runs the same checks offline, and each
linter's configuration accepts this project's syntax while still catching real mistakes."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import yaml

from tests.conftest import venv_tool

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, env=env or os.environ.copy()
    )


def make_lint_commands() -> list[str]:
    """The recipe of the Makefile's `lint` target, with $(BIN) spelled out."""
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    return [line.strip().replace("$(BIN)/", ".venv/bin/") for line in recipe.group(1).splitlines()]


def pre_commit_commands() -> list[str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    commands = []
    for repo in config["repos"]:
        assert repo["repo"] == "local", "hooks must not be downloaded"
        for hook in repo["hooks"]:
            assert hook["language"] == "unsupported", hook["id"]  # runs .venv's tools as they are
            assert hook["pass_filenames"] is False, hook["id"]  # checks what make lint checks
            entry = shlex.split(hook["entry"])
            commands.append(entry[2] if entry[:2] == ["bash", "-c"] else hook["entry"])
    return commands


def test_make_lint_passes_on_the_repository() -> None:
    result = run("make", "--no-print-directory", "lint")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_runs_exactly_the_checks_of_make_lint() -> None:
    assert pre_commit_commands() == make_lint_commands()
    assert run(venv_tool("pre-commit"), "validate-config").returncode == 0


def test_pre_commit_hooks_pass_without_network(tmp_path: Path) -> None:
    """The hooks run from a clean pre-commit cache: nothing is installed or fetched."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = run(venv_tool("pre-commit"), "run", "--all-files", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Passed") == len(pre_commit_commands()), result.stdout


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


def test_markdown_lint_catches_broken_markdown(tmp_path: Path) -> None:
    long_line = "word " * 25
    (tmp_path / "page.md").write_text(
        f"---\ndescription: x\n---\n\n# One\n\n#Two\n\n### Skipped a level\n\n{long_line}\n"
    )
    found = pymarkdown(tmp_path / "page.md").stdout
    for rule in ("MD018", "MD001", "MD013", "MD009"):
        assert rule in found, found


def test_codespell_catches_a_typo(tmp_path: Path) -> None:
    typo = "rec" + "ieve"  # spelled out here, codespell would flag this file
    (tmp_path / "page.md").write_text(f"You will {typo} a response.\n")
    result = run(venv_tool("codespell"), "--config", str(ROOT / ".codespellrc"), str(tmp_path))
    assert result.returncode != 0
    assert f"{typo} ==> receive" in result.stdout


def test_yamllint_accepts_mkdocs_tags_and_workflow_triggers_but_not_duplicate_keys(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.yml"
    good.write_text(
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
        "emoji: !!python/name:material.extensions.emoji.twemoji\n"
        "on:\n  push:\n"
    )
    bad = tmp_path / "bad.yml"
    bad.write_text("dimensions:\n  - id: orm\n    id: routing\n")
    config = str(ROOT / ".yamllint")
    assert run(venv_tool("yamllint"), "--strict", "-c", config, str(good)).returncode == 0
    result = run(venv_tool("yamllint"), "--strict", "-c", config, str(bad))
    assert result.returncode != 0
    assert "duplication of key" in result.stdout
