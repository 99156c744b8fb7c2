"""Check a page's macro text before the macro engine renders it.

mkdocs-macros answers a Jinja syntax error, an unknown macro or an undefined
variable with a multi-line report, and counts lines without the page's front
matter. This finds the same mistakes first and says each in one line, with the
line number as the author's editor shows it.
"""

from __future__ import annotations

import re

import jinja2
from jinja2 import meta, nodes


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of the page's file come before `markdown` (its front matter)."""
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def problem(
    engine: jinja2.Environment, markdown: str, known: set[str], macros: set[str]
) -> tuple[int, str] | None:
    """(line in `markdown`, what is wrong) for the first mistake, else None.

    `known` holds every name a page may use; `macros` the page macros, whose
    calls must be written with the engine's own delimiters (spaces included).
    """
    try:
        tree = engine.parse(markdown)
        engine.compile(tree)  # an unknown filter
    except jinja2.TemplateSyntaxError as error:
        return error.lineno, f"macro syntax error: {error.message}"
    if unknown := meta.find_undeclared_variables(tree) - known:
        name = min(unknown)
        line = min(n.lineno for n in tree.find_all(nodes.Name) if n.name == name)
        return line, f"unknown macro or variable '{name}'; macros: {', '.join(sorted(macros))}"
    start, end = engine.variable_start_string, engine.variable_end_string
    miswritten = re.compile(rf"\[\[\s*({'|'.join(map(re.escape, sorted(macros)))})\s*\(")
    for number, line in enumerate(markdown.splitlines(), start=1):
        for found in miswritten.finditer(line):
            if not line.startswith(f"{start}{found[1]}(", found.start()):
                return number, (
                    f"write the call as {start}{found[1]}(...){end}, "
                    "with one space inside the brackets"
                )
    return None
