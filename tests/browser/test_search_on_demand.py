"""Search loads when the reader opens it: a first visit downloads neither Material's
search worker nor the full-text index (docs/assets/javascripts/search-on-demand.js)."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import RESULT_LINKS, SCREENS, wait_for_search_index
from tests.support import Build

SEARCH_FILES = ("/assets/javascripts/workers/search.", "/search/search_index.json")


def search_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if any(part in url for part in SEARCH_FILES)]


# Marks the moment Material asks for the index (XMLHttpRequest.open): without the
# stand-in the request would go out at that very moment, in the same call.
NOTE_INDEX_ASKED = """(() => {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (new URL(url, location).pathname.endsWith("/search/search_index.json")) {
      window.searchIndexAsked = true;
    }
    return open.call(this, method, url, ...rest);
  };
})();"""


@pytest.mark.parametrize("screen", SCREENS)
def test_search_files_load_only_when_search_opens(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.add_init_script(NOTE_INDEX_ASKED)
    page.goto(base_url + "/", wait_until="networkidle")
    page.wait_for_function("window.searchIndexAsked === true")
    assert search_requests(visit.requests) == []

    if screen == "phone":
        page.locator('.md-header label.md-header__button[for="__search"]').click()
    else:
        page.keyboard.press("/")  # the shortcut focuses the field, like a click
    wait_for_search_index(page)
    page.locator(".md-search__input").press_sequentially("migrations")
    page.locator(RESULT_LINKS).first.wait_for()
    assert len(search_requests(visit.requests)) == 2, visit.requests
    visit.assert_clean()


def test_a_search_link_opened_directly_highlights_its_term(
    open_tab, base_url: str, site: Build
) -> None:
    """search.highlight needs the index: a page opened with ?h= loads search at once."""
    heading = site.page("guide/flask/").select_one("article h2").get_text(" ", strip=True)
    term = max(re.findall(r"[A-Za-z]{5,}", heading), key=len).lower()
    visit = open_tab()
    page = visit.page
    page.goto(f"{base_url}/guide/flask/?h={term}")
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert {text.lower() for text in marks.all_text_contents()} == {term}
    visit.assert_clean()
