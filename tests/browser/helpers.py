"""Small page helpers shared by the browser tests (reader, keyboard, pages, decide)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import axe_playwright_python
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# The two screens every reader-facing test runs on.
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
}
# The tab label chosen in each content tab set on the page, in page order.
CHOSEN_TABS = """() => [...document.querySelectorAll('.tabbed-set')].map((set) => {
  const checked = set.querySelector(':scope > input:checked');
  return set.querySelector(`.tabbed-labels > label[for="${checked.id}"]`).textContent.trim();
})"""
# Search words and the page whose result must open (the page that owns the topic).
SEARCHES = {
    "ORM": "/side-by-side/models/",
    "admin": "/side-by-side/auth-admin/",
    "async": "/side-by-side/async/",
    "CSRF": "/side-by-side/forms/",
    "fastapi": "/guide/fastapi/",
    "jobs": "/guide/faq/",
    "migrate": "/guide/migration/",
    "react": "/guide/faq/",
    "llm": "/guide/faq/",
    "survey": "/guide/numbers/",
}
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def chosen_tabs(page: Page) -> list[str]:
    return page.evaluate(CHOSEN_TABS)


def wait_for_tabs(page: Page, label: str) -> None:
    """Wait until every tab set on the page shows `label`, then check it."""
    page.wait_for_function(f"() => ({CHOSEN_TABS})().every((chosen) => chosen === {label!r})")
    tabs = chosen_tabs(page)
    assert len(tabs) >= 2, f"a page with linked tabs needs two tab sets or more: {tabs}"
    assert set(tabs) == {label}


def scheme(page: Page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme") or ""


def result_paths(page: Page, base_url: str) -> list[str]:
    """Site paths ('/guide/') of the page-level search results, in the order shown."""
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map((a) => a.href)")
    return [urlparse(href).path.removeprefix(urlparse(base_url).path) for href in hrefs]


def wait_for_search_index(page: Page) -> None:
    """The search worker has loaded the index (typing earlier may find nothing)."""
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")


def result_link(page: Page, base_url: str, path: str) -> Locator:
    """Wait for a search result that opens `path`, and return its link.

    A locator, not a position: results keep arriving while the worker searches, so the
    n-th result can be another page by the time it is clicked.
    """
    full_path = urlparse(base_url).path + path
    # The page itself or one of its sections: the address ends at the path, or goes on
    # with an anchor or search.highlight's ?h=.
    ends = f'[href$="{full_path}"], [href*="{full_path}#"], [href*="{full_path}?"]'
    link = page.locator(f"{RESULT_LINKS}:is({ends})").first
    try:
        link.wait_for(timeout=10_000)
    except PlaywrightTimeoutError as error:
        raise AssertionError(f"{path} not in results {result_paths(page, base_url)}") from error
    return link


def expect_opened(page: Page, base_url: str, path: str) -> None:
    """A search result opened the page at `path` (search.highlight may append ?h=...),
    and search has closed: Material closes it a moment after the page opens, so search
    opened again before then would close under the next query."""
    expect(page).to_have_url(re.compile(re.escape(base_url + path) + r"(\?h=[^#]*)?(#.*)?$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#__search")).not_to_be_checked()


def scroll_through_code(page: Page) -> None:
    """Bring each code block on show into view, as a reader scrolling the page does:
    Material sets up a block (its copy button) when it first comes into view."""
    for block in page.locator(".md-typeset .highlight:visible").all():
        block.scroll_into_view_if_needed()


# WCAG 2.2 A and AA (the 2.0 and 2.1 rules included) plus axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],  # passes are not serialised: much faster
}
# The rules whose outcome depends on colour: all that a second palette can change.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
# axe-core 4.12, shipped inside the axe-playwright-python wheel: no CDN.
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")


# Blocks off screen are skipped (extra.css, content-visibility) until a reader scrolls to
# them. axe reads colours from what is painted, and a whole-page screenshot is taken beyond
# the viewport: both see every block drawn, as a reader does once it is on screen.
# A constructed sheet: the page's CSP blocks <style>.
RENDER_EVERY_BLOCK = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("* { content-visibility: visible !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


def axe_violations(page: Page, options: dict = AXE_OPTIONS) -> list[str]:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(RENDER_EVERY_BLOCK)
        # Evaluated, not added as a <script>: the page's CSP blocks inline scripts.
        page.evaluate(Path(AXE_SCRIPT).read_text(encoding="utf-8"))
    return page.evaluate(
        """async (options) => (await axe.run(document, options)).violations.map(
             (v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target).join(" | ")}`)""",
        options,
    )
