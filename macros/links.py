"""Where a docs file lives in the built site, and how to link to it from a page.

MkDocs already knows every URL (`Files`, `File.url_relative_to`), so nothing
here computes one. This is the only module that touches the engine's file
objects: a move to another engine replaces `page_linker` and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.datafile import DataError

# A docs-relative path with an optional #anchor -> (href from the current page, page title).
Linker = Callable[[str], tuple[str, str]]


def page_linker(files, page_file) -> Linker:
    """Resolve docs-relative links ('side-by-side/routing.md#x') against the page being built."""

    def link(target: str) -> tuple[str, str]:
        path, _, anchor = target.partition("#")
        found = files.get_file_from_path(path)
        if found is None:
            raise DataError(f"link to '{target}': no such file in the build")
        href = found.url_relative_to(page_file) + (f"#{anchor}" if anchor else "")
        page = getattr(found, "page", None)
        return href, (page.title if page is not None and page.title else path)

    return link


def anchors_on(files) -> Callable[[str], set[str] | None]:
    """The ids on a built page, by its docs path (None if it is not a built page)."""

    def anchors(path: str) -> set[str] | None:
        found = files.get_file_from_path(path)
        page = getattr(found, "page", None)
        return getattr(page, "present_anchor_ids", None)

    return anchors
