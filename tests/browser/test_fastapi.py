"""The FastAPI tab in Chromium: chosen once, it follows the reader to the other page that has it.

Pages without FastAPI code have no FastAPI tab, so there the reader sees the
default Flask tab instead of an empty one (the built pages are checked in
tests/samples/test_side_by_side_pages.py).
"""

from __future__ import annotations

import pytest

from tests.browser.helpers import SCREENS, chosen_tabs, wait_for_tabs
from tests.samples.test_side_by_side_pages import fastapi_topics

WITH = [f"/side-by-side/{topic}/" for topic in fastapi_topics()]
WITHOUT = "/side-by-side/routing/"


@pytest.mark.parametrize("screen", SCREENS)
def test_fastapi_choice_follows_to_pages_with_fastapi_and_flask_shows_elsewhere(
    open_tab, base_url: str, screen: str
) -> None:
    assert len(WITH) >= 2, WITH
    assert WITHOUT.strip("/").rsplit("/", 1)[-1] not in fastapi_topics()
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + WITH[0])
    page.locator(".tabbed-set").first.locator(".tabbed-labels > label", has_text="FastAPI").click()
    wait_for_tabs(page, "FastAPI")

    for path in [*WITH[1:], WITHOUT, WITH[0]]:
        page.goto(base_url + path)
        if path == WITHOUT:
            page.wait_for_selector(".tabbed-set")
            assert set(chosen_tabs(page)) == {"Flask"}
        else:
            wait_for_tabs(page, "FastAPI")
    visit.assert_clean()
