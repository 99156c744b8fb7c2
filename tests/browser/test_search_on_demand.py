"""Search loads when the reader opens it: a first visit downloads neither Material's
search worker nor the full-text index (overrides/partials/search-on-demand.html)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENS
from tests.browser.helpers import RESULT_LINKS, wait_for_search_index

SEARCH_FILES = ("/assets/javascripts/workers/search.", "/search/search_index.json")


def search_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if any(part in url for part in SEARCH_FILES)]


@pytest.mark.parametrize("screen", SCREENS)
def test_search_files_load_only_when_search_opens(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + "/", wait_until="networkidle")
    page.wait_for_timeout(500)  # the worker and index used to start right after load
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
