"""The look and feel, measured in Chromium: the home page's first screen, the palette's
first paint, a visible focus indicator on every control, the 404 page, one colour per
framework in both schemes, tab labels that are not links, and the corrections' widths."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from macros.data import load_site_data
from tests.browser.helpers import SCREENS
from tests.support import ROOT

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
# Where a focus indicator can show: the focused element and its labels (a themed radio's
# ring is on its label), with room for an outline's offset, within the viewport. Comparing
# this area, not the whole screen, keeps the walk fast; null when none of it is on screen.
FOCUS_AREA = """() => {
  const el = document.activeElement;
  const boxes = [el, ...(el.labels || [])].map((node) => node.getBoundingClientRect());
  const room = 12;
  const left = Math.max(0, Math.min(...boxes.map((box) => box.left)) - room);
  const top = Math.max(0, Math.min(...boxes.map((box) => box.top)) - room);
  const right = Math.min(innerWidth, Math.max(...boxes.map((box) => box.right)) + room);
  const bottom = Math.min(innerHeight, Math.max(...boxes.map((box) => box.bottom)) + room);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}"""
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
    for button in page.locator(".fvd-hero .md-button").all():
        assert in_view(page, button), button.bounding_box()
    # The first "Choose … if" card starts on the first screen too.
    card = page.locator(".fvd-choose h2").first
    assert in_view(page, card), card.bounding_box()
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


@pytest.mark.long
@pytest.mark.parametrize(
    ("path", "screen"), [(path, "desktop") for path in FOCUS_PAGES] + [("/", "phone")]
)
def test_every_control_shows_where_the_focus_is(
    open_tab, base_url: str, path: str, screen: str
) -> None:
    """Tab through the page: each stop looks different focused and unfocused (WCAG 2.4.7).
    On a phone the header and the navigation drawer work differently: one page there."""
    visit = open_tab(screen)
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
        area = page.evaluate(FOCUS_AREA)
        focused = page.screenshot(clip=area, animations="disabled")
        page.evaluate("document.activeElement.blur()")
        page.evaluate(NEXT_FRAME)
        if page.screenshot(clip=area, animations="disabled") == focused:
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


# A test case of data/decision.yml whose answers give both frameworks points: both segments
# of the helper's score bar show.
DECISION = load_site_data(ROOT / "data", ROOT / "docs").decision
QUESTION_OF = {a["id"]: q["id"] for q in DECISION["questions"] for a in q["answers"]}
WEIGHTS = {a["id"]: a["weights"] for q in DECISION["questions"] for a in q["answers"]}
BOTH_SCORE = "?" + urlencode(
    next(
        {QUESTION_OF[answer]: answer for answer in case["answers"]}
        for case in DECISION["cases"]
        if all(
            sum(WEIGHTS[answer][side] for answer in case["answers"])
            for side in WEIGHTS[case["answers"][0]]
        )
    )
)
# Where each framework's colour shows, per page: (selector, CSS property) for Flask and Django.
FRAMEWORK_MARKS = {
    "/": {
        "flask": (".fvd-answer .fvd-flask", "color"),
        "django": (".fvd-answer .fvd-django", "color"),
    },
    "/guide/comparison/": {
        "flask": ("thead th[data-framework='flask']", "color"),
        "django": ("thead th[data-framework='django']", "color"),
    },
    "/guide/decide/" + BOTH_SCORE: {
        "flask": (".decide-bar-flask", "background-color"),
        "django": (".decide-bar-django", "background-color"),
    },
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_framework_has_one_colour_everywhere(open_tab, base_url: str, scheme: str) -> None:
    """The answer on the home page, the comparison's column heads and the helper's score bar."""
    page = open_tab(color_scheme=scheme).page
    seen: dict[str, set[str]] = {"flask": set(), "django": set()}
    for path, marks in FRAMEWORK_MARKS.items():
        page.goto(base_url + path)
        for framework, (selector, prop) in marks.items():
            element = page.locator(selector).first
            expect(element).to_be_visible()
            seen[framework].add(element.evaluate(f"el => getComputedStyle(el)[{prop!r}]"))
    assert len(seen["flask"]) == 1, seen
    assert len(seen["django"]) == 1, seen
    assert seen["flask"] != seen["django"]


def test_tab_labels_are_tabs_and_prose_links_stay_underlined(open_tab, base_url: str) -> None:
    """Material puts a link in each tab label; the prose link rule must not underline it."""
    page = open_tab().page
    page.goto(base_url + "/side-by-side/models/")
    decoration = "el => getComputedStyle(el).textDecorationLine"
    labels = page.locator(".tabbed-labels > label")
    expect(labels.first).to_be_visible()
    for element in [*labels.all(), *page.locator(".tabbed-labels > label a").all()]:
        assert element.evaluate(decoration) == "none", element.evaluate("el => el.outerHTML")
    prose = page.locator("article p a[href^='http']").first
    assert prose.evaluate(decoration) == "underline"


def test_corrections_give_the_width_to_what_is_true_now(open_tab, base_url: str) -> None:
    page = open_tab("desktop").page
    page.goto(base_url + "/guide/corrections/")
    table = page.locator("table[data-table='corrections']").first
    widths = table.locator("thead th").evaluate_all(
        "cells => cells.map((th) => [th.textContent.trim(), th.getBoundingClientRect().width])"
    )
    truth = table.locator("td[data-label='What is true now']").first
    column = truth.evaluate("td => [...td.parentElement.children].indexOf(td)")
    assert max(widths, key=lambda cell: cell[1]) == widths[column], widths


@pytest.mark.parametrize("screen", SCREENS)
def test_sources_fold_to_their_count_and_unfold_on_paper(
    open_tab, base_url: str, screen: str
) -> None:
    page = open_tab(screen).page
    page.goto(base_url + "/guide/comparison/")
    cell = page.locator("td[data-label='Sources']").first
    links = cell.locator("a")
    expect(cell.locator("summary")).to_have_text(re.compile(rf"^{links.count()} sources?$"))
    expect(links.first).to_be_hidden()
    cell.locator("summary").click()
    expect(links.first).to_be_visible()
    cell.locator("summary").click()
    page.emulate_media(media="print")
    expect(links.first).to_be_visible()
    expect(cell.locator("summary")).to_be_hidden()
