"""Tabs, search, the palette toggle, code blocks and the phone's navigation drawer work
from the keyboard alone."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    SCREENS,
    SEARCHES,
    expect_opened,
    wait_for_search_index,
    wait_for_tabs,
)

FOCUSED = """(selector) => document.activeElement.matches(selector)"""


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED, selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


@pytest.mark.parametrize("screen", SCREENS)
def test_tabs_switch_with_arrow_keys(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + "/side-by-side/models/")
    tab_to(page, ".tabbed-set > input")
    page.keyboard.press("ArrowRight")  # Flask -> Django, like any radio group
    wait_for_tabs(page, "Django")
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_palette_toggle_works_with_enter(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen, color_scheme="dark")
    page = visit.page
    page.goto(base_url + "/guide/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    tab_to(page, '[data-md-component="palette"] input')
    page.keyboard.press("Enter")  # automatic (dark here) -> light
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.keyboard.press("Enter")  # light -> dark
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    visit.assert_clean()


def test_a_code_block_keeps_the_focus_while_it_is_set_up(open_tab, base_url: str) -> None:
    """Material sets up a code block when it first comes into view (content.lazy), which
    may be because the focus has just moved to it and scrolled it into view: the block
    keeps the focus. On a phone, with no mouse, setting up drops every block's tabindex;
    on a desktop only that of a block that does not scroll."""
    visit = open_tab("phone")
    page = visit.page
    page.goto(base_url + "/side-by-side/models/")
    # The page's last block is far out of view, so not set up yet. Tab would get there
    # too, but could not tell whether Material had set it up before or after the focus.
    page.locator("pre:not(:has(> .md-code__nav)) > code:visible").last.focus()
    expect(page.locator("pre > .md-code__nav + code:focus")).to_have_count(1)
    visit.assert_clean()


def test_the_navigation_drawer_opens_and_closes_with_keys(open_tab, base_url: str) -> None:
    """On a phone the site navigation is a drawer. Closed, it takes no focus (the phone's
    focus walk in test_look.py); the menu label opens it with Enter and moves the focus
    in; Escape, or Tab out of it, closes it."""
    visit = open_tab("phone")
    page = visit.page
    page.goto(base_url + "/guide/")
    drawer = page.locator(".md-sidebar--primary")
    menu = page.locator(".md-header label[for='__drawer']")
    expect(menu).to_have_text("Site navigation")  # what a screen reader reads
    tab_to(page, "label[for='__drawer']")

    for close in ("Escape", "Tab out"):
        menu.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#__drawer")).to_be_checked()
        first = drawer.locator("a[href]").first
        expect(first).to_be_focused()
        expect(first).to_be_in_viewport()
        if close == "Escape":
            page.keyboard.press("Escape")
            expect(menu).to_be_focused()
        else:
            tab_to(page, ".md-content a")  # past the drawer's last link
        expect(page.locator("#__drawer")).not_to_be_checked()
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_search_opens_a_result_with_keys_only(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    path = SEARCHES["CSRF"]
    page.goto(base_url + "/")
    page.keyboard.press("/")  # Material's shortcut; on a phone the field is otherwise hidden
    expect(page.locator(".md-search__input")).to_be_focused()
    wait_for_search_index(page)  # opening search is what loads the index
    page.keyboard.type("CSRF")
    expect(page.locator(".md-search-result__link").first).to_be_visible()
    for _ in range(10):  # arrow down through the results to the expected page
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("new URL(document.activeElement.href || location).pathname")
        if focused == urlparse(base_url).path + path:
            break
    page.keyboard.press("Enter")
    expect_opened(page, base_url, path)
    visit.assert_clean()
