"""The templates copied from Material are the installed Material's plus our known changes.

When a Material upgrade changes a copied file, this fails with the diff, so the copy is
refreshed by hand instead of silently keeping the old theme's markup.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest

from tests.support import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# The comment every file opens with: Material's "generated" note, our reason for the copy.
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
SITE_META = re.compile(r"^ *\{% block site_meta %\}.*?\{% endblock %\}$", re.DOTALL | re.MULTILINE)

# Each copy: (our file, Material's file, part compared, [(Material's text, ours)]).
COPIES = [
    (
        "partials/nav-item.html",
        "partials/nav-item.html",
        None,
        [
            (
                # The toggle label of a section page: its icon, then our hidden title.
                re.compile(
                    r'(tabindex="\{\{ tabindex \}\}">\n( *)<span class="md-nav__icon[^\n]*\n)'
                ),
                r'\1\2<span class="sr-only">{{ nav_item.title | striptags }}</span>\n',
            )
        ],
    ),
    (
        "partials/search.html",
        "partials/search.html",
        None,
        [('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')],
    ),
    (
        "partials/progress.html",
        "partials/progress.html",
        None,
        [('role="progressbar"', 'aria-hidden="true"')],
    ),
    (
        "partials/source.html",
        "partials/source.html",
        None,
        [(' class="md-source" data-md-component="source">', ' class="md-source">')],
    ),
    (
        "main.html",
        "base.html",
        SITE_META,
        [
            ("page.meta.description }}", "page.meta.description | e }}"),
            ("config.site_description }}", "config.site_description | e }}"),
            ("page.meta.author }}", "page.meta.author | e }}"),
            ("config.site_author }}", "config.site_author | e }}"),
            (re.compile(r'\n *<meta name="generator"[^\n]*'), ""),
        ],
    ),
]


def part(text: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return HEADER.sub("", text)
    found = pattern.search(text)
    assert found, f"no {pattern.pattern!r} in the template"
    return found[0]


def dedent(text: str) -> str:
    """Material indents blocks inside base.html; our copy starts at column 0."""
    lines = text.splitlines()
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines)


@pytest.mark.parametrize(
    ("ours", "theirs", "pattern", "changes"), COPIES, ids=[copy[0] for copy in COPIES]
)
def test_copy_is_material_plus_known_changes(ours, theirs, pattern, changes):
    expected = dedent(part((THEME / theirs).read_text(encoding="utf-8"), pattern))
    for old, new in changes:
        if isinstance(old, re.Pattern):
            expected, count = old.subn(new, expected)
        else:
            count = expected.count(old)
            expected = expected.replace(old, new)
        assert count == 1, f"Material's {theirs} no longer has {getattr(old, 'pattern', old)!r}"
    actual = dedent(part((OVERRIDES / ours).read_text(encoding="utf-8"), pattern))
    diff = "\n".join(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"Material {theirs} + known changes",
            f"overrides/{ours}",
            lineterm="",
        )
    )
    assert not diff, f"overrides/{ours} differs from the installed Material's copy:\n{diff}"
