"""What MkDocs does not check in a page, checked before the page is built.

- Front matter that is not valid YAML: MkDocs would show it as page text and
  drop the description.
- Snippets (`--8<-- "file:section"`): the file must exist under the snippets
  folder and the section must have a start and an end marker (without an end,
  pymdownx.snippets includes the rest of the file). A missing file is one line
  here instead of pymdownx's traceback.
- Images in raw HTML (`<img src>`): MkDocs checks only Markdown images.

Each problem stops the build with one line naming the page's file and line.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE
from pymdownx.snippets import SnippetPreprocessor


def _fail(page, line: int, problem: str) -> None:
    raise PluginError(f"{Path(page.file.src_dir).name}/{page.file.src_uri}: line {line}: {problem}")


def on_page_markdown(markdown: str, page, config, files) -> None:
    """Runs after the macros; `markdown` starts with front matter only if MkDocs could
    not read it."""
    if found := YAML_RE.match(markdown):  # MkDocs could not read it, and left it in
        _check_front_matter(page, found.group(1))
    _check_snippets(page, page.file.content_string, config)


def _check_front_matter(page, text: str) -> None:
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # + the opening --- line
        problem = getattr(error, "problem", None) or "not valid YAML"
        if context and context.line != getattr(mark, "line", None):  # an unclosed [, { or quote
            problem += f" ({error.context} that starts at line {context.line + 2})"
        _fail(page, line, f"front matter is not valid YAML: {problem}")
    if meta is not None and not isinstance(meta, dict):
        _fail(page, 2, "front matter must be `key: value` lines")


def _check_snippets(page, source: str, config) -> None:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = [Path(config.config_file_path).parent / base for base in options.get("base_path", [])]
    for number, line in enumerate(source.splitlines(), start=1):
        found = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if not found or found["escape"] or not found["snippet"]:
            continue
        target = found["snippet"][1:-1]
        path, _, section = target.rpartition(":")
        if not path or not section[:1].isalpha():  # no section, or a line range
            path, section = target.split(":")[0], ""
        file = next((base / path for base in bases if _inside(base, base / path)), None)
        if file is None:
            folders = ", ".join(f"{base.name}/" for base in bases)
            _fail(page, number, f"snippet '{path}' is not a file under {folders}")
        if section:
            _check_section(page, number, file, section)


def _inside(base: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(base.resolve()) and path.is_file()


def _check_section(page, number: int, file: Path, section: str) -> None:
    markers = []
    for line in file.read_text(encoding="utf-8").splitlines():
        found = SnippetPreprocessor.RE_SNIPPET_SECTION.match(line)
        if found and not found["escape"] and found["name"] == section:
            markers.append(found["type"].lower())
    if markers[:1] != ["start"] or "end" not in markers:
        missing = "start" if markers[:1] != ["start"] else "end"
        shown = file.relative_to(Path(page.file.src_dir).parent)
        _fail(page, number, f"{shown} has no [{missing}:{section}] marker for section '{section}'")


class _Sources(HTMLParser):
    """The src of every image in a page's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "source"):
            self.found += [value for name, value in attrs if name == "src" and value]


# Targets of Markdown images and links, `](target` and `[name]: target`: MkDocs checks those.
MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)


def on_page_content(html: str, page, config, files) -> None:
    """Images written as raw HTML point at files of the build, as the browser resolves them."""
    if "<img" not in html and "<source" not in html:
        return  # parsing every page's HTML is a large part of the build's time
    parser = _Sources()
    parser.feed(html)
    source = page.file.content_string
    checked_by_mkdocs = {a or b for a, b in MARKDOWN_TARGET.findall(source)}
    urls = {"/" + file.url for file in files}
    for src in parser.found:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("/") or src in checked_by_mkdocs:
            continue
        target = posixpath.normpath(urljoin("/" + page.url, parts.path))
        if target not in urls:
            at = source.find(src)
            line = source.count("\n", 0, at) + 1 if at >= 0 else 1
            _fail(page, line, f"image '{src}' is not a file of the site (it resolves to {target})")
