"""The look and feel, measured in Chromium: the home page's first screen, the palette's
first paint, a visible focus indicator on every control, the 404 page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENS

# Material's default palette: primary indigo and accent indigo (palette "indigo").
INDIGO = {"rgb(64, 81, 181)", "rgb(82, 108, 254)"}
# Every colour an element paints: text, background, borders, outline, shadow.
PAINTED = """() => [...document.querySelectorAll('*')].flatMap((el) => {
  const style = getComputedStyle(el);
  return ['color', 'background-color', 'border-top-color', 'border-bottom-color',
          'outline-color', 'box-shadow'].map((name) => style.getPropertyValue(name));
})"""
# The palette's primary colour as the browser resolves it.
PRIMARY = """() => {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.backgroundColor = 'var(--md-primary-fg-color)';
  return getComputedStyle(probe).backgroundColor;
}"""
# The focused element: its place in the document and the start of its markup.
ACTIVE = """() => {
  const el = document.activeElement;
  if (el === document.body) return null;
  return [[...document.querySelectorAll('*')].indexOf(el), el.outerHTML.slice(0, 90)];
}"""
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Pages whose controls are tabbed through: every kind of control the site has.
FOCUS_PAGES = ["/", "/guide/decide/", "/guide/comparison/", "/side-by-side/models/"]


def in_view(page: Page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


@pytest.mark.parametrize("screen", SCREENS)
def test_home_first_screen_has_the_answer_and_the_way_to_the_helper(
    open_tab, base_url: str, screen: str
) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + "/")
    answer = page.locator(".fvd-hero .fvd-answer")
    expect(answer).to_contain_text("Flask")
    expect(answer).to_contain_text("Django")
    helper = page.locator(".fvd-hero a[href$='guide/decide/']")
    expect(helper).to_have_count(1)
    assert in_view(page, answer), answer.bounding_box()
    assert in_view(page, helper), helper.bounding_box()
    visit.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("script", ["none", "before Material's bundle", "all"])
def test_no_indigo_is_painted_on_first_load(
    open_tab, browser, base_url: str, script: str, scheme: str
) -> None:
    """Material paints indigo wherever a palette entry lacks colours; ours has them all."""
    if script == "none":
        context = browser.new_context(java_script_enabled=False, color_scheme=scheme)
        page = context.new_page()
    else:
        page = open_tab(color_scheme=scheme).page
        if script != "all":  # the moment before Material's script has run
            page.route(re.compile(r"/bundle\.[^/]*\.js$"), lambda route: route.fulfill(body=""))
    page.goto(base_url + "/guide/decide/")
    expect(page.locator("body")).to_have_attribute("data-md-color-primary", "custom")
    painted = set(page.evaluate(PAINTED))
    assert not painted & INDIGO
    assert not any(colour in shadow for shadow in painted for colour in INDIGO)
    # The header paints the palette's own primary colour.
    header = page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == page.evaluate(PRIMARY)


@pytest.mark.parametrize("path", FOCUS_PAGES)
def test_every_control_shows_where_the_focus_is(open_tab, base_url: str, path: str) -> None:
    """Tab through the page: each stop looks different focused and unfocused (WCAG 2.4.7)."""
    visit = open_tab()
    page = visit.page
    page.goto(base_url + path + ("?team=knows-flask" if "decide" in path else ""))
    seen, invisible = [], []
    for _ in range(150):
        page.keyboard.press("Tab")
        stop = page.evaluate(ACTIVE)
        if stop is None or stop in seen:  # back at the start
            break
        seen.append(stop)
        page.evaluate(NEXT_FRAME)  # styles of the new state applied and painted
        focused = page.screenshot(animations="disabled")
        page.evaluate("document.activeElement.blur()")
        page.evaluate(NEXT_FRAME)
        if page.screenshot(animations="disabled") == focused:
            invisible.append(stop[1])
        page.evaluate("index => document.querySelectorAll('*')[index].focus()", stop[0])
    assert len(seen) > 10, "Tab reached too few controls to judge"
    assert not invisible, invisible
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_404_page_offers_search_and_the_main_pages(open_tab, base_url: str, screen: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + "/404.html")  # what GitHub Pages sends for any missing address
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    for path in ("/guide/decide/", "/guide/comparison/", "/side-by-side/"):
        link = page.locator(f"article a[href$='{path}']")
        expect(link).to_have_count(1)
    page.get_by_role("button", name="Search the guide").click()
    expect(page.locator(".md-search__input")).to_be_focused()
    expect(page.locator(".md-search__input")).to_be_visible()
    visit.assert_clean()
