"""What a reader does with a mouse or a finger, on a desktop and on a 375 px phone:
linked Flask/Django tabs, search, the light/dark toggle and the copy button."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    RESULT_LINKS,
    SCREENS,
    SEARCHES,
    axe_violations,
    chosen_tabs,
    expect_opened,
    result_link,
    scheme,
    scroll_through_code,
    wait_for_search_index,
    wait_for_tabs,
)

TABS_PAGE = "/side-by-side/models/"  # its footer "Next" link leads to another page with tabs
CODE_PAGE = "/side-by-side/models/"
LONG_CODE_PAGE = "/guide/migration/"  # the most code blocks
COPY_BUTTON = "button.md-code__button[data-md-type='copy']"
# What setting up a code block can change: its focus, its copy button and the button's box.
SET_UP_RULES = {
    "runOnly": {
        "type": "rule",
        "values": ["scrollable-region-focusable", "button-name", "landmark-unique"],
    },
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize("screen", SCREENS)
def test_choosing_django_switches_every_tab_set_and_is_remembered(
    open_tab, base_url: str, screen: str
) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + TABS_PAGE)
    assert set(chosen_tabs(page)) == {"Flask"}  # Flask is the default, left tab

    page.locator(".tabbed-set").first.locator(".tabbed-labels > label", has_text="Django").click()
    wait_for_tabs(page, "Django")

    # Instant navigation swaps the page in place; the marker proves there was no reload.
    page.evaluate("window.__sameDocument = true")
    next_link = page.locator("a.md-footer__link--next")
    next_url = next_link.evaluate("a => a.href")
    next_link.click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "(#.*)?$"))
    wait_for_tabs(page, "Django")
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"

    page.go_back()
    # Choosing a tab puts its anchor in the address (#django).
    expect(page).to_have_url(re.compile(re.escape(base_url + TABS_PAGE) + "(#.*)?$"))
    wait_for_tabs(page, "Django")

    page.reload()
    wait_for_tabs(page, "Django")
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_search_finds_each_page_and_opens_it(open_tab, base_url: str, screen: str) -> None:
    """Search after search, as one reader does: each starts on the page the last one
    opened, and the index, loaded once, survives instant navigation."""
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + "/")
    field = page.locator(".md-search__input")
    for query, path in SEARCHES.items():
        if screen == "phone":  # the phone header shows a search button, not the field
            page.locator('.md-header label.md-header__button[for="__search"]').click()
        else:
            field.click()
        wait_for_search_index(page)
        field.fill("")  # the last query may still be there; its results go with it
        expect(page.locator(RESULT_LINKS)).to_have_count(0)
        field.press_sequentially(query)  # keystrokes, as a reader types

        result_link(page, base_url, path).click()
        expect_opened(page, base_url, path)
    index_loads = [url for url in visit.requests if url.endswith("/search/search_index.json")]
    assert len(index_loads) == 1, index_loads
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_palette_toggle_switches_light_and_dark_and_persists(
    open_tab, base_url: str, screen: str
) -> None:
    # The system is dark: the "automatic" palette starts dark, so each click shows a change.
    visit = open_tab(screen, color_scheme="dark")
    page = visit.page
    page.goto(base_url + "/guide/")
    toggle = page.locator('[data-md-component="palette"] label:not([hidden])')
    assert scheme(page) == "slate"

    toggle.click()  # automatic -> light, against the system setting
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.reload()
    assert scheme(page) == "default"

    toggle.click()  # light -> dark
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "/side-by-side/")
    assert scheme(page) == "slate"
    # The chosen palette (dark), not the system setting, is in force: its toggle is shown.
    expect(toggle).to_have_attribute("title", "Follow the system setting")
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_copy_button_copies_the_sample(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + CODE_PAGE)
    # A visible block without code annotations (their markers are not part of the code).
    block = page.locator(".md-typeset .highlight:visible:not(:has(.md-annotation))").first
    code = block.locator("pre > code").text_content() or ""
    assert len(code.strip()) > 10

    block.scroll_into_view_if_needed()  # the button arrives with the block (content.lazy)
    block.locator(COPY_BUTTON).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.strip()
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_each_code_block_is_set_up_as_it_comes_into_view(
    open_tab, base_url: str, screen: str
) -> None:
    """Material sets up a code block when it first comes into view (content.lazy): a reader
    who scrolls through the page finds a copy button on every block, and nothing it adds
    breaks the page's accessibility."""
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + LONG_CODE_PAGE)
    blocks = page.locator(".md-typeset .highlight:visible").all()
    assert len(blocks) > 1
    scroll_through_code(page)
    for block in blocks:
        expect(block.locator(COPY_BUTTON)).to_have_count(1)
    assert axe_violations(page, SET_UP_RULES) == []
    visit.assert_clean()
