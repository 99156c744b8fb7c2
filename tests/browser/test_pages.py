"""Every page, on a desktop and a 375 px phone: it loads from 127.0.0.1 alone without an
error, neither it nor any of its tables scrolls sideways, nothing in a table cell runs past
the cell or breaks mid-identifier, and axe-core finds no violation
(light and dark palettes)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import page_paths
from tests.browser.helpers import AXE_COLOUR_OPTIONS, AXE_OPTIONS, SCREENS, axe_violations
from tests.support import Build

# What Material sets on <body> for each system colour scheme (palette "automatic"), and the
# axe rules checked in it: all of them in light, in dark the ones that colour can change.
SCHEMES = {"light": ("default", AXE_OPTIONS), "dark": ("slate", AXE_COLOUR_OPTIONS)}

# Elements sticking out past the right edge that are not inside a box that scrolls itself.
WIDE_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => el.closest(
    '.md-typeset__scrollwrap, pre, .md-sidebar, .md-tabs, .md-search');
  return [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .slice(0, 5).map((el) => el.outerHTML.slice(0, 120));
}"""


# Tables wider than the box Material puts them in: a reader would have to scroll sideways.
WIDE_TABLES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => box.textContent.trim().slice(0, 80))"""


# Table content that runs past its own cell (a badge into the next column), and inline code
# split mid-name though the cell has room for it whole (`DJANGO_SE/TTINGS_MODULE`); spaces and
# hyphens are where a reader expects a break.
SPILLS = """() => [...document.querySelectorAll('.md-typeset table :is(th, td)')]
.flatMap((cell) => {
  // Inline code's padding, cloned on each line, may overhang a line's end by a pixel or two.
  const edge = cell.getBoundingClientRect().right + 2;
  const style = getComputedStyle(cell);
  const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const spilled = [...cell.querySelectorAll('*')]
    .filter((el) => !el.closest('pre') && el.getBoundingClientRect().right > edge);
  const width = (el) => [...el.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
  const broken = [...cell.querySelectorAll('code')].filter((code) =>
    !/[\\s-]/.test(code.textContent) && code.getClientRects().length > 1 && width(code) <= room);
  return [...spilled, ...broken].map((el) => el.outerHTML.slice(0, 100));
})"""


def test_every_built_page_is_checked(site: Build) -> None:
    built = {
        "/" + str(path.relative_to(site.site)).removesuffix("index.html")
        for path in site.html_files()
    }
    assert built == set(page_paths())


@pytest.mark.parametrize("path", page_paths())
@pytest.mark.parametrize("screen", SCREENS)
def test_page_is_clean_and_accessible(open_tab, base_url: str, screen: str, path: str) -> None:
    visit = open_tab(screen)
    page = visit.page
    # Instant navigation fetches the sitemap once the page has loaded; the checks of
    # requests and console come last, so late requests count too.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(base_url + path)

    width = page.evaluate("document.documentElement.clientWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, page.evaluate(WIDE_ELEMENTS)
    assert not page.evaluate(WIDE_TABLES), "tables that scroll sideways"
    assert not page.evaluate(SPILLS), "table content past its cell or split mid-word"

    for scheme, (attribute, options) in SCHEMES.items():
        page.emulate_media(color_scheme=scheme)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", attribute)
        violations = axe_violations(page, options)
        assert not violations, f"{scheme} palette: {violations}"
    visit.assert_clean()
