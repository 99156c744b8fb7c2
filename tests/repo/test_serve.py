"""`mkdocs serve` is the author's loop: a mistake shows in the terminal, the server lives on,
and fixing the mistake brings the preview back without a restart."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from tests.repo.serving import REBUILD_SECONDS, DevServer, dev_server, wait_until

pytestmark = pytest.mark.long

# name: (file, how the author breaks it, what the terminal must say)
FAULTS = {
    # A page calls a macro that does not exist.
    "undefined-macro": (
        "docs/index.md",
        lambda good: "# Home\n\n[[ no_such_macro() ]]\n",
        r"ERROR .*docs/index\.md: line 3: unknown macro or variable 'no_such_macro'",
    ),
    # A data file that is not valid YAML: the loader names the file and the line.
    "data-yaml-syntax": (
        "data/comparison.yml",
        lambda good: "dimensions: [\n  - id: orm\n",
        r"ERROR .*comparison\.yml: YAML syntax error at line \d+",
    ),
    # Macro code that does not parse: reloading it must not take the server down.
    "macro-syntax-error": (
        "macros/__init__.py",
        lambda good: good + "\n\ndef half_written(:\n",
        r"SyntaxError",
    ),
}


def rebuild(server: DevServer, path: Path, text: str) -> None:
    """Write a file and wait until the server has finished the rebuild it triggers."""
    before = server.builds_finished()
    path.write_text(text, encoding="utf-8")
    try:
        wait_until(lambda: server.builds_finished() > before, REBUILD_SECONDS, f"rebuild: {path}")
    except AssertionError as error:
        raise AssertionError(f"{error}\n--- mkdocs serve said:\n{server.log[-3000:]}") from None


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_serve_reports_a_broken_file_and_recovers_when_it_is_fixed(
    project_copy: Path, fault: str
) -> None:
    relative, breaking, message = FAULTS[fault]
    target = project_copy / relative
    good = target.read_text(encoding="utf-8")
    with dev_server(project_copy) as server:
        rebuild(server, target, breaking(good))

        # The terminal names the problem, and says the rebuild failed.
        assert re.search(message, server.log), server.log
        assert "An error happened during the rebuild" in server.log
        assert server.process.poll() is None, "mkdocs serve exited"
        # The server still answers: the live-reload endpoint replies at once, and a
        # page requested now waits for a good build (MkDocs never serves a failed one).
        assert server.get("livereload/0/0")[0] == 200
        pending: dict[str, tuple[int, str]] = {}
        waiting = threading.Thread(target=lambda: pending.update(page=server.get("", 60)))
        waiting.start()

        rebuild(server, target, good)
        waiting.join(REBUILD_SECONDS)
        assert pending.get("page", (0, ""))[0] == 200, pending
        status, body = server.get()
        assert status == 200
        assert "no_such_macro" not in body
        assert server.log.count("Documentation built in") >= 2


# Appended to macros/__init__.py after the edit: a page hook, which mkdocs-macros
# reads from the package object it imported before the edit.
EDITED_PAGE_HOOK = """

_hook_before_the_edit = globals().get("on_post_page_macros")


def on_post_page_macros(env):
    if _hook_before_the_edit:
        _hook_before_the_edit(env)
    env.markdown += "\\n\\nThe page hook ran after the edit.\\n"
"""


def test_serve_runs_edited_macro_code_without_a_restart(project_copy: Path) -> None:
    """mkdocs-macros imports macros/ once per process; an edit must still take effect,
    in define_env and in the page hooks, on the first rebuild after it."""
    page = project_copy / "docs" / "index.md"
    page.write_text("# Home\n\nThe macro says [[ edited_probe() ]].\n", encoding="utf-8")
    init = project_copy / "macros" / "__init__.py"
    source = init.read_text(encoding="utf-8")
    hook = "        return edited.define_env(env)\n"
    assert hook in source, "define_env must start with the devreload check"
    probe = hook + '    env.macro(lambda: "{}", "edited_probe")\n'
    init.write_text(source.replace(hook, probe.format("before the edit")), encoding="utf-8")
    with dev_server(project_copy) as server:
        assert "before the edit" in server.get()[1]
        edited = source.replace(hook, probe.format("after the edit")) + EDITED_PAGE_HOOK
        rebuild(server, init, edited)
        status, body = server.get()
        assert status == 200, server.log
        assert "after the edit" in body
        assert "The page hook ran after the edit." in body


def test_serve_rebuilds_when_an_example_or_an_override_changes(project_copy: Path) -> None:
    """Snippets and theme overrides live outside docs/; `watch:` makes serve see them."""
    example = project_copy / "examples" / "watched_probe.py"
    example.parent.mkdir(exist_ok=True)
    sample = '# --8<-- [start:probe]\nprint("{}")\n# --8<-- [end:probe]\n'
    example.write_text(sample.format("first version"), encoding="utf-8")
    (project_copy / "docs" / "index.md").write_text(
        '# Home\n\n```python\n--8<-- "watched_probe.py:probe"\n```\n', encoding="utf-8"
    )
    override = project_copy / "overrides" / "partials" / "source.html"
    with dev_server(project_copy) as server:
        assert "first version" in server.get()[1]

        # The page itself is the outcome: serve holds a request until its rebuild is done.
        example.write_text(sample.format("second version"), encoding="utf-8")
        wait_until(lambda: "second version" in server.get()[1], REBUILD_SECONDS, "the new sample")

        override.write_text(override.read_text() + "<!-- override edited -->\n", encoding="utf-8")
        wait_until(lambda: "override edited" in server.get()[1], REBUILD_SECONDS, "the override")
